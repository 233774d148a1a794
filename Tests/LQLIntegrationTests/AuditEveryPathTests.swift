import Foundation
import LQLAudit
import LQLTestSupport
import Testing

/// Issue 18 item 10: every statement run in a tenant scope is audited the same way, whatever ran
/// it — a script on stdin, `\i`, `lql run`, `lql -e`, `lql run -e`, the MCP server's run_query
/// (the prompt under tmux: AuditPromptTerminalTests) — with the resolved tenant (id and slug, also
/// when the tenant was named by its id) and the source without its literal values: the string
/// `zq-secret-42` (in a literal, a `--param`, a `\set` and a comment), the number and the date
/// never reach the log file.
@Suite(.serialized) struct AuditEveryPathTests {
    static let secret = "zq-secret-42"
    /// A string, a decimal, a date, a duration, a parameter and a comment, all holding values.
    static let query = """
        param who: String
        Order | where customer.name != $who and customer.name != "\(secret)" and total < 98765.4321 and
          orderDate >= @2019-03-17 - 45 days | count -- for \(secret)
        """
    static let forbidden = [secret, "98765", "2019-03-17", "45 days"]

    struct Log {
        let directory: String
        var path: String { directory + "/audit.jsonl" }

        init() throws {
            directory = NSTemporaryDirectory() + "lql-audit-paths-\(getpid())-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }

        func environment(_ db: LeoraCluster) -> [String: String] {
            ["DATABASE_URL": db.readerURL, "LQL_AUDIT_LOG": path, "HOME": directory]
        }

        /// The records written so far; the file must not hold any value of the query.
        func records() throws -> [[String: Any]] {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            for value in AuditEveryPathTests.forbidden {
                #expect(!text.contains(value), "the audit log holds `\(value)`:\n\(text)")
            }
            return try text.split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
        }
    }

    /// One record of `origin` for the query, with the resolved well-crafted tenant.
    static func expectOneRecord(_ records: [[String: Any]], origin: String, _ db: LeoraCluster) throws {
        let mine = records.filter { $0["origin"] as? String == origin }
        try #require(mine.count == 1, "\(origin): \(records)")
        let r = mine[0]
        #expect(r["tenantId"] as? String == (try db.tenantID("well-crafted")), "\(r)")
        #expect(r["tenantSlug"] as? String == "well-crafted", "\(r)")
        #expect(r["version"] as? Int == AuditRecord.formatVersion && r["outcome"] as? String == "ok" && r["rows"] as? Int == 1, "\(r)")
        #expect(r["dbRole"] as? String == "lql_reader")
        let text = r["sourceText"] as? String ?? ""
        #expect(text.contains("customer.name != $who and customer.name != ? and total < ? and") && text.contains("orderDate >= ? - ? days"), "\(text)")
        #expect(text.contains("| count --") && r["sourceHash"] as? String == SHA256.hex(text), "\(text)")
        #expect((r["queryID"] as? String)?.count == 12 && (r["bindCount"] as? Int ?? 0) >= 5, "\(r)")
    }

    @Test func aStdinScriptAndAnIncludedFileWriteOneRecordEach() throws {
        let db = try LeoraCluster.shared()
        let log = try Log()
        defer { try? FileManager.default.removeItem(atPath: log.directory) }
        let script = "\\set who \(Self.secret)\n\(Self.query)\n"
        let stdin = try runLQL(["--schema", Repository.leoraSchemaPath, "--tenant", "well-crafted", "--format", "csv"],
                               environment: log.environment(db), stdin: Data(script.utf8))
        #expect(stdin.status == 0, "\(stdin.err)")
        try Self.expectOneRecord(try log.records(), origin: "stdin", db)

        let file = log.directory + "/included.lql"
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        let include = try runLQL(["--schema", Repository.leoraSchemaPath, "--tenant", "well-crafted", "--format", "csv"],
                                 environment: log.environment(db), stdin: Data("\\i \(file)\n".utf8))
        #expect(include.status == 0, "\(include.err)")
        let records = try log.records()
        #expect(records.count == 2)
        try Self.expectOneRecord(records, origin: "include", db)
    }

