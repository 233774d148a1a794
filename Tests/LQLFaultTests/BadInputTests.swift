import Foundation
import LQLOutput
import LQLPostgres
import LQLTenancy
import LQLRepl
import LQLTestSupport
import Testing

/// Resource bombs are refused at compile time with a clear diagnostic (through the real
/// binary, exit 1, no database needed), and NUL bytes or invalid UTF-8 in input or in
/// parameter values are clean errors after which the session goes on answering correctly.
@Suite struct BadInputTests {
    func checkFile(_ text: String) throws -> ProcessOutcome {
        let path = NSTemporaryDirectory() + "lql-bomb-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).lql"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try runLQL(["check"] + Fault.schema + [path])
    }

    func expectRefused(_ text: String, code: String, message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try checkFile(text)
        #expect(r.status == 1, "\(r.err.prefix(500))", sourceLocation: sourceLocation)
        #expect(r.err.hasPrefix("error[\(code)]: \(message)"), "\(r.err.prefix(300))", sourceLocation: sourceLocation)
        #expect(r.err.contains(" 1 error"), "one diagnostic, not a flood", sourceLocation: sourceLocation)
        #expect(!r.err.contains("Fatal error"), sourceLocation: sourceLocation)
        // The diagnostic shows an excerpt, not the megabyte.
        #expect(r.err.utf8.count < 20_000, "\(r.err.utf8.count) bytes of diagnostics", sourceLocation: sourceLocation)
    }

    @Test func deepNesting() throws {
        let depth = 100_000
        try expectRefused("Order | where " + String(repeating: "(", count: depth) + "total" + String(repeating: ")", count: depth) + " > 1",
                          code: "E0117", message: "expression nested more than 200 levels deep")
        try expectRefused("Customer | select " + (0..<5_000).map { _ in "orders { " }.joined() + "number" + String(repeating: " }", count: 5_000),
                          code: "E0117", message: "expression nested more than 200 levels deep")
    }

    @Test func hundredThousandElementInList() throws {
        try expectRefused("Order | where number in [" + (0..<100_000).map { "\"N\($0)\"" }.joined(separator: ",") + "]",
                          code: "E0118", message: "more than 10000 list items")
    }

    @Test func megabyteStringLiteral() throws {
        try expectRefused("Customer | where name == \"" + String(repeating: "x", count: 1 << 20) + "\"",
                          code: "E0107", message: "string literal longer than 65536 bytes")
    }

