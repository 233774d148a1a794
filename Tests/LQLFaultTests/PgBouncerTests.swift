import Foundation
import LQLPostgres
import LQLTestSupport
import Testing

/// lql through Debian's PgBouncer in transaction mode with ONE server connection per pool, so
/// every lql transaction and the probe share one backend: whatever a run left in the session
/// (a tenant setting, a named prepared statement, an open transaction) the probe would see.
@Suite struct PgBouncerTests {
    static let runs = 30

    @Test func transactionModeLeavesNothingBehindInTheSharedBackend() throws {
        let leora = try LeoraCluster.shared()
        let bouncer = try PgBouncer(in: leora.cluster, poolMode: "transaction", poolSize: 1)
        defer { bouncer.stop() }
        let url = bouncer.url(user: "lql_reader")
        let expected = try Fault.expectedIDs(leora)
        #expect(Set(expected.values.map(\.count)).count == 3, "the tenants must differ in size for the check to bite")

        let probe = try Connection(url)
        var backends = Set<String>()
        for i in 0..<PgBouncerTests.runs {
            let slug = LeoraCluster.tenants[i % 3]
            let r = try Fault.runIDs(url, tenant: slug)
            #expect(r.status == 0, "run \(i) (\(slug)): \(r.err)")
            #expect(Fault.csvValues(r.out) == expected[slug], "run \(i) (\(slug)) differs from the superuser's rows")

            let after = try probe.execute("""
                SELECT current_setting('app.current_tenant_id', true), pg_backend_pid(),
                       (SELECT count(*) FROM customers), (SELECT count(*) FROM pg_prepared_statements),
                       current_setting('transaction_read_only'), current_setting('statement_timeout')
                """)
            let row = try #require(after.rows.first)
            // NULL in a fresh backend, '' once a transaction set it locally: never a tenant id.
            #expect(row[0] == nil || row[0] == "", "after run \(i) the session still holds tenant \(row[0] ?? "")")
            backends.insert(row[1] ?? "")
            #expect(row[2] == "0", "with no tenant set, RLS must show the probe no customer")
            #expect(row[3] == "0", "lql must not leave named prepared statements")
            #expect(row[4] == "off")
            #expect(row[5] == "0")
        }
        // Pool size 1: lql and the probe really shared one server backend throughout.
        #expect(backends.count == 1, "backends seen: \(backends.sorted())")
        // Through the pooler lql's results equal the direct connection's too.
        let direct = try Fault.runIDs(leora.readerURL, tenant: "harbor-wines")
        #expect(Fault.csvValues(direct.out) == expected["harbor-wines"])

        // The probe can fail: a session-level set_config (what lql never does) leaks through
        // the pooler to the next client, and the probe sees it.
        let leaker = try Connection(url)
        let tenant = try leora.tenantID("north-cellars")
        try leaker.execute("SELECT set_config('app.current_tenant_id', $1, false)", [tenant])
        #expect(try probe.execute("SELECT current_setting('app.current_tenant_id', true)").scalar == tenant)
        #expect(try probe.execute("SELECT count(*) FROM customers").scalar == String(expected["north-cellars"]!.count))
    }

    @Test func pooledRunsUseOnlyUnnamedStatements() throws {
        // A second named statement of the same name on a shared backend is what breaks
        // PgBouncer 1.18's transaction mode; lql's full path (tenant lookup, scope, statement,
        // COMMIT) must leave pg_prepared_statements empty and succeed back to back.
        let leora = try LeoraCluster.shared()
        let bouncer = try PgBouncer(in: leora.cluster, poolMode: "transaction", poolSize: 1)
        defer { bouncer.stop() }
        let report = Repository.path("examples/reports/open-orders-by-rep.lql")
        var outputs: [String] = []
        for _ in 0..<3 {
            let r = try runLQL(["run", report, "--format", "csv", "--tenant", "well-crafted", "--db", bouncer.url(user: "lql_reader")] + Fault.schema)
            #expect(r.status == 0, "\(r.err)")
            outputs.append(r.out)
        }
        #expect(Set(outputs).count == 1)
        let direct = try runLQL(["run", report, "--format", "csv", "--tenant", "well-crafted", "--db", leora.readerURL] + Fault.schema)
        #expect(outputs.first == direct.out)
        #expect(try Connection(bouncer.url(user: "lql_reader")).execute("SELECT count(*) FROM pg_prepared_statements").scalar == "0")
    }
}
