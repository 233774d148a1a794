#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about where output goes, for colour and interactivity decisions.
public enum Terminal {
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Colour only on a terminal, never with `NO_COLOR` set (to anything), never with `TERM=dumb`.
    public static func useColor(fd: Int32, environment: [String: String]) -> Bool {
        if environment["NO_COLOR"] != nil { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal(fd)
    }
}

/// Unbuffered-enough writes to the standard streams without touching C's `stdout` globals
/// (Swift 6 rejects them as not concurrency-safe).
public enum StandardStreams {
    public static func write(_ text: String, to fd: Int32 = 1) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buf in
                Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }

    public static func error(_ text: String) { write(text.hasSuffix("\n") ? text : text + "\n", to: 2) }
}
