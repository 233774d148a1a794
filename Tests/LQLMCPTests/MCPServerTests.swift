import Foundation
import LQL
import LQLHelp
import LQLMCP
import LQLPostgres
import LQLTestSupport
import Testing

/// `lql mcp` driven as an assistant's MCP client drives it: the real binary over pipes, against
/// the throwaway Leora cluster, connected as `lql_reader`.
@Suite(.serialized)
struct MCPServerTests {
    static let auditLog = NSTemporaryDirectory() + "lql-mcp-test-audit-\(getpid()).jsonl"

    static func client(_ tenant: String = "well-crafted", _ extra: [String] = []) throws -> MCPTestClient {
        let pg = try LeoraCluster.shared()
        return try MCPTestClient(tenant: tenant, extraArguments: extra,
                                 environment: ["DATABASE_URL": pg.readerURL, "LQL_AUDIT_LOG": auditLog])
    }

    static func lqlRunJSON(_ source: String, tenant: String = "well-crafted") throws -> String {
        let pg = try LeoraCluster.shared()
        let out = try runLQL(["run", "-", "--tenant", tenant, "--schema", Repository.leoraSchemaPath, "--format", "json"],
                             environment: ["DATABASE_URL": pg.readerURL], stdin: Data(source.utf8))
        try #require(out.status == 0, "lql run failed: \(out.err)")
        return out.out
    }

    @Test("initialize, the four tools with closed argument schemas, the resources")
    func protocolSurface() throws {
        let c = try MCPServerTests.client()
        let info = c.initializeResult["serverInfo"] as? [String: Any]
        #expect(info?["name"] as? String == "lql")
        #expect((c.initializeResult["instructions"] as? String ?? "").contains("well-crafted"))
        let tools = try c.request("tools/list")["tools"] as? [[String: Any]] ?? []
        #expect(tools.compactMap { $0["name"] as? String } == ["describe_schema", "check_query", "compile_query", "run_query"])
        for tool in tools {
            let schema = tool["inputSchema"] as? [String: Any]
            #expect(schema?["additionalProperties"] as? Bool == false, "\(tool["name"] ?? "")")
        }
        let resources = try c.request("resources/list")["resources"] as? [[String: Any]] ?? []
        let uris = resources.compactMap { $0["uri"] as? String }
        let reports = try FileManager.default.contentsOfDirectory(atPath: Repository.path("examples/reports")).filter { $0.hasSuffix(".lql") }
        #expect(uris.first == "lql://reference")
        #expect(Set(uris.dropFirst()) == Set(reports.map { "lql://reports/" + $0 }))
        let reference = try c.request("resources/read", ["uri": "lql://reference"])["contents"] as? [[String: Any]]
        #expect(reference?.first?["text"] as? String == LanguageReference.text)
        let report = try c.request("resources/read", ["uri": "lql://reports/overdue-invoices.lql"])["contents"] as? [[String: Any]]
        #expect(report?.first?["text"] as? String == (try String(contentsOfFile: Repository.path("examples/reports/overdue-invoices.lql"), encoding: .utf8)))
        // Only listed URIs are readable: no path walks to another file.
        #expect(throws: RPCError.self) { try c.request("resources/read", ["uri": "lql://reports/../leora/seed.sql"]) }
        #expect(throws: RPCError.self) { try c.request("resources/read", ["uri": "file:///etc/passwd"]) }
        #expect(c.close() == 0)
    }

