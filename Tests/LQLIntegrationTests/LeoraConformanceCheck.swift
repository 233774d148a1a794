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
    try expectEqualToHandWrittenSQL(c, catalog: db.catalog, scope: TenantScope(), tenants: LeoraCluster.tenants,
                                    readerURL: db.readerURL, ownerURL: db.ownerURL, tenantID: db.tenantID,
                                    sourceLocation: sourceLocation)
}

/// The same check for any row-level example: `$1` of the hand-written SQL is the tenant's id
/// (`tenantID`), lql runs through `scope` on the reader's connection.
func expectEqualToHandWrittenSQL(_ c: ConformanceCase, catalog: Catalog, scope: TenantScope, tenants: [String],
                                 readerURL: String, ownerURL: String, tenantID: (String) throws -> String,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
    let reader = try Connection(readerURL)
    let owner = try Connection(ownerURL)
    var nonEmpty = 0
    for tenant in tenants {
        let got = try runCompiledQuery(c.lql, catalog: catalog, scope: scope, tenant: tenant,
                                       on: reader, parameters: c.parameters)
        let want = try owner.execute(c.sql, [try tenantID(tenant)]).rows
        #expect(normalized(got, c) == normalized(want, c), "tenant \(tenant)", sourceLocation: sourceLocation)
        if !want.isEmpty, want != [["0"]] { nonEmpty += 1 }
    }
    #expect(nonEmpty >= 2, "the case returns nothing in most tenants", sourceLocation: sourceLocation)
}
