#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `-o PATH` (and `\o`, `\g` at the prompt) writes to, decided once from what PATH is now.
/// A rename would replace whatever PATH is, so only a regular file (or a new one) gets the
/// temporary-file-and-rename treatment; everything else is written where it is.
public enum OutputTarget: Sendable, Equatable {
    /// A regular file, or none yet: written beside it and renamed into place. `existing` is the
    /// file already there, whose mode and owner the new one keeps.
    case replace(path: String, existing: ExistingFile?)
    /// A device or FIFO (`/dev/null`, a named pipe): opened and written directly.
    case direct(path: String)
    /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`: that open descriptor of this process (a shell's
    /// `>>` keeps appending; nothing is reopened or replaced).
    case descriptor(Int32)

    public struct ExistingFile: Sendable, Equatable {
        public var mode: mode_t
        public var owner: uid_t
        public var group: gid_t
        public var links: Int
    }

    /// The path the bytes end up in (a symlink's target), or nil for a descriptor.
    public var resolvedPath: String? {
        switch self {
        case .replace(let path, _), .direct(let path): path
        case .descriptor: nil
        }
    }

    /// Follows a symlink to its target (a symlink to a missing file is refused: creating files
    /// through dangling links is how a planted link redirects a write), refuses a directory.
    public static func resolve(_ path: String) throws(OutputError) -> OutputTarget {
        if let fd = descriptorAlias(path) { return .descriptor(fd) }
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw OutputError.systemError("cannot write \(path)") }
            return .replace(path: path, existing: nil)
        }
        var resolved = path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let real = realpath(path, nil) else {
                throw OutputError("cannot write \(path): it is a symbolic link to a file that does not exist")
            }
            resolved = String(cString: real)
            free(real)
            if let fd = descriptorAlias(resolved) { return .descriptor(fd) }
            guard stat(resolved, &info) == 0 else { throw OutputError.systemError("cannot write \(path)") }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            return .replace(path: resolved, existing: ExistingFile(mode: info.st_mode & 0o777, owner: info.st_uid,
                                                                   group: info.st_gid, links: Int(info.st_nlink)))
        case S_IFDIR:
            throw OutputError("cannot write \(path): it is a directory")
        default:
            return .direct(path: resolved)
        }
    }

    /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`.
    static func descriptorAlias(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }
}

/// `-o FILE`: writes to a temporary file beside the target and renames it over the target on
/// `commit()`, so a failed or cancelled run never leaves a half-written file. Without a
/// commit (an error, a cancel) the temporary file is removed. An existing file keeps its mode
/// and owner; when its owner cannot be given to the new file (not root) or it has other hard
/// links, the finished output is copied into it in place instead of renamed over it.
/// A device, FIFO or `/dev/stdout` (`OutputTarget`) is written directly, with no temporary file:
/// what a failed run wrote to it cannot be taken back.
public final class AtomicFileSink: OutputSink {
    public let path: String
    public let target: OutputTarget
    /// The file being written until `commit()`; nil when the target is written directly.
    public let temporaryPath: String?
    private let sink: FileDescriptorSink
    private var finished = false
    private var copiesInPlace = false

    public init(path: String) throws {
        self.path = path
        target = try OutputTarget.resolve(path)
        switch target {
        case .descriptor(let n):
            let fd = fcntl(n, F_DUPFD_CLOEXEC, 3)
            guard fd >= 0 else { throw OutputError.systemError("cannot write \(path)") }
            temporaryPath = nil
            sink = FileDescriptorSink(fileDescriptor: fd, closesOnDeinit: false)
        case .direct(let resolved):
            let fd = open(resolved, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard fd >= 0 else { throw OutputError.systemError("cannot write \(path)") }
            temporaryPath = nil
            sink = FileDescriptorSink(fileDescriptor: fd, closesOnDeinit: false)
        case .replace(let resolved, let existing):
            let slash = resolved.lastIndex(of: "/")
            let directory = slash.map { String(resolved[...$0]) } ?? ""
            let name = slash.map { String(resolved[resolved.index(after: $0)...]) } ?? resolved
            var template = Array("\(directory).\(name).lql-XXXXXX".utf8CString)
            let fd = mkstemp(&template)
            guard fd >= 0 else { throw OutputError.systemError("cannot create a file beside \(resolved)") }
            temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            if let existing {
                var mine = stat()
                fstat(fd, &mine)
                if mine.st_uid != existing.owner || mine.st_gid != existing.group {
                    copiesInPlace = fchown(fd, existing.owner, existing.group) != 0
                }
                copiesInPlace = copiesInPlace || existing.links > 1
                fchmod(fd, existing.mode)
            } else {
                // mkstemp makes 0600; give the result the mode a plain create would (0666 & ~umask).
                let mask = umask(0)
                umask(mask)
                fchmod(fd, 0o666 & ~mask)
            }
            sink = FileDescriptorSink(fileDescriptor: fd, closesOnDeinit: false)
        }
    }

    deinit { if !finished { discard() } }

    public func write(_ text: String) throws { try sink.write(text) }
    public func flush() throws { try sink.flush() }

    /// Flushes and closes; a temporary file is renamed to (or copied into) the target.
    public func commit() throws {
        guard !finished else { return }
        do {
            try sink.flush()
        } catch {
            discard()
            throw error
        }
        finished = true
        guard let temporaryPath, let destination = target.resolvedPath else {
            close(sink.fileDescriptor)
            return
        }
        if copiesInPlace {
            defer {
                close(sink.fileDescriptor)
                unlink(temporaryPath)
            }
            try Self.copy(from: sink.fileDescriptor, into: destination)
            return
        }
        close(sink.fileDescriptor)
        if rename(temporaryPath, destination) != 0 {
            let error = OutputError.systemError("cannot write \(path)")
            unlink(temporaryPath)
            throw error
        }
    }

    /// Removes the temporary file; the target is left as it was (a directly written target keeps
    /// what was written).
    public func discard() {
        guard !finished else { return }
        finished = true
        sink.dropBuffer()
        close(sink.fileDescriptor)
        if let temporaryPath { unlink(temporaryPath) }
    }

    /// Rewrites `path` in place (same inode, so its owner, mode and other links stay) with what
    /// the finished temporary file holds.
    private static func copy(from source: Int32, into path: String) throws {
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw OutputError.systemError("cannot write \(path)") }
        defer { close(fd) }
        guard lseek(source, 0, SEEK_SET) == 0 else { throw OutputError.systemError("cannot write \(path)") }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if n == 0 { return }
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError.systemError("cannot write \(path)")
            }
            var offset = 0
            while offset < n {
                let w = chunk.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + offset, n - offset) }
                if w < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.systemError("cannot write \(path)")
                }
                offset += w
            }
        }
    }
}
