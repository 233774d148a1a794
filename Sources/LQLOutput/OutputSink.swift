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

private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
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

/// `-o FILE`: writes to a temporary file beside the target and renames it over the target on
/// `commit()`, so a failed or cancelled run never leaves a half-written file. Without a
/// commit (an error, a cancel) the temporary file is removed.
public final class AtomicFileSink: OutputSink {
    public let path: String
    public let temporaryPath: String
    private let sink: FileDescriptorSink
    private var finished = false

    public init(path: String) throws {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(directory).\(name).lql-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw OutputError.systemError("cannot create a file beside \(path)") }
        temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkstemp makes 0600; give the result the mode a plain create would (0666 & ~umask).
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
        sink = FileDescriptorSink(fileDescriptor: fd, closesOnDeinit: false)
    }

    deinit { if !finished { discard() } }

    public func write(_ text: String) throws { try sink.write(text) }
    public func flush() throws { try sink.flush() }

    /// Flushes, closes and renames the temporary file to `path`.
    public func commit() throws {
        guard !finished else { return }
        do {
            try sink.flush()
        } catch {
            discard()
            throw error
        }
        finished = true
        close(sink.fileDescriptor)
        if rename(temporaryPath, path) != 0 {
            let error = OutputError.systemError("cannot write \(path)")
            unlink(temporaryPath)
            throw error
        }
    }

    /// Removes the temporary file; the target is left as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        sink.dropBuffer()
        close(sink.fileDescriptor)
        unlink(temporaryPath)
    }
}