    @Test("run_query returns what lql run returns: every example report and a few queries")
    func runEqualsLqlRun() throws {
        let c = try MCPServerTests.client()
        var sources: [(String, String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: Repository.path("examples/reports")).sorted() where name.hasSuffix(".lql") {
            sources.append((name, try String(contentsOfFile: Repository.path("examples/reports/" + name), encoding: .utf8)))
        }
        sources += [("group", "Order | group by status aggregate n: count(), value: sum(total) | sort status"),
                    ("shape", "Order | sort number | take 3 | select number, customer { name }, lines { product.name, quantity }"),
                    ("types", "Customer | sort name | take 5 | select name, tier, createdAt, n: count(orders), any(orders where status == PENDING)")]
        for (name, source) in sources {
            let result = try c.call("run_query", ["query": source, "limit": 1000])
            try #require(!result.isError, "\(name): \(result.text)")
            #expect(!result.truncated, "\(name)")
            let expected = try MCPServerTests.lqlRunJSON(source)
            let expectedRows = try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? [Any] ?? []
            #expect(JSONValue.canonical(result.rows) == JSONValue.canonical(expectedRows), "\(name)")
            // The text content carries the rows exactly as `lql run --format json` prints them.
            let text = result.text
            let json = text[text.index(after: text.firstIndex(of: "\n")!)...]
            #expect(String(json) == expected, "\(name)")
            #expect(result.structured["rowCount"] as? Int == expectedRows.count)
            #expect(!(result.structured["queryId"] as? String ?? "").isEmpty)
        }
    }

    @Test("the row cap: 200 by default, `limit` lowers it, truncated says there were more")
    func rowCap() throws {
        let c = try MCPServerTests.client()
        let all = try c.call("run_query", ["query": "Order | select number | sort number"])
        #expect(all.rows.count == 200 && all.truncated)
        let five = try c.call("run_query", ["query": "Order | select number | sort number", "limit": 5])
        #expect(five.rows.count == 5 && five.truncated)
        #expect(JSONValue.canonical(five.rows) == JSONValue.canonical(Array(all.rows.prefix(5))))
        let exact = try c.call("run_query", ["query": "Order | sort number | take 7 | select number", "limit": 7])
        #expect(exact.rows.count == 7 && !exact.truncated)
        // The connection is usable after a cut stream (its cancel did not leak into the next call).
        let count = try c.call("run_query", ["query": "Order | count"])
        #expect(!count.isError && count.rows.count == 1, "\(count.text)")
        #expect(try c.call("run_query", ["query": "Order | count", "limit": 0]).isError)
    }

    @Test("arguments a tool does not declare are refused, never obeyed: tenant, sql, schema")
    func foreignArguments() throws {
        let c = try MCPServerTests.client()
        let own = try c.call("run_query", ["query": "Order | count"]).rows.first?["count"] as? Int
        let pg = try LeoraCluster.shared()
        let harbor = try pg.scalar("SELECT count(*) FROM orders o JOIN tenants t ON t.id = o.tenant_id WHERE t.slug = 'harbor-wines'")
        for extra: [String: Any] in [["tenant": "harbor-wines"], ["tenantId": try pg.tenantID("harbor-wines")],
                                     ["sql": "SELECT 1"], ["schema": "/etc/passwd"], ["database": "postgres"]] {
            let args = extra.merging(["query": "Order | count"]) { a, _ in a }
            let r = try c.call("run_query", args)
            #expect(r.isError, "\(extra)")
            #expect(r.text.contains("unknown argument"), "\(r.text)")
            #expect(r.rows.isEmpty)
        }
        for tool in ["describe_schema", "check_query", "compile_query"] {
            #expect(try c.call(tool, ["query": "Order | count", "tenant": "harbor-wines"]).isError, "\(tool)")
        }
        #expect(own != Int(harbor), "the tenants' order counts must differ for this test to mean anything")
        #expect(try c.call("no_such_tool", [:]).isError)
    }

    @Test("tenantId, tenant and sensitive fields are refused with a diagnostic; describe_schema marks them")
    func refusedFields() throws {
        let c = try MCPServerTests.client()
        for query in ["Order | select tenantId", "Order | where tenantId != \"x\" | count", "Order | select tenant.slug",
                      "User | select hashedPassword", "User | where hashedPassword ~ \"a\" | count",
                      "WebhookSubscription | select url, secret", "Customer | select name, salesRep { hashedPassword }"] {
            for tool in ["check_query", "compile_query", "run_query"] {
                let r = try c.call(tool, ["query": query])
                #expect(!r.diagnosticCodes.isEmpty, "\(tool): \(query)")
                #expect(r.structured["ok"] as? Bool == false, "\(tool): \(query)")
                #expect(tool == "check_query" ? !r.isError : r.isError, "\(tool): \(query)")
                #expect(r.rows.isEmpty)
            }
        }
        let schema = try c.call("describe_schema", [:])
        let models = schema.structured["models"] as? [[String: Any]] ?? []
        let user = try #require(models.first { $0["name"] as? String == "User" })
        let fields = (user["fields"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        let refused = (user["refusedFields"] as? [[String: Any]] ?? [])
        #expect(!fields.contains("hashedPassword") && !fields.contains("tenantId"))
        #expect(refused.contains { $0["name"] as? String == "hashedPassword" && $0["sensitive"] as? Bool == true })
        #expect(refused.contains { $0["name"] as? String == "tenantId" && $0["tenantKey"] as? Bool == true })
        #expect(models.contains { $0["name"] as? String == "Order" } && !models.contains { $0["name"] as? String == "Tenant" })
        #expect(!schema.text.contains("hashed_password"))
    }

    @Test("SQL text, COMMIT, multiple statements and comment tricks give a diagnostic, never a write")
    func sqlTricks() throws {
        let pg = try LeoraCluster.shared()
        let fingerprint = try String(contentsOfFile: Repository.path("examples/leora/fingerprint.sql"), encoding: .utf8)
        let owner = try Connection(pg.ownerURL)
        let before = try owner.execute(fingerprint).rows
        let c = try MCPServerTests.client()
        let tricks = [
            "DROP TABLE orders", "SELECT * FROM orders", "COMMIT; DROP TABLE orders",
            "Order | count; COMMIT; DELETE FROM orders", "Order | count\nCOMMIT\nDROP TABLE orders",
            "/* */ DELETE FROM orders", "-- \nDELETE FROM orders", "Order | where number == \"x\"; DROP TABLE orders; --\"",
            "Order | where number == 'x'' OR 1=1; DROP TABLE orders; --' | count",
            "Order | select number | sort number -- ; DROP TABLE orders\n; TRUNCATE orders",
            "Order | take 1; UPDATE orders SET total = 0", "END; SET ROLE postgres; DROP TABLE tenants",
            "Order | where status == PENDING) ; DROP TABLE orders --",
        ]
        for trick in tricks {
            let r = try c.call("run_query", ["query": trick])
            #expect(r.isError, "\(trick) -> \(r.text)")
            if !r.isError { continue }
            #expect(!r.diagnosticCodes.isEmpty || r.text.contains("exactly one output query"), "\(trick) -> \(r.text)")
        }
        // A string holding SQL is a value: a bind, matching nothing.
        let bound = try c.call("run_query", ["query": "Order | where number == $n | count", "params": ["n": "x'; DROP TABLE orders; --"]])
        #expect(!bound.isError && bound.rows.first?["count"] as? Int == 0, "\(bound.text)")
        #expect(try owner.execute(fingerprint).rows == before, "the database changed")
    }

    @Test("compile_query gives the SQL and binds (tenant first), check_query the diagnostics with hints and positions")
    func compileAndCheck() throws {
        let c = try MCPServerTests.client()
        let compiled = try c.call("compile_query", ["query": "param s: OrderStatus[]\nOrder | where status in $s | count",
                                                    "params": ["s": ["PENDING", "CONFIRMED"]]])
        try #require(!compiled.isError, "\(compiled.text)")
        let statement = try #require((compiled.structured["statements"] as? [[String: Any]])?.first)
        let sql = statement["sql"] as? String ?? ""
        let binds = statement["binds"] as? [[String: Any]] ?? []
        #expect(sql.contains("$1") && !sql.contains("PENDING"))
        #expect(binds.first?["tenant"] as? Bool == true)
        #expect(binds.contains { ($0["value"] as? String ?? "").contains("PENDING") })
        let checked = try c.call("check_query", ["query": "Order\n| where totl > 10"])
        #expect(!checked.isError && checked.structured["ok"] as? Bool == false)
        let d = try #require((checked.structured["diagnostics"] as? [[String: Any]])?.first)
        #expect(d["line"] as? Int == 2 && d["column"] as? Int == 9)
        #expect((d["hints"] as? [String] ?? []).contains { $0.contains("total") })
        #expect(checked.text.contains("--> <query>:2:9"))
        let fine = try c.call("check_query", ["query": "param since: DateTime\nOrder | where orderDate >= $since | count"])
        #expect(fine.structured["ok"] as? Bool == true, "\(fine.text)")
        let needsValue = try c.call("run_query", ["query": "param since: DateTime\nOrder | where orderDate >= $since | count"])
        #expect(needsValue.isError && !needsValue.diagnosticCodes.isEmpty)
        let two = try c.call("run_query", ["query": "Order | count\nCustomer | count"])
        #expect(two.isError && two.text.contains("exactly one output query"))
    }

    @Test("every call is audited; a run's record carries the query id the SQL was tagged with")
    func audit() throws {
        try? FileManager.default.removeItem(atPath: MCPServerTests.auditLog)
        let c = try MCPServerTests.client()
        let run = try c.call("run_query", ["query": "Customer | count"])
        _ = try c.call("check_query", ["query": "Customer | count"])
        _ = try c.call("run_query", ["query": "Customer | count", "tenant": "harbor-wines"])
        #expect(c.close() == 0)
        let lines = try String(contentsOfFile: MCPServerTests.auditLog, encoding: .utf8).split(separator: "\n")
        let records = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(records.count == 3)
        let first = try #require(records.first)
        let wellCraftedID = try LeoraCluster.shared().tenantID("well-crafted")
        #expect(first["queryID"] as? String == run.structured["queryId"] as? String)
        #expect(first["tenantSlug"] as? String == "well-crafted" && first["outcome"] as? String == "ok" && first["rows"] as? Int == 1)
        #expect(first["origin"] as? String == "mcp" && first["tenantId"] as? String == wellCraftedID)
        #expect(first["dbRole"] as? String == "lql_reader")
        #expect(records.last?["outcome"] as? String == "refused")
    }

    @Test("an unknown tenant or a failed connection ends lql mcp before it serves (exit 4, 3)")
    func startFailures() throws {
        let pg = try LeoraCluster.shared()
        let unknown = try runLQL(["mcp", "--tenant", "nope", "--schema", Repository.leoraSchemaPath],
                                 environment: ["DATABASE_URL": pg.readerURL], stdin: Data())
        #expect(unknown.status == 4 && unknown.out.isEmpty, "\(unknown.err)")
        let noDB = try runLQL(["mcp", "--tenant", "well-crafted", "--schema", Repository.leoraSchemaPath], stdin: Data())
        #expect(noDB.status == 3 && noDB.out.isEmpty, "\(noDB.err)")
        let noTenant = try runLQL(["mcp", "--schema", Repository.leoraSchemaPath], environment: ["DATABASE_URL": pg.readerURL], stdin: Data())
        #expect(noTenant.status == 4, "\(noTenant.err)")
    }

    @Test("the reference is the usage page and LQLHelp's language help; its examples compile against the Leora schema")
    func referenceExamplesCompile() throws {
        #expect(LanguageReference.text.hasSuffix(LanguageHelp.markdown))
        let catalog = try LeoraExample.catalog()
        let blocks = LanguageReference.text.components(separatedBy: "```lql\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count >= 2)
        for block in blocks {
            let result = LQLCompiler.compile(source: SourceFile(name: "reference", text: block), catalog: catalog, requireParameterValues: false)
            #expect(!result.hasErrors, "\(block)\n\(result.diagnostics.map(\.message))")
        }
    }
}

/// The MCP SDK brings FoundationNetworking (libcurl) on Linux: it stays in lql-mcp, so `lql run`
/// does not load it. lql links neither it nor SwiftNIO; lql-mcp has no SwiftNIO either.
@Test("lql links no FoundationNetworking, curl or NIO; lql-mcp no NIO")
func linkedLibraries() throws {
    let lql = try runProcess("/usr/bin/ldd", [Repository.lqlBinary])
    let server = try runProcess("/usr/bin/ldd", [(Repository.lqlBinary as NSString).deletingLastPathComponent + "/lql-mcp"])
    #expect(lql.status == 0 && server.status == 0)
    for name in ["FoundationNetworking", "libcurl", "NIO"] { #expect(!lql.out.contains(name), "\(name)") }
    #expect(!server.out.contains("NIO"))
    let symbols = try runProcess("/usr/bin/env", ["sh", "-c", "nm -C '\((Repository.lqlBinary as NSString).deletingLastPathComponent)/lql-mcp' | grep -c 'NIOCore' || true"])
    #expect(symbols.out.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "SwiftNIO symbols in lql-mcp")
}
