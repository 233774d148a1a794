import Foundation
import LQLTestSupport
import Testing

/// Issue 18 item 6 (and the `-o` part of item 11): `-o PATH` renames a temporary file into place
/// only for a regular file (or a new one), keeping an existing file's mode and owner; a device,
/// FIFO or `/dev/stdout` is written directly; a symlink's target is written (temp + rename
/// beside the target) and the link stays; `-o` naming the report or the schema is refused.
@Suite(.serialized) struct OutputTargetTests {
    static let expected = "count\n30\n"
    /// Device 1:3 (/dev/null's numbers on Linux), encoded as glibc's makedev does for small ones.
    static let nullDevice = dev_t((1 << 8) | 3)

    func run(_ db: ScratchTenantDatabase, to path: String, extra: [String] = []) throws -> ProcessOutcome {
        try runLQL(["run", "--schema", db.schemaPath, "--format", "csv", "-o", path, "-e", "Note | count"] + extra,
                   environment: db.environment())
    }

    func kind(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    func status(_ path: String) -> stat {
        var info = stat()
        stat(path, &info)
        return info
    }

    @Test func aFIFOIsWrittenAndStaysAFIFO() throws {
        let db = try ScratchTenantDatabase(prefix: "lql_out")
        defer { db.drop() }
        let fifo = db.directory + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Thread {
            box.data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
            done.signal()
        }.start()
        let r = try run(db, to: fifo)
        #expect(r.status == 0, "\(r.err)")
        #expect(done.wait(timeout: .now() + 15) == .success)
        #expect(String(decoding: box.data, as: UTF8.self) == Self.expected)
        #expect(kind(fifo) == S_IFIFO)
        #expect(db.leftovers().isEmpty)
    }

    @Test func aSymlinkWritesItsTargetAndStaysALink() throws {
        let db = try ScratchTenantDatabase(prefix: "lql_out")
        defer { db.drop() }
        let targetDirectory = db.directory + "/real"
        try FileManager.default.createDirectory(atPath: targetDirectory, withIntermediateDirectories: true)
        let target = targetDirectory + "/out.csv"
        try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
        chmod(target, 0o640)
        let link = db.directory + "/link.csv"
        #expect(symlink(target, link) == 0)
        let r = try run(db, to: link)
        #expect(r.status == 0, "\(r.err)")
        #expect(kind(link) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == Self.expected)
        #expect(status(target).st_mode & 0o777 == 0o640)
        #expect(db.leftovers().isEmpty && db.leftovers(in: targetDirectory).isEmpty)
        // A link to nothing is refused, not followed to create a file.
        let dangling = db.directory + "/dangling.csv"
        #expect(symlink(db.directory + "/nowhere/x.csv", dangling) == 0)
        let refused = try run(db, to: dangling)
        #expect(refused.status == 2, "\(refused.err)")
        #expect(refused.err.contains("symbolic link"), "\(refused.err)")
        // A directory is refused.
        let directory = try run(db, to: targetDirectory)
        #expect(directory.status == 2 && directory.err.contains("directory"), "\(directory.err)")
        #expect(directory.err.components(separatedBy: "cannot write").count == 2, "the path is named once: \(directory.err)")
    }

    @Test func anExistingFileKeepsItsModeOwnerAndLinks() throws {
        let db = try ScratchTenantDatabase(prefix: "lql_out")
        defer { db.drop() }
        let secret = db.directory + "/secret.csv"
        try "old\n".write(toFile: secret, atomically: true, encoding: .utf8)
        chmod(secret, 0o600)
        var r = try run(db, to: secret)
        #expect(r.status == 0, "\(r.err)")
        #expect(status(secret).st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: secret, encoding: .utf8) == Self.expected)
        // Another owner (as root: nobody's file) stays that owner's.
        if geteuid() == 0 {
            let owned = db.directory + "/owned.csv"
            try "old\n".write(toFile: owned, atomically: true, encoding: .utf8)
            #expect(chown(owned, 65534, 65534) == 0)
            r = try run(db, to: owned)
            #expect(r.status == 0, "\(r.err)")
            #expect(status(owned).st_uid == 65534 && status(owned).st_gid == 65534)
            #expect(try String(contentsOfFile: owned, encoding: .utf8) == Self.expected)
        }
        // A file with a second hard link is rewritten in place: both names see the output.
        let first = db.directory + "/first.csv", second = db.directory + "/second.csv"
        try "old\n".write(toFile: first, atomically: true, encoding: .utf8)
        #expect(link(first, second) == 0)
        r = try run(db, to: first)
        #expect(r.status == 0, "\(r.err)")
        #expect(try String(contentsOfFile: second, encoding: .utf8) == Self.expected)
        #expect(status(first).st_ino == status(second).st_ino)
        // A new file is still made atomically (temp + rename), with the usual mode.
        let fresh = db.directory + "/fresh.csv"
        r = try run(db, to: fresh)
        #expect(r.status == 0, "\(r.err)")
        #expect(try String(contentsOfFile: fresh, encoding: .utf8) == Self.expected)
        #expect(db.leftovers().isEmpty)
    }

    /// A character device is written, not replaced. Tried first on a null device of the test's
    /// own (root only: mknod), and only when that one survived on /dev/null itself.
    @Test func aDeviceIsWrittenDirectlyAndStaysADevice() throws {
        let db = try ScratchTenantDatabase(prefix: "lql_out")
        defer { db.drop() }
        if geteuid() == 0 {
            let own = db.directory + "/null"
            #expect(mknod(own, S_IFCHR | 0o666, Self.nullDevice) == 0)
            let r = try run(db, to: own)
            #expect(r.status == 0, "\(r.err)")
            try #require(kind(own) == S_IFCHR, "-o replaced a device of the test's own; /dev/null is not tried")
            #expect(status(own).st_rdev == Self.nullDevice)
        }
        let before = status("/dev/null")
        try #require(before.st_mode & S_IFMT == S_IFCHR, "/dev/null is not a character device before the test")
        let r = try run(db, to: "/dev/null")
        #expect(r.status == 0, "\(r.err)")
        #expect(kind("/dev/null") == S_IFCHR)
        #expect(status("/dev/null").st_rdev == before.st_rdev)
        #expect(db.leftovers(in: "/dev").isEmpty)
    }

    @Test func devStdoutIsTheProcessesOwnStandardOutput() throws {
        let db = try ScratchTenantDatabase(prefix: "lql_out")
        defer { db.drop() }
        let r = try run(db, to: "/dev/stdout")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == Self.expected)
    }

