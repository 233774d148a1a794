#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The history on disk (`~/.lql_history`, or `$LQL_HISTORY`). One entry per line, with `\`,
/// line breaks and carriage returns escaped (`\\`, `\n`, `\r`), so a multi-line statement
/// comes back whole. Saved by writing a temporary file next to it and renaming it over the
/// old one, with SIGHUP held back meanwhile: closing the terminal mid-save never leaves a
/// truncated history.
public struct HistoryFile: Sendable {
    public let path: String

    static let header = "#lql-history v1"

    public init(path: String) {
        self.path = path
    }

    /// `$LQL_HISTORY` when set and not empty, else `~/.lql_history`; nil without a home.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let path = environment["LQL_HISTORY"], !path.isEmpty { return path }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home.hasSuffix("/") ? home + ".lql_history" : home + "/.lql_history"
    }

    /// The saved entries; none when the file is missing or unreadable. A file without the
    /// header (from an older or foreign tool) is read as one entry per line.
    public func load(limit: Int = CommandHistory.defaultLimit) -> CommandHistory {
        guard let data = Self.readAll(path) else { return CommandHistory(limit: limit) }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        let escaped = lines.first == Substring(Self.header)
        if escaped { lines.removeFirst() }
        let entries = lines.map { escaped ? Self.decode($0) : String($0) }
        return CommandHistory(entries: entries, limit: limit)
    }

    public func save(_ history: CommandHistory) throws(HistoryFileError) {
        var text = Self.header + "\n"
        for entry in history.entries { text += Self.encode(entry) + "\n" }
        let bytes = Array(text.utf8)
        let path = self.path
        let failure: HistoryFileError? = Self.withHangupHeld {
            do throws(HistoryFileError) {
                try Self.writeAtomically(bytes, to: path)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    static func encode(_ entry: String) -> String {
        var out = ""
        out.reserveCapacity(entry.utf8.count)
        for ch in entry.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func decode(_ line: Substring) -> String {
        var out = ""
        var escaping = false
        for ch in line.unicodeScalars {
            if escaping {
                switch ch {
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(ch)
                }
                escaping = false
            } else if ch == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(ch)
            }
        }
        if escaping { out += "\\" }
        return out
    }

    /// SIGHUP is blocked, not ignored: a hangup during the save is delivered right after it,
    /// and the process ends as it would have, with the history intact.
    private static func withHangupHeld<T>(_ body: () -> T) -> T {
        var block = sigset_t()
        var previous = sigset_t()
        sigemptyset(&block)
        sigaddset(&block, SIGHUP)
        pthread_sigmask(SIG_BLOCK, &block, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return body()
    }

    private static func writeAtomically(_ bytes: [UInt8], to path: String) throws(HistoryFileError) {
        let temporary = path + ".tmp\(getpid())"
        // 0600: the history holds customer names and account numbers typed into queries.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw HistoryFileError(path: temporary, operation: "create", errno: errno) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(fd)
                unlink(temporary)
                throw HistoryFileError(path: temporary, operation: "write", errno: code)
            }
            written += n
        }
        if fsync(fd) != 0 || close(fd) != 0 {
            let code = errno
            unlink(temporary)
            throw HistoryFileError(path: temporary, operation: "write", errno: code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw HistoryFileError(path: path, operation: "replace", errno: code)
        }
    }

    private static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 { data.append(contentsOf: chunk[0..<n]); continue }
            if n < 0 && errno == EINTR { continue }
            return n == 0 ? data : nil
        }
    }
}

public struct HistoryFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let operation: String
    public let errno: Int32

    public var description: String {
        "could not \(operation) the history file \(path): \(String(cString: strerror(errno)))"
    }
}
