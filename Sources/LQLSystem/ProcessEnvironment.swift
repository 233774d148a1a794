#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process environment, read from `environ` directly. lql's run path avoids Foundation
/// (`ProcessInfo` and friends) because every Foundation call pulls in pages of a 60 MB
/// library: `lql run` has a peak-memory budget (bench/export).
public enum ProcessEnvironment {
    public static func current() -> [String: String] {
        var result: [String: String] = [:]
        #if canImport(Darwin)
        guard var entry = _NSGetEnviron().pointee else { return [:] }
        #else
        var entry = environ
        #endif
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let eq = pair.firstIndex(of: "=") {
                let name = String(pair[..<eq])
                // The first definition wins, as getenv(3) does.
                if result[name] == nil { result[name] = String(pair[pair.index(after: eq)...]) }
            }
            entry += 1
        }
        return result
    }
}
