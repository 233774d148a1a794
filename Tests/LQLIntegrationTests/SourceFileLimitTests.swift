import Foundation
import LQLCommands
import LQLTestSupport
import Testing

/// Issue 18 item 11 (the file and process parts): a source of unbounded size is "file too large"
/// at 64 MiB, never a crash; `\i` says what is really wrong with a file; a UTF-8 byte-order mark
/// at the start of a report, schema, `\i` file or stdin script is skipped; `--timeout` under a
/// millisecond is 1 ms, never 0 (which PostgreSQL reads as no limit).
@Suite(.serialized) struct SourceFileLimitTests {
    static let bom = "\u{FEFF}"

    @Test func unboundedSourcesAreFileTooLarge() throws {
        let db = try ScratchTenantDatabase(prefix: "lql_big")
        defer { db.drop() }
        let cases: [[String]] = [
            ["compile", "--schema", "/dev/zero", "-e", "Note | count"],
            ["check", "--schema", db.schemaPath, "/dev/zero"],
            ["run", "--schema", db.schemaPath, "/dev/zero"],
        ]
        for arguments in cases {
            let r = try runLQL(arguments, environment: db.environment())
            #expect(r.status == 2, "\(arguments): \(r.err)")
            #expect(r.err.contains("file too large"), "\(arguments): \(r.err)")
            #expect(!r.err.contains("Fatal error") && !r.signaled)
        }
        // A script on stdin with no line break in sight, and `run -` of the same.
        for arguments in [["--schema", db.schemaPath], ["run", "--schema", db.schemaPath, "-"]] {
            let command = ([Repository.lqlBinary] + arguments).map { "'\($0)'" }.joined(separator: " ") + " < /dev/zero"
            let r = try runProcess("/bin/sh", ["-c", "exec " + command], environment: db.environment(), directory: db.directory)
            #expect(r.status == 2, "\(arguments): \(r.err)")
            #expect(r.err.contains("file too large"), "\(arguments): \(r.err)")
            #expect(!r.signaled)
        }
    }

    @Test func includeSaysWhatIsWrongWithTheFile() throws {
        let db = try ScratchTenantDatabase(prefix: "lql_inc")
        defer { db.drop() }
        let invalid = db.directory + "/latin1.lql"
        try Data([0x4E, 0x6F, 0x74, 0x65, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: invalid))
        let fifo = db.directory + "/pipe.lql"
        #expect(mkfifo(fifo, 0o600) == 0)
        Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data("Note | count\n".utf8))
                try? handle.close()
            }
        }.start()
        let cases: [(String, String)] = [
            (db.directory, "it is a directory"),
            ("/dev/zero", "file too large"),
            (invalid, "not valid UTF-8 text (byte 5)"),
            (db.directory + "/missing.lql", "no such file"),
        ]
        for (path, message) in cases {
            let r = try runLQL(["--schema", db.schemaPath, "--format", "csv"], environment: db.environment(), stdin: Data("\\i \(path)\n".utf8))
            #expect(r.status == 1, "\(path): \(r.err)")
            #expect(r.err.contains("\\i: cannot read \(path): \(message)"), "\(path): \(r.err)")
            #expect(!r.err.contains("Success"), "\(r.err)")
        }
        // A FIFO is read like a file (process substitution, `\i <(…)`).
        let r = try runLQL(["--schema", db.schemaPath, "--format", "csv"], environment: db.environment(), stdin: Data("\\i \(fifo)\n".utf8))
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "count\n30\n")
    }

    @Test func aByteOrderMarkIsSkippedInEverySource() throws {
        let db = try ScratchTenantDatabase(prefix: "lql_bom")
        defer { db.drop() }
        let schema = db.directory + "/bom.prisma"
        try (Self.bom + ScratchTenantDatabase.schema).write(toFile: schema, atomically: true, encoding: .utf8)
        let folder = db.directory + "/folder"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try (Self.bom + ScratchTenantDatabase.schema).write(toFile: folder + "/schema.prisma", atomically: true, encoding: .utf8)
        let report = db.directory + "/bom.lql"
        try (Self.bom + "Note | count\n").write(toFile: report, atomically: true, encoding: .utf8)
        let expected = "count\n30\n"
        for arguments in [["run", "--schema", schema, "--format", "csv", report],
                          ["run", "--schema", folder, "--format", "csv", report]] {
            let r = try runLQL(arguments, environment: db.environment())
            #expect(r.status == 0, "\(arguments): \(r.err)")
            #expect(r.out == expected)
        }
        let stdinRun = try runLQL(["run", "--schema", db.schemaPath, "--format", "csv", "-"], environment: db.environment(),
                                  stdin: Data((Self.bom + "Note | count\n").utf8))
        #expect(stdinRun.status == 0 && stdinRun.out == expected, "\(stdinRun.err)")
        let script = try runLQL(["--schema", db.schemaPath, "--format", "csv"], environment: db.environment(),
                                stdin: Data((Self.bom + "Note | count\n\\i \(report)\n").utf8))
        #expect(script.status == 0, "\(script.err)")
        #expect(script.out == expected + expected)
    }

    /// 0.0004 s would round to 0 ms, which PostgreSQL reads as no limit: it is 1 ms, so a query
    /// waiting on a lock the test holds fails with a statement timeout at once.
    @Test func aSubMillisecondTimeoutIsOneMillisecondNotNone() throws {
        #expect(ConnectionOptions.timeoutMilliseconds(seconds: 0.0004) == 1)
        #expect(ConnectionOptions.timeoutMilliseconds(seconds: 0) == 0)
        let db = try ScratchTenantDatabase(prefix: "lql_tmo")
        defer { db.drop() }
        let locker = try db.lockNotes()
        defer { _ = try? locker.execute("ROLLBACK") }
        let started = Date()
        let r = try runLQL(["--schema", db.schemaPath, "--timeout", "0.0004", "-e", "Note | count"], environment: db.environment())
        #expect(r.status == 3, "\(r.err)")
        #expect(r.err.contains("statement timeout"), "\(r.err)")
        #expect(Date().timeIntervalSince(started) < 20)
        let help = try runLQL(["run", "--help"])
        let words = help.out.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words.contains("0 means no limit"), "\(help.out)")
    }
}
