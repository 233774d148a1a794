import Foundation
import LQLPostgres
import LQLTestSupport
import Testing

/// A primary and a hot standby made with `pg_basebackup -R`, reached with one multi-host URL
/// and `target_session_attrs=prefer-standby`: lql's read-only, repeatable-read tenant
/// transaction runs on the standby, and keeps answering correctly while the primary is down.
@Suite struct StandbyTests {
    @Test func readsKeepWorkingOnTheStandbyWhileThePrimaryIsStopped() throws {
        let primary = try LeoraCluster.makePrivate(prefix: "lql-primary-")
        defer { primary.destroy() }
        let standby = try HotStandby(of: primary.cluster)
        defer { standby.destroy() }
        let expected = try Fault.expectedIDs(primary)

        let standbyOwner = try Connection(standby.cluster.url(user: "postgres"))
        #expect(try standbyOwner.execute("SELECT pg_is_in_recovery()").scalar == "t")
        // The base backup holds the seeded data: the standby answers like the primary.
        #expect(try standbyOwner.execute("SELECT count(*) FROM customers").scalar
                == String(expected.values.map(\.count).reduce(0, +)))

        let hosts = [primary.cluster.socketDirectory, standby.cluster.socketDirectory].joined(separator: ",")
        let url = "postgresql:///postgres?host=\(hosts)&port=\(primary.cluster.port),\(standby.cluster.port)"
            + "&user=lql_reader&target_session_attrs=prefer-standby&connect_timeout=5"
        // prefer-standby really picks the standby while both are up.
        #expect(try Connection(url).execute("SELECT pg_is_in_recovery()").scalar == "t")

        for slug in LeoraCluster.tenants {
            let r = try Fault.runIDs(url, tenant: slug)
            #expect(r.status == 0, "\(slug) with both servers up: \(r.err)")
            #expect(Fault.csvValues(r.out) == expected[slug])
        }

        try primary.cluster.stop()
        // The primary is really gone: a session that insists on it cannot be had.
        let readWrite = url.replacingOccurrences(of: "prefer-standby", with: "read-write")
        let refused = try Fault.runIDs(readWrite, tenant: "well-crafted")
        #expect(refused.status == 3, "\(refused.err)")

        for round in 0..<2 {
            for slug in LeoraCluster.tenants {
                let r = try Fault.runIDs(url, tenant: slug)
                #expect(r.status == 0, "\(slug), primary stopped, round \(round): \(r.err)")
                #expect(Fault.csvValues(r.out) == expected[slug])
            }
        }
        // A saved report with nested shapes and aggregates, too.
        let report = try runLQL(["run", Repository.path("examples/reports/rep-scorecard.lql"), "--format", "csv",
                                 "--tenant", "harbor-wines", "--db", url] + Fault.schema)
        #expect(report.status == 0, "\(report.err)")
        #expect(report.out.split(separator: "\n").count > 1)
    }
}
