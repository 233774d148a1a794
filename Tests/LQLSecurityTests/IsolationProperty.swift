import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// The isolation property, for any row-level example: random well-typed queries (QueryGenerator)
/// return the same rows for the reader under RLS as for the superuser, whom RLS does not hold —
/// so lql's own predicates alone keep every tenant to its rows — and the raw rows a query returns
/// all belong to the tenant, checked by hand-written SQL along each model's own scope.
struct IsolationProperty {
    var catalog: Catalog
    var readerURL: String
    var ownerURL: String
    var scope: TenantScope
    var tenants: [String]
    var seed: UInt64
    var count: Int
    /// The audit's per-table scopes; nil: the Leora convention (tenant_id everywhere).
    var auditScopes: [String: [String: String]]?
    /// Prints every query (LQL_ISOLATION_VERBOSE), else the first few.
    var label: String

    func run() throws {
        let clock = ContinuousClock.now
        let reader = try Connection(readerURL)
        let owner = try Connection(ownerURL)
        let verify = try Connection(ownerURL)
        print("\(label): seed \(seed) (LQL_ISOLATION_SEED), \(count) queries × \(tenants.count) tenants (LQL_ISOLATION_COUNT)")
        let generator = QueryGenerator(catalog: catalog, db: verify, seed: seed)

        // The verifying role really bypasses RLS: in a tenant's scope it sees every tenant's rows.
        let probe = try #require(catalog.models.first { if case .key = catalog.scopeRule(of: $0) { true } else { false } })
        let table = Self.quote(probe.tableName)
        let all = try verify.execute("SELECT count(*) FROM \(table)")[0, 0]
        let inScope = try scope.withTenant(tenants[0], on: owner) { try $0.connection.execute("SELECT count(*) FROM \(table)")[0, 0] }
        try #require(all == inScope, "the superuser does not bypass RLS; the comparison would prove nothing")

        var executed = 0, nonEmpty = 0, rowQueries = 0, checkedIds = 0
        var audited: [Security.AuditItem] = []
        var mutantCaught = false
        for i in 0..<count {
            let (source, shape, parameters) = generator.query()
            if i < 8 || ProcessInfo.processInfo.environment["LQL_ISOLATION_VERBOSE"] != nil { print("\(label): query \(i): \(source)") }
            let result = LQLCompiler.compile(source: SourceFile(name: "test.lql", text: source), catalog: catalog, parameters: parameters)
            guard let program = result.program, !result.hasErrors, let statement = program.statements.last else {
                let messages = result.diagnostics.map { "\($0.code.code): \($0.message)" }.joined(separator: "\n")
                Issue.record("generator bug or compiler bug: query \(i) does not compile:\n\(source)\nparameters: \(parameters)\n\(messages)")
                continue
            }
            let sql = statement.sql
            audited.append(Security.AuditItem(name: "generated \(i): \(source)", sql: sql.text, binds: sql.binds.count,
                                              canaries: [], scopes: auditScopes))
            // Mutation check: without the compiler's predicate on the query's own table, the
            // superuser's run must differ for some query (the comparison can fail, so its
            // passing means something).
            if !mutantCaught, shape == .rows, sql.text.hasPrefix("SELECT"),
               let m = Self.sourceModel(source, catalog), case .key(_, let column) = catalog.scopeRule(of: m) {
                var mutant = sql
                mutant.text = sql.text.replacingOccurrences(of: "t.\(Self.quote(column)) = $1", with: "$1 IS NOT NULL")
                let a = try scope.withTenant(tenants[0], on: owner) { try $0.execute(mutant).rows }
                let b = try scope.withTenant(tenants[0], on: reader) { try $0.execute(mutant).rows }
                if IsolationTests.multiset(a) != IsolationTests.multiset(b) { mutantCaught = true }
            }
            let idColumn = sql.columnNames.firstIndex(of: "id")
            if shape == .rows {
                rowQueries += 1
                #expect(idColumn != nil, "raw rows without id: \(source) -> \(sql.columnNames)")
            }
            for slug in tenants {
                let viaRLS: [[String?]]
                let tenant: Tenant
                do {
                    (viaRLS, tenant) = try scope.withTenant(slug, on: reader) { tx in (try tx.execute(sql).rows, tx.tenant) }
                } catch {
                    Issue.record("query \(i) fails as the reader for \(slug): \(error)\n\(source)\n\(sql.text)")
                    continue
                }
                let withoutRLS = try scope.withTenant(slug, on: owner) { tx in try tx.execute(sql).rows }
                executed += 1
                if !viaRLS.isEmpty { nonEmpty += 1 }
                #expect(IsolationTests.multiset(viaRLS) == IsolationTests.multiset(withoutRLS),
                        "query \(i) for \(slug): \(viaRLS.count) rows under RLS, \(withoutRLS.count) without\n\(source)\n\(sql.text)")
                if shape == .rows, let idColumn, !withoutRLS.isEmpty, let m = Self.sourceModel(source, catalog),
                   let ownership = Self.ownershipSQL(m, catalog) {
                    let ids = Set(withoutRLS.compactMap { $0[idColumn] })
                    let owned = try verify.execute(ownership, [ids.joined(separator: ","), tenant.id], types: [25, 25])[0, 0]
                    #expect(owned == String(ids.count), "query \(i) for \(slug) returns ids of another tenant\n\(source)")
                    checkedIds += ids.count
                }
            }
        }
        #expect(mutantCaught, "no query distinguished the compiler's predicates from RLS alone")
        if Security.hasPglast {
            let (status, output) = try Security.audit(audited)
            #expect(status == 0, "sql_audit violations in generated queries:\n\(output)")
        }
        let elapsed = ContinuousClock.now - clock
        print("\(label): \(executed) runs (\(nonEmpty) non-empty), \(rowQueries) raw-row queries, \(checkedIds) ids verified, \(elapsed)")
        #expect(reader.isConnected)
    }

    /// The model a generated query starts from (its last line's first word).
    static func sourceModel(_ source: String, _ catalog: Catalog) -> Model? {
        let name = source.split(separator: "\n").last?.split(separator: " ").first.map(String.init) ?? ""
        return catalog.model(named: name)
    }

    /// `SELECT count(DISTINCT m.id) FROM m [JOIN owner …] WHERE m.id::text = ANY($1) AND <key>::text = $2`,
    /// written by hand along the model's own scope: its key column, or the joins of its path.
    static func ownershipSQL(_ m: Model, _ catalog: Catalog) -> String? {
        guard let id = m.primaryKey.first.flatMap({ m.field(named: $0) })?.columnName else { return nil }
        var from = "\(quote(m.tableName)) AS m0"
        var current = m, alias = "m0", keyed: String?
        switch catalog.scopeRule(of: m) {
        case .key(_, let column): keyed = "m0.\(quote(column))"
        case .through(let path):
            for (i, step) in path.enumerated() {
                guard let r = current.field(named: step)?.relation, let target = catalog.model(named: r.targetModel) else { return nil }
                let next = "m\(i + 1)"
                from += " JOIN \(quote(target.tableName)) AS \(next) ON "
                    + r.joinColumns.map { "\(next).\(quote($0.remote)) = \(alias).\(quote($0.local))" }.joined(separator: " AND ")
                current = target
                alias = next
            }
            guard case .key(_, let column) = catalog.scopeRule(of: current) else { return nil }
            keyed = "\(alias).\(quote(column))"
        default: return nil
        }
        guard let keyed else { return nil }
        return "SELECT count(DISTINCT m0.\(quote(id))) FROM \(from) WHERE m0.\(quote(id))::text = ANY(string_to_array($1, ',')) AND \(keyed)::text = $2"
    }

    static func quote(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