    /// Item 11: `-o` naming the report or the schema (by another spelling, a symlink or a hard
    /// link too) is exit 2 before anything runs, and the file is left as it was.
    @Test func outputNamingTheReportOrTheSchemaIsRefused() throws {
        let db = try ScratchTenantDatabase(prefix: "lql_out")
        defer { db.drop() }
        let report = db.directory + "/count.lql"
        try "Note | count\n".write(toFile: report, atomically: true, encoding: .utf8)
        let alias = db.directory + "/alias.lql", hard = db.directory + "/hard.lql"
        #expect(symlink(report, alias) == 0)
        #expect(link(report, hard) == 0)
        for target in [report, alias, hard, db.directory + "/./count.lql"] {
            let r = try runLQL(["run", "--schema", db.schemaPath, "-o", target, report], environment: db.environment())
            #expect(r.status == 2, "\(target): \(r.err)")
            #expect(r.err.contains("is the report"), "\(r.err)")
            #expect(try String(contentsOfFile: report, encoding: .utf8) == "Note | count\n")
        }
        for arguments in [["run", "--schema", db.schemaPath, "-o", db.schemaPath, report],
                          ["--schema", db.schemaPath, "-o", db.schemaPath, "-e", "Note | count"],
                          ["run", "--schema", db.directory, "-o", db.schemaPath, report]] {
            let r = try runLQL(arguments, environment: db.environment())
            #expect(r.status == 2, "\(arguments): \(r.err)")
            #expect(r.err.contains("schema"), "\(r.err)")
            #expect(try String(contentsOfFile: db.schemaPath, encoding: .utf8) == ScratchTenantDatabase.schema)
        }
    }
}
