import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// The check every Leora conformance suite makes of a case: lql's rows, compiled and run as
/// `lql run` runs them (the reader role, the RLS tenant scope), equal the hand-written SQL's rows
/// run as the owner with the tenant's id, in every demo tenant. A suite of empty results proves
/// nothing: every case has data in at least two tenants.
func expectEqualToHandWrittenSQLInEveryLeoraTenant(_ c: ConformanceCase, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let db = try LeoraCluster.shared()
    let reader = try Connection(db.readerURL)
    let owner = try Connection(db.ownerURL)
    var nonEmpty = 0
    for tenant in LeoraCluster.tenants {
        let got = try runCompiledQuery(c.lql, catalog: db.catalog, scope: TenantScope(), tenant: tenant,
                                       on: reader, parameters: c.parameters)
        let want = try owner.execute(c.sql, [try db.tenantID(tenant)]).rows
        #expect(normalized(got, c) == normalized(want, c), "tenant \(tenant)", sourceLocation: sourceLocation)
        if !want.isEmpty, want != [["0"]] { nonEmpty += 1 }
    }
    #expect(nonEmpty >= 2, "the case returns nothing in most tenants", sourceLocation: sourceLocation)
}
