#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// read(2), named apart from FileSystem.read.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }

/// The few file operations lql's run path needs, on POSIX calls (see ProcessEnvironment for why
/// not Foundation).
public enum FileSystem {
    public enum Kind: Sendable, Equatable { case missing, file, directory, other }

    public static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    public static func exists(_ path: String) -> Bool { kind(of: path) != .missing }

    /// The most lql reads of one source (a report, a schema file, an `\i` file, a script on stdin,
    /// `.env`, `lql.toml`): 64 MiB, hundreds of times any real one, so `/dev/zero` or a runaway
    /// pipe is "file too large" instead of memory running out.
    public static let sourceSizeLimit = 64 * 1024 * 1024

    /// Why a file could not be read, worded for a message after its path.
    public enum ReadFailure: Error, Sendable, Equatable, CustomStringConvertible {
        case missing
        case directory
        case tooLarge(limit: Int)
        /// strerror of the call that failed, taken right after it.
        case system(String)

        public var description: String {
            switch self {
            case .missing: "no such file"
            case .directory: "it is a directory"
            case .tooLarge(let limit): "file too large (lql reads at most \(limit / (1024 * 1024)) MiB)"
            case .system(let reason): reason
            }
        }
    }

    /// The whole file, or nil when it cannot be opened or read (missing, a directory, no
    /// permission, over `sourceSizeLimit`).
    public static func contents(of path: String) -> [UInt8]? {
        try? read(path).get()
    }

    /// The whole file (a FIFO or device is read to its end), at most `limit` bytes.
    public static func read(_ path: String, limit: Int = sourceSizeLimit) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return .failure(errno == ENOENT ? .missing : .system(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(.directory) }
        if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > limit { return .failure(.tooLarge(limit: limit)) }
        return read(fileDescriptor: fd, sizeHint: min(Int(info.st_size), limit), limit: limit)
    }

    /// Everything up to end of file (a pipe, a terminal, a file), or nil on a read error or
    /// past `sourceSizeLimit`.
    public static func readToEnd(fileDescriptor fd: Int32, sizeHint: Int = 0) -> [UInt8]? {
        try? read(fileDescriptor: fd, sizeHint: sizeHint).get()
    }

    /// Everything up to end of file, at most `limit` bytes.
    public static func read(fileDescriptor fd: Int32, sizeHint: Int = 0, limit: Int = sourceSizeLimit) -> Result<[UInt8], ReadFailure> {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(sizeHint, 0))
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n == 0 { return .success(bytes) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(errno == EISDIR ? .directory : .system(String(cString: strerror(errno))))
            }
            if bytes.count + n > limit { return .failure(.tooLarge(limit: limit)) }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(cString: buffer)
    }

    /// `mkdir -p` with `mode` for each directory it creates; true when `path` is a directory after.
    @discardableResult
    public static func createDirectories(_ path: String, mode: mode_t) -> Bool {
        if kind(of: path) == .directory { return true }
        let parent = FilePath.parent(path)
        if !parent.isEmpty, parent != path, !createDirectories(parent, mode: mode) { return false }
        return mkdir(path, mode) == 0 || kind(of: path) == .directory
    }

    /// `$HOME`, else the password database's home directory, else `/`.
    public static func homeDirectory(environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        if let pw = getpwuid(geteuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }
}

/// Path text, the way NSString's path methods treat it (for the cases lql has).
public enum FilePath {
    /// `a` + `b` = `a/b`; `a/` + `b` = `a/b`; `` + `b` = `b`; an absolute component replaces nothing
    /// (it is appended like any other, as NSString does).
    public static func join(_ base: String, _ component: String) -> String {
        if base.isEmpty { return component }
        var head = Substring(base)
        while head.count > 1, head.hasSuffix("/") { head = head.dropLast() }
        var tail = Substring(component)
        while tail.hasPrefix("/") { tail = tail.dropFirst() }
        if tail.isEmpty { return String(head) }
        return head == "/" ? "/" + tail : head + "/" + tail
    }

    /// The directory part: `/a/b/c` → `/a/b`, `/a` → `/`, `a` → ``, `a/b/` → `a`.
    public static func parent(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        if slash == p.startIndex { return "/" }
        return String(p[..<slash])
    }
}

extension FileSystem {
    /// The names in a directory (not `.` or `..`), sorted bytewise; nil when it cannot be opened.
    public static func directoryEntries(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
