#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where writers put their bytes. Implementations buffer and write in chunks, not per row.
public protocol OutputSink: AnyObject {
    func write(_ text: String) throws
    /// Pushes buffered bytes to the destination (writers call it at the end of a result).
    func flush() throws
}

public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    static func systemError(_ what: String) -> OutputError {
        OutputError("\(what): \(String(cString: strerror(errno)))")
    }
}

/// A buffered sink over a file descriptor (stdout by default), flushed every 64 KiB.
public final class FileDescriptorSink: OutputSink {
    public let fileDescriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    private let closesOnDeinit: Bool

    public init(fileDescriptor: Int32, capacity: Int = 64 * 1024, closesOnDeinit: Bool = false) {
        self.fileDescriptor = fileDescriptor
        self.capacity = capacity
        self.closesOnDeinit = closesOnDeinit
        buffer.reserveCapacity(capacity + 1024)
    }

    public static func standardOutput() -> FileDescriptorSink { FileDescriptorSink(fileDescriptor: 1) }

    deinit {
        try? flush()
        if closesOnDeinit { close(fileDescriptor) }
    }

    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= capacity { try flush() }
    }

    /// Forgets unwritten bytes (the destination is being thrown away).
    func dropBuffer() { buffer.removeAll() }

    public func flush() throws {
        var offset = 0
        defer {
            if offset >= buffer.count { buffer.removeAll(keepingCapacity: true) } else { buffer.removeFirst(offset) }
        }
        try buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let n = systemWrite(fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.systemError("cannot write output")
                }
                offset += n
            }
        }
    }
}

func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}

/// Collects output in memory (tests, `\sql` previews).
public final class MemorySink: OutputSink {
    public private(set) var bytes: [UInt8] = []
    public private(set) var flushCount = 0
    public init() {}
    public func write(_ text: String) throws { bytes.append(contentsOf: text.utf8) }
    public func flush() throws { flushCount += 1 }
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