    @Test func runAndMinusEWriteOneRecordEachWithTheResolvedTenant() throws {
        let db = try LeoraCluster.shared()
        let log = try Log()
        defer { try? FileManager.default.removeItem(atPath: log.directory) }
        let file = log.directory + "/report.lql"
        try Self.query.write(toFile: file, atomically: true, encoding: .utf8)
        let run = try runLQL(["run", file, "--schema", Repository.leoraSchemaPath, "--tenant", "well-crafted", "--param", "who=\(Self.secret)"],
                             environment: log.environment(db))
        #expect(run.status == 0, "\(run.err)")
        try Self.expectOneRecord(try log.records(), origin: "run", db)

        // Named by its id, the tenant is still recorded by id and slug.
        let id = try db.tenantID("well-crafted")
        let e = try runLQL(["-e", Self.query, "--schema", Repository.leoraSchemaPath, "--tenant", id, "--param", "who=\(Self.secret)"],
                           environment: log.environment(db))
        #expect(e.status == 0, "\(e.err)")
        try Self.expectOneRecord(try log.records(), origin: "expression", db)
        let runE = try runLQL(["run", "-e", Self.query, "--schema", Repository.leoraSchemaPath, "--tenant", id, "--param", "who=\(Self.secret)"],
                              environment: log.environment(db))
        #expect(runE.status == 0, "\(runE.err)")
        let expressions = try log.records().filter { $0["origin"] as? String == "expression" }
        #expect(expressions.count == 2 && expressions.allSatisfy { $0["tenantSlug"] as? String == "well-crafted" })
    }

    @Test func runOfTwoFilesRecordsEachStatementWithItsOwnFilesText() throws {
        let db = try LeoraCluster.shared()
        let log = try Log()
        defer { try? FileManager.default.removeItem(atPath: log.directory) }
        let first = log.directory + "/first.lql", second = log.directory + "/second.lql"
        try "Customer | where name == \"\(Self.secret)\" | count\n".write(toFile: first, atomically: true, encoding: .utf8)
        try "Order | take 3 | select number\nInvoice | count\n".write(toFile: second, atomically: true, encoding: .utf8)
        let run = try runLQL(["run", first, second, "--schema", Repository.leoraSchemaPath, "--tenant", "well-crafted"], environment: log.environment(db))
        #expect(run.status == 0, "\(run.err)")
        let records = try log.records()
        #expect(records.map { $0["sourceText"] as? String ?? "" }
                == ["Customer | where name == ? | count\n", "Order | take ? | select number\nInvoice | count\n", "Order | take ? | select number\nInvoice | count\n"])
        #expect(records.map { $0["rows"] as? Int ?? -1 } == [1, 3, 1])
        #expect(Set(records.map { $0["sqlHash"] as? String ?? "" }).count == 3, "each statement's own SQL")
        #expect(Set(records.map { $0["queryID"] as? String ?? "" }).count == 1, "one run, one query id")
    }

    @Test func aFailedStatementIsRecordedWithItsSQLState() throws {
        let db = try LeoraCluster.shared()
        let log = try Log()
        defer { try? FileManager.default.removeItem(atPath: log.directory) }
        // 1 / 0 is folded by nobody: the server fails the statement (22012).
        let r = try runLQL(["-e", "Order | select x: total / (total - total) | take 1", "--schema", Repository.leoraSchemaPath, "--tenant", "well-crafted"],
                           environment: log.environment(db))
        #expect(r.status == 3, "\(r.err)")
        let records = try log.records()
        #expect(records.count == 1 && records.first?["outcome"] as? String == "error: 22012", "\(records)")
    }

    @Test func theMCPServersRunQueryIsRecordedByTheScopeLikeEveryOtherPath() throws {
        let db = try LeoraCluster.shared()
        let log = try Log()
        defer { try? FileManager.default.removeItem(atPath: log.directory) }
        let client = try MCPTestClient(tenant: try db.tenantID("well-crafted"), environment: log.environment(db))
        let run = try client.call("run_query", ["query": Self.query, "params": ["who": Self.secret]])
        #expect(!run.isError, "\(run.text)")
        _ = try client.call("check_query", ["query": "Customer | where name == \"\(Self.secret)\" | count"])
        #expect(client.close() == 0)
        let records = try log.records()
        #expect(records.count == 2, "one record per call, the run's written by the scope: \(records)")
        try Self.expectOneRecord(records.filter { $0["sqlHash"] as? String != SHA256.hex("") }, origin: "mcp", db)
        #expect(records.first?["queryID"] as? String == run.structured["queryId"] as? String)
        #expect(records.last?["sourceText"] as? String == "Customer | where name == ? | count")
        #expect(records.last?["tenantSlug"] as? String == "well-crafted")
    }
}
