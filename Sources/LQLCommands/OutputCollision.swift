#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LQLSystem

/// `-o` must not name a file the command reads: the report would be replaced by its own output,
/// the schema by a CSV. Compared by device and inode, so another spelling, a symlink or a hard
/// link of the same file is caught too.
enum OutputCollision {
    /// Throws a usage error (exit 2) when `output` is one of `inputs` or the schema (a file, or
    /// a `.prisma` file inside a schema folder).
    static func refuse(output: String, inputs: [String], schemaPath: String) throws {
        guard let out = identity(output) else { return }  // a new file is nothing lql reads
        for input in inputs where input != "-" {
            if identity(input) == out {
                throw CommandFailure(.usage, "lql: -o \(output) is the report \(input) itself; write the output to another file")
            }
        }
        if identity(schemaPath) == out {
            throw CommandFailure(.usage, "lql: -o \(output) is the schema \(schemaPath) itself; write the output to another file")
        }
        if FileSystem.kind(of: schemaPath) == .directory, let folder = realPath(schemaPath), let file = realPath(output),
           file.hasSuffix(".prisma"), file.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
            throw CommandFailure(.usage, "lql: -o \(output) is a file of the schema folder \(schemaPath); write the output to another file")
        }
    }

    struct Identity: Equatable { var device: UInt64; var inode: UInt64 }

    /// Device and inode of what `path` names (following symlinks), nil when there is nothing.
    static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}