    /// An unknown name a megabyte long is named in the message by its head and tail.
    @Test func megabyteIdentifier() throws {
        let name = "a" + String(repeating: "b", count: 1 << 20) + "z"
        let r = try checkFile("Customer | select " + name)
        #expect(r.status == 1)
        let first = r.err.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("error[E0202]: `Customer` has no field `abbb"), "\(first.prefix(200))")
        #expect(first.hasSuffix("…bbbbbbbbbbz`"), "\(first.suffix(60))")
        #expect(r.err.split(separator: "\n").allSatisfy { $0.count <= 240 }, "no line echoes the name")
    }

    @Test func seventyThousandParameters() throws {
        // Seven lists of 10,000 parameters each: every list within the list limit, the
        // statement over PostgreSQL's 65,535 binds.
        let declarations = (0..<70_000).map { "param p\($0): Int = \($0)" }.joined(separator: "\n")
        let wheres = stride(from: 0, to: 70_000, by: 10_000).map { k in
            "| where quantity in [" + (k..<k + 10_000).map { "$p\($0)" }.joined(separator: ",") + "]"
        }.joined(separator: " ")
        try expectRefused(declarations + "\nOrderLine " + wheres, code: "E0301",
                          message: "this query needs 70001 bind parameters; PostgreSQL accepts at most 65535 in one statement")
    }

    @Test func nulAndInvalidUTF8InAFileAreCleanErrors() throws {
        for bytes in [Data("Customer | where name == \"a\0b\" | count\n".utf8),
                      Data("Customer | where name == \"".utf8) + Data([0xFF, 0xFE]) + Data("\" | count\n".utf8)] {
            let path = NSTemporaryDirectory() + "lql-bytes-\(getpid()).lql"
            try bytes.write(to: URL(fileURLWithPath: path))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let r = try runLQL(["check"] + Fault.schema + [path])
            #expect(r.status == 1)
            #expect(r.err.contains(path + ":"), "\(r.err)")
            #expect(!r.err.contains("Fatal error"))
        }
    }

    /// A script on stdin stops at its first error (by design, ReplCommand): the bad line is a
    /// clean diagnostic, exit 1.
    @Test func nulInAStdinScriptIsACleanError() throws {
        let leora = try LeoraCluster.shared()
        var script = Data("Customer | aggregate n: count()\n".utf8)
        script += Data("Customer | where name == \"a\0b\" | aggregate n: count()\n".utf8)
        let r = try runLQL(["--format", "csv", "--tenant", "north-cellars", "--db", leora.readerURL] + Fault.schema, stdin: script)
        #expect(r.status == 1)
        #expect(r.err.hasPrefix("error[E0105]: control character U+0000 in a string"), "\(r.err)")
        #expect(!r.err.contains("\0"), "control characters are shown, not echoed raw")
        #expect(!r.err.contains("Fatal error"))
    }

    /// The prompt's path: raw bytes (NUL, invalid UTF-8, in queries and in `\set` values) read
    /// through the same line source as stdin, in an interactive session, which reports each bad
    /// entry and keeps answering correctly on the same connection.
    @Test func nulAndInvalidUTF8InASessionKeepTheConnectionUsable() throws {
        let leora = try LeoraCluster.shared()
        let count = try leora.scalar("SELECT count(*) FROM customers WHERE tenant_id = (SELECT id FROM tenants WHERE slug = 'north-cellars')")
        var bytes = Data("Customer | aggregate n: count()\n".utf8)
        bytes += Data("Customer | where name == \"a\0b\" | aggregate n: count()\n".utf8)
        bytes += Data("Customer | where name == \"".utf8) + Data([0xFF, 0xFE, 0x80]) + Data("\" | aggregate n: count()\n".utf8)
        bytes += Data("\\set q ".utf8) + Data([0xC3, 0x28, 0x00, 0x41]) + Data("\n".utf8)
        bytes += Data("param q: String\nCustomer | where name == $q | aggregate n: count()\n".utf8)
        bytes += Data([0x00, 0x00, 0xFF, 0x0A])
        bytes += Data("Customer | aggregate n: count()\n".utf8)
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        bytes.withUnsafeBytes { _ = write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        defer { close(fds[0]) }

        let connection = try Connection(leora.readerURL)
        let backend = connection.backendPID
        let out = MemorySink(), err = MemorySink()
        let session = ReplSession(catalog: leora.catalog, schemaPath: Repository.leoraSchemaPath, connection: connection,
                                  tenant: "north-cellars", scope: TenantScope(), format: .csv, useColor: false,
                                  interactive: true, environment: [:], lineSource: ScriptedLineSource(fileDescriptor: fds[0]),
                                  output: out, errors: err)
        _ = ProcessSignals.exclusively { session.run() }  // interactive: it catches Ctrl-C
        print("session with bad bytes:\n\(err.text)")
        // Both good queries answered, the same backend throughout.
        #expect(out.text.components(separatedBy: "\n").filter { $0 == count }.count == 2, "\(out.text)")
        #expect(connection.backendPID == backend)
        #expect(try connection.execute("SELECT 1").scalar == "1")
        #expect(err.text.contains("E0105"), "the NUL in a literal is reported: \(err.text)")
        #expect(!err.text.contains("Fatal error"))
    }

    /// `--param` values with invalid UTF-8 (passed through a shell: Foundation cannot put
    /// invalid bytes in argv) and with NUL-free but hostile text are clean errors or binds.
    @Test func invalidUTF8InParameterValues() throws {
        let leora = try LeoraCluster.shared()
        let script = """
            exec "$0" run -e 'param q: String
            Customer | where name == $q | aggregate n: count()' --param "q=$(printf 'a\\377\\376b')" \
              --format csv --tenant well-crafted --db "$1" --schema "$2"
            """
        let r = try runProcess("/bin/sh", ["-c", script, Repository.lqlBinary, leora.readerURL, Repository.leoraSchemaPath],
                               environment: lqlEnvironment())
        print("--param with invalid UTF-8: exit \(r.status): \(r.err)")
        #expect(!r.err.contains("Fatal error"))
        #expect([0, 1].contains(r.status), "\(r.err)")
        if r.status == 0 { #expect(r.out.hasSuffix("n\n0\n"), "\(r.out)") }
        // The next run on the same server is unaffected.
        let next = try runLQL(["run", "-e", "Customer | aggregate n: count()", "--format", "csv", "--tenant", "well-crafted",
                               "--db", leora.readerURL] + Fault.schema)
        #expect(next.status == 0)
    }
}
