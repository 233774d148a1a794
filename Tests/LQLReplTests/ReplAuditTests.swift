import Foundation
import LQLTenancy
import LQLTestSupport
import Synchronization
import Testing
@testable import LQLRepl

/// The session tells the tenant scope what each statement came from, so the scope's audit hook
/// hears of every statement the prompt runs: a query, `\g`, `\explain analyze`, after `\tenant`
/// (the resolved tenant, also when it was named by its id), and a failing one.
@Suite(.serialized) struct ReplAuditTests {
    final class Heard: Sendable {
        let statements = Mutex<[(origin: String, text: String, tenant: Tenant, sql: String, error: Bool, queryID: String)]>([])
        var hook: @Sendable (ScopedStatement) -> Void {
            { s in self.statements.withLock { $0.append((s.source.origin, s.source.text, s.tenant, s.sql.text, s.error != nil, s.source.queryID)) } }
        }
    }

    @Test func everyStatementThePromptRunsReachesTheHook() throws {
        let db = try LeoraCluster.shared()
        let heard = Heard()
        var scope = TenantScope()
        scope.onStatement = heard.hook
        let id = try db.tenantID("north-cellars")
        let run = try runSession(TypedLines("""
            let big = Order | where total > 500
            big | count
            \\g
            \\explain analyze
            \\tenant \(id)
            Customer | count
            Order | select x: total / (total - total) | take 1
            """), interactive: true, scope: scope)
        #expect(run.errors.contains("division by zero"), "\(run.errors)")
        let got = heard.statements.withLock { $0 }
        #expect(got.map(\.origin) == ["prompt", "prompt", "prompt", "prompt", "prompt"], "\(got)")
        #expect(got.map(\.tenant.slug) == ["well-crafted", "well-crafted", "well-crafted", "north-cellars", "north-cellars"])
        #expect(got[3].tenant.id == id)
        // What was compiled: the definitions in front of the entry.
        #expect(got[0].text == "let big = Order | where total > 500\nbig | count" && got[1].text == got[0].text)
        #expect(got[2].sql.hasPrefix("EXPLAIN (ANALYZE) ") && got[2].text == got[0].text)
        #expect(got.map(\.error) == [false, false, false, false, true])
        #expect(Set(got.map(\.queryID)).count == 5, "one query id per scope")
    }

    @Test func aScriptOnStdinAndAnIncludedFileAreToldApart() throws {
        let heard = Heard()
        var scope = TenantScope()
        scope.onStatement = heard.hook
        let file = NSTemporaryDirectory() + "lql-repl-audit-\(getpid()).lql"
        try "Invoice | count\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { unlink(file) }
        let run = try runSession(ScriptedLineSource(text: "Customer | count\n\\i \(file)\nOrder | count\n"), scope: scope)
        #expect(run.status == 0, "\(run.errors)")
        #expect(heard.statements.withLock { $0.map(\.origin) } == ["stdin", "include", "stdin"])
    }
}
