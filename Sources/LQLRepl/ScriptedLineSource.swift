#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LQLSystem

/// Reads lines plainly from a file descriptor (a pipe, a file) or from a string: no prompt,
/// no editing, no history. A script's lines are all "pending", so a line starting with `|`
/// continues the statement before it, exactly as in a saved `.lql` file.
public final class ScriptedLineSource: LineSource {
    private let fd: Int32?
    private var buffer: [UInt8] = []
    private var start = 0
    private var reachedEnd = false
    /// 1-based number of the last line returned.
    public private(set) var lineNumber = 0
    /// Set when reading stopped because one line grew past `FileSystem.sourceSizeLimit` (a
    /// stream with no line breaks, `/dev/zero`): the input then ends there.
    public private(set) var failure: FileSystem.ReadFailure?
    private var checkedByteOrderMark = false
    /// Asked when a signal interrupts a read: true ends the input there (SIGTERM, SIGHUP).
    public var shouldStop: () -> Bool = { false }
    public var wantsStatementContext: Bool { false }

    /// Reads from `fd` (standard input by default); the descriptor is not closed.
    public init(fileDescriptor: Int32 = 0) {
        self.fd = fileDescriptor
    }

    /// Reads from the given text (tests, `-e`).
    public init(text: String) {
        self.fd = nil
        self.buffer = Array(text.utf8)
        self.reachedEnd = true
    }

    public func readLine(_ prompt: PromptKind) -> LineInput {
        skipByteOrderMark()
        // Where the search for the line break goes on after a fill: a long line is scanned
        // once, not again from its start after every 64 KiB.
        var searched = start
        while true {
            if let newline = buffer[searched...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = newline + 1
                compact()
                lineNumber += 1
                return .line(line)
            }
            if reachedEnd {
                guard start < buffer.count else { return .endOfInput }
                let line = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                lineNumber += 1
                return .line(line)
            }
            if buffer.count - start > FileSystem.sourceSizeLimit {
                failure = .tooLarge(limit: FileSystem.sourceSizeLimit)
                buffer = []
                start = 0
                reachedEnd = true
                return .endOfInput
            }
            searched = buffer.count
            fill()
        }
    }

    /// A UTF-8 byte-order mark before the first line is not part of the script.
    private func skipByteOrderMark() {
        guard !checkedByteOrderMark else { return }
        while buffer.count - start < 3 && !reachedEnd { fill() }
        if SourceBytes.startsWithByteOrderMark(buffer[start...]) { start += 3 }
        checkedByteOrderMark = true
    }

    public var hasPendingInput: Bool {
        while start >= buffer.count && !reachedEnd { fill() }
        return start < buffer.count
    }

    private func fill() {
        guard let fd else { reachedEnd = true; return }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
                return
            }
            // A signal interrupts the read (no SA_RESTART); one that ends lql ends the input.
            if n < 0 && errno == EINTR {
                if shouldStop() { reachedEnd = true; return }
                continue
            }
            reachedEnd = true
            return
        }
    }

    /// Drops consumed bytes once they dominate the buffer, so a long script does not keep
    /// every line it has read.
    private func compact() {
        if start > 64 * 1024 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
