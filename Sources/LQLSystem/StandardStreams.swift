#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Unbuffered-enough writes to the standard streams without touching C's `stdout` globals
/// (Swift 6 rejects them as not concurrency-safe).
public enum StandardStreams {
    public static func write(_ text: String, to fd: Int32 = 1) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buf in
                systemWrite(fd, buf.baseAddress! + offset, buf.count - offset)
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
