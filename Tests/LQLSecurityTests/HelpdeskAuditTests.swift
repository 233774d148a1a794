import Foundation
import LQL
import LQLTestSupport
import Testing

/// scripts/sql_audit.py over the helpdesk example's golden queries, each table checked against its
/// own scope: keys, the through-scoped Message, and the implicit many-to-many tables, which have no
/// tenant column and pass only when their `A` and `B` are both tied to rows read elsewhere.
@Suite(.enabled(if: Security.hasPglast, "python3 -c 'import pglast' fails: run scripts/install-deps.sh"))
struct HelpdeskAuditTests {
    static let catalog: Catalog = { do { return try HelpdeskFixture.catalog() } catch { fatalError("\(error)") } }()
    static let directory = Security.goldenDirectory.appendingPathComponent("helpdesk")

    @Test func everyHelpdeskGoldenQueryPassesTheAudit() throws {
        let scopes = Security.auditScopes(Self.catalog)
        #expect(scopes["_LabelToTicket"] == ["link": "1"] && scopes["_Watchers"] == ["link": "1"])
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".lql") }.sorted()
        #expect(files.count >= 10)
        var items: [Security.AuditItem] = []
        for file in files {
            let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
            let result = LQLCompiler.compile(source: SourceFile(name: file, text: text), catalog: Self.catalog)
            let statement = try #require(result.program?.statements.last, "\(file): \(result.diagnostics.map(\.message))")
            items.append(Security.AuditItem(name: file, sql: statement.sql.text, binds: statement.sql.binds.count,
                                            canaries: [], scopes: scopes))
        }
        let (status, output) = try Security.audit(items)
        #expect(status == 0, "sql_audit violations:\n\(output)")
    }

    /// A link table read without both ties, or without scopes at all, is a violation.
    @Test func aLooseLinkTableIsAViolation() throws {
        let scopes = Security.auditScopes(Self.catalog)
        let cases: [(String, String, String)] = [
            ("oneEnd", #"SELECT count(*) FROM "tickets" AS t WHERE t."organization_id" = $1 AND EXISTS (SELECT 1 FROM "_LabelToTicket" AS l1 WHERE l1."B" = t."id")"#,
             "oneEnd: link table '_LabelToTicket' AS l1 does not tie `l1.A`"),
            ("alone", #"SELECT l."A" FROM "_Watchers" AS l WHERE $1::uuid IS NOT NULL"#,
             "alone: link table '_Watchers' AS l does not tie `l.A` and `l.B`"),
            ("selfTie", #"SELECT 1 FROM "_Watchers" AS l WHERE l."A" = l."B" AND $1::uuid IS NOT NULL"#,
             "selfTie: link table '_Watchers' AS l does not tie `l.A` and `l.B`"),
        ]
        let items = cases.map { Security.AuditItem(name: $0.0, sql: $0.1, binds: 1, canaries: [], scopes: scopes) }
        let (status, output) = try Security.audit(items)
        #expect(status == 1)
        for c in cases { #expect(output.contains(c.2), "\(output)") }
        // Without scopes (the Leora convention) a link table needs tenant_id like any table.
        let leora = try Security.audit([Security.AuditItem(name: "leora", sql: cases[0].1, binds: 1, canaries: [])])
        #expect(leora.status == 1 && leora.output.contains("'_LabelToTicket' AS l1 has no `l1.tenant_id = $1`"), "\(leora.output)")
    }
}
