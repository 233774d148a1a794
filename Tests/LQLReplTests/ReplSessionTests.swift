import Foundation
import LQL
import LQLOutput
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing
@testable import LQLRepl

extension LeoraCluster {
    static var schemaPath: String { Repository.leoraSchemaPath }

    /// A count computed by the superuser, for comparing with what the session prints.
    func count(_ sql: String, _ params: [String?] = []) throws -> String { try scalar(sql, params) }
}

/// Lines a test types one at a time (nothing is "pending", as at a terminal), with actions that
/// run when a given line is reached: between entries, after the previous one has run.
final class TypedLines: LineSource {
    private var lines: [String]
    private let actions: [String: () -> Void]
    init(_ text: String, actions: [String: () -> Void] = [:]) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.actions = actions
    }
    func readLine(_ prompt: PromptKind) -> LineInput {
        guard !lines.isEmpty else { return .endOfInput }
        let line = lines.removeFirst()
        actions[line]?()
        return .line(line)
    }
    var hasPendingInput: Bool { false }
}

struct SessionRun {
    var status: Int32
    var output: String
    var errors: String
}

func runSession(_ source: LineSource, tenant: String = "well-crafted", format: OutputFormat = .csv,
                interactive: Bool = false, connection: Connection? = nil,
                scope: TenantScope = TenantScope()) throws -> SessionRun {
    let db = try LeoraCluster.shared()
    let out = MemorySink(), err = MemorySink()
    let session = ReplSession(catalog: db.catalog, schemaPath: LeoraCluster.schemaPath,
                              connection: try connection ?? Connection(db.readerURL), tenant: tenant,
                              scope: scope, format: format, useColor: false, interactive: interactive,
                              environment: [:], lineSource: source, output: out, errors: err)
    // An interactive session catches Ctrl-C for its queries: see ProcessSignals.
    let status = interactive ? ProcessSignals.exclusively { session.run() } : session.run()
    return SessionRun(status: status, output: out.text, errors: err.text)
}

func runScript(_ text: String, tenant: String = "well-crafted", format: OutputFormat = .csv,
               interactive: Bool = false) throws -> SessionRun {
    try runSession(ScriptedLineSource(text: text), tenant: tenant, format: format, interactive: interactive)
}

let tenantCustomers = "SELECT count(*) FROM customers c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = $1"

