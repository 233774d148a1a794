import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// `lql mcp`'s tenant wall as a property: random well-typed queries (IsolationTests' generator)
/// sent as run_query to one server per tenant. Whatever the query, the rows are exactly as many
/// as the superuser finds with that tenant's predicates, and every raw row's id belongs to the
/// server's tenant (checked by the superuser, who bypasses RLS and sees every tenant).
@Suite(.serialized)
struct MCPIsolationTests {
    static var count: Int { ProcessInfo.processInfo.environment["LQL_MCP_ISOLATION_COUNT"].flatMap(Int.init) ?? 150 }

    @Test("random queries through lql mcp never return another tenant's rows")
    func isolation() throws {
        let pg = try LeoraCluster.shared()
        let owner = try Connection(pg.ownerURL)
        let verify = try Connection(pg.ownerURL)
        let scope = TenantScope()
        let seed = IsolationTests.seed &+ 16, count = MCPIsolationTests.count
        print("mcp isolation: seed \(seed), \(count) queries × 3 tenants (LQL_MCP_ISOLATION_COUNT)")
        let generator = QueryGenerator(catalog: Security.catalog, db: verify, seed: seed)
        let queries = (0..<count).map { _ in generator.query() }
        let limit = 1000
        var checkedIds = 0, nonEmpty = 0
        for slug in LeoraCluster.tenants {
            let tenant = try scope.resolve(slug, on: owner)
            let client = try MCPTestClient(tenant: slug, environment: ["DATABASE_URL": pg.readerURL])
            for (i, (source, shape, parameters)) in queries.enumerated() {
                let r = try client.call("run_query", ["query": source, "params": parameters, "limit": limit])
                guard !r.isError else {
                    Issue.record("query \(i) fails through lql mcp for \(slug): \(r.text)\n\(source)")
                    continue
                }
                let program = try #require(Security.compile(source, parameters: parameters).program?.statements.last)
                let expected = try scope.withTenant(tenant, on: owner) { try $0.execute(program.sql).rows }
                #expect(r.rows.count == min(expected.count, limit), "query \(i) for \(slug): \(r.rows.count) rows, the tenant has \(expected.count)\n\(source)")
                #expect(r.truncated == (expected.count > limit))
                if !r.rows.isEmpty { nonEmpty += 1 }
                guard shape == .rows, !r.rows.isEmpty else { continue }
                let model = source.split(separator: "\n").last?.split(separator: " ").first.map(String.init) ?? ""
                let m = try #require(Security.catalog.model(named: model))
                let ids = Set(r.rows.compactMap { $0["id"].map { "\($0)" } })
                let idIndex = try #require(program.sql.columnNames.firstIndex(of: "id"))
                let expectedIds = Set(expected.compactMap { $0[idIndex] })
                // All of them, or (cut at the limit) only theirs.
                #expect(r.truncated ? ids.isSubset(of: expectedIds) : ids == expectedIds, "query \(i) for \(slug)\n\(source)")
                let idCol = m.field(named: "id")?.columnName ?? "id"
                let owned = try verify.execute(
                    "SELECT count(DISTINCT \"\(idCol)\") FROM \"\(m.tableName)\" WHERE \"\(idCol)\"::text = ANY(string_to_array($1, ',')) AND \"tenant_id\" = $2",
                    [ids.joined(separator: ","), tenant.id], types: [25, 25])[0, 0]
                #expect(owned == String(ids.count), "query \(i) through lql mcp for \(slug) returns ids of another tenant\n\(source)")
                checkedIds += ids.count
            }
            #expect(client.close() == 0)
        }
        print("mcp isolation: \(nonEmpty) non-empty answers, \(checkedIds) ids verified")
        #expect(checkedIds > 100, "too few ids checked for the property to mean anything")
    }
}