@Suite(.serialized) struct ReplSessionTests {
    @Test func queryPrintsRows() throws {
        let db = try LeoraCluster.shared()
        let run = try runScript("Customer | where accountNumber == \"WC-00042\" | select accountNumber, name\n")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "accountNumber,name\nWC-00042,O'Malley's Bistro & Wine Bar\n")
        let table = try runScript("Customer | count\n", format: .table)
        #expect(table.output.contains(try db.count(tenantCustomers, ["well-crafted"])))
        #expect(table.output.contains("(1 row)"))
    }

    @Test func letIsKeptForLaterEntries() throws {
        let db = try LeoraCluster.shared()
        let run = try runScript("""
            let risky = Customer | where status == AT_RISK
            risky | count
            """)
        #expect(run.status == 0, "\(run.errors)")
        let expected = try db.count("SELECT count(*) FROM customers c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = 'well-crafted' AND c.status = 'AT_RISK'")
        #expect(run.output == "count\n\(expected)\n")
    }

    @Test func redefiningALetReplacesIt() throws {
        let run = try runScript("""
            let one = Customer | where accountNumber == "WC-00042"
            let one = Customer | where accountNumber == "nope"
            one | count
            """)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "count\n0\n")
    }

    @Test func setGivesAParameterItsValue() throws {
        let db = try LeoraCluster.shared()
        let run = try runScript("""
            \\set since 2026-06-01
            Order | where orderDate >= $since | count
            """)
        #expect(run.status == 0, "\(run.errors)")
        let expected = try db.count("SELECT count(*) FROM orders o JOIN tenants t ON t.id = o.tenant_id WHERE t.slug = 'well-crafted' AND o.order_date >= '2026-06-01'")
        #expect(run.output == "count\n\(expected)\n")
    }

    @Test func interactiveAsksForAMissingValue() throws {
        let db = try LeoraCluster.shared()
        let run = try runSession(TypedLines("Order | where orderDate >= $since | count\n2026-06-01"), interactive: true)
        #expect(run.status == 0, "\(run.errors)")
        let expected = try db.count("SELECT count(*) FROM orders o JOIN tenants t ON t.id = o.tenant_id WHERE t.slug = 'well-crafted' AND o.order_date >= '2026-06-01'")
        #expect(run.output == "value for $since: count\n\(expected)\n")
    }

    @Test func tenantSwitchChangesTheCount() throws {
        let db = try LeoraCluster.shared()
        let run = try runScript("Customer | count\n\\tenant north-cellars\nCustomer | count\n")
        #expect(run.status == 0, "\(run.errors)")
        let first = try db.count(tenantCustomers, ["well-crafted"])
        let second = try db.count(tenantCustomers, ["north-cellars"])
        #expect(first != second)
        #expect(run.output.hasPrefix("count\n\(first)\n"))
        #expect(run.output.hasSuffix("count\n\(second)\n"))
    }

    @Test func unknownTenantAtStartIsStatus4() throws {
        let run = try runScript("Customer | count\n", tenant: "nobody-here")
        #expect(run.status == 4)
        #expect(run.output.isEmpty)
    }

    @Test func errorThenGoodQuery() throws {
        let script = "Customer | where nmae == \"x\" | count\nCustomer | count\n"
        // Non-interactive: stops at the first error, status 1, nothing run after it.
        let batch = try runScript(script)
        #expect(batch.status == 1)
        #expect(batch.errors.contains("nmae"))
        #expect(batch.output.isEmpty)
        // Interactive: the error is reported and the next query runs.
        let repl = try runSession(TypedLines(script), interactive: true)
        #expect(repl.status == 0)
        #expect(repl.errors.contains("nmae"))
        #expect(repl.output.hasPrefix("count\n"))
    }

    @Test func explainAndSQLShowTheLastQuery() throws {
        let run = try runScript("Customer | count\n\\explain\n\\sql\n")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Aggregate") || run.output.contains("Scan"))
        #expect(run.output.contains("$1 = '2341d158-94d2-3c74-b58c-50bfc0b423d9' (tenant well-crafted)"))
    }

    /// Issue 18 item 4 at the prompt: a value's newline or CR shows escaped in `\sql` and
    /// `\explain`, so neither prints a line the value made.
    @Test func explainAndSQLEscapeControlCharactersInValues() throws {
        let run = try runScript("Customer | where name == \"x\\nSELECT 1;\\u{d}\\u{202E}z\" | count\n\\explain\n\\sql\n")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains(#"$2 = E'x\nSELECT 1;\r\u202Ez'::text"#), "\(run.output)")
        #expect(run.output.contains(#"x\nSELECT 1;\r\u202Ez"#) && run.output.contains("Scan"), "\(run.output)")
        #expect(!run.output.unicodeScalars.contains { $0 == "\r" || $0 == "\u{202E}" }, "\(run.output.debugDescription)")
        #expect(!run.output.split(separator: "\n").contains { $0.hasPrefix("SELECT 1") }, "\(run.output)")
    }

    @Test func reconnectsAfterTheBackendIsTerminated() throws {
        let db = try LeoraCluster.shared()
        let reader = try Connection(db.readerURL)
        let pid = reader.backendPID
        let kill = {
            _ = try? Connection(db.ownerURL).execute("SELECT pg_terminate_backend($1::int)", [String(pid)])
            // Wait until the backend is gone, so the next query meets a dead connection.
            for _ in 0..<100 {
                let left = (try? db.count("SELECT count(*) FROM pg_stat_activity WHERE pid = $1::int", [String(pid)])) ?? "0"
                if left == "0" { break }
                usleep(20_000)
            }
        }
        let run = try runSession(TypedLines("Customer | count\n-- kill\nCustomer | count\n", actions: ["-- kill": kill]),
                                 connection: reader)
        #expect(run.status == 0, "\(run.errors)")
        let expected = try db.count(tenantCustomers, ["well-crafted"])
        #expect(run.output.hasPrefix("count\n\(expected)\n"))
        #expect(run.output.hasSuffix("count\n\(expected)\n"))
        #expect(run.output.contains("reconnected"))
        #expect(reader.backendPID != pid)
    }

    @Test func metaCommandsDescribeTheSchema() throws {
        let run = try runScript("\\d\n\\d Customer\n\\d Custmer\n", interactive: true)
        #expect(run.output.contains("Customer"))
        #expect(run.output.contains("accountNumber"))
        #expect(run.errors.contains("did you mean"))
    }

    @Test func includeRunsAFile() throws {
        let path = NSTemporaryDirectory() + "/lql-include-\(getpid()).lql"
        try "let risky = Customer | where status == AT_RISK\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try runScript("\\i \(path)\nrisky | count\n")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("count\n"))
    }

    @Test func ctrlCCancelsTheQueryAndThePromptReturns() throws {
        try ProcessSignals.exclusively { try ctrlCCancelsTheQueryBody() }
    }

    func ctrlCCancelsTheQueryBody() throws {
        let db = try LeoraCluster.shared()
        let locked = DispatchSemaphore(value: 0)
        let ownerURL = db.ownerURL
        // The owner holds an exclusive lock on customers, so the session's query waits on the
        // server until Ctrl-C (SIGINT to this process) cancels it; then the lock goes away.
        let holder = Thread {
            guard let owner = try? Connection(ownerURL) else { locked.signal(); return }
            _ = try? owner.execute("BEGIN")
            _ = try? owner.execute("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE")
            locked.signal()
            usleep(700_000)
            kill(getpid(), SIGINT)
            usleep(300_000)
            _ = try? owner.execute("ROLLBACK")
        }
        holder.start()
        locked.wait()
        let run = try runSession(TypedLines("Customer | count\nCustomer | count\n"), interactive: true)
        #expect(run.status == 0)
        #expect(run.errors.contains("cancelled"))
        #expect(run.output == "count\n\(try db.count(tenantCustomers, ["well-crafted"]))\n")
    }

    @Test func serverErrorStopsAScriptWithStatus3() throws {
        let db = try LeoraCluster.shared()
        let locked = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let ownerURL = db.ownerURL
        let holder = Thread {
            guard let owner = try? Connection(ownerURL) else { locked.signal(); return }
            _ = try? owner.execute("BEGIN")
            _ = try? owner.execute("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE")
            locked.signal()
            done.wait()
            _ = try? owner.execute("ROLLBACK")
        }
        holder.start()
        locked.wait()
        defer { done.signal() }
        let run = try runSession(ScriptedLineSource(text: "Customer | count\nCustomer | count\n"),
                                 scope: TenantScope(statementTimeoutMilliseconds: 200))
        #expect(run.status == 3)
        #expect(run.errors.contains("statement timeout"))
        #expect(!run.errors.contains("cancelled"))
        #expect(run.output.isEmpty)
    }

    @Test func unknownTenantSwitchStopsAScriptWithStatus4() throws {
        let run = try runScript("\\tenant well-craftd\nCustomer | count\n")
        #expect(run.status == 4)
        #expect(run.errors.contains("well-crafted"))
        #expect(run.output.isEmpty)
    }

    @Test func timingFormatAndParams() throws {
        let run = try runScript("""
            \\timing on
            \\format json
            \\set since 2026-06-01
            \\params
            Customer | where accountNumber == "WC-00042" | select accountNumber
            """)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("$since = '2026-06-01'"))
        #expect(run.output.contains("[\n  {\"accountNumber\":\"WC-00042\"}\n]\n"))
        #expect(run.output.contains("Time: "))
    }
}
