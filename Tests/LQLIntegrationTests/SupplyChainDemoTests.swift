import Foundation
import LQLTestSupport
import Testing

/// `lql demo --example supply-chain` without a terminal: its own private cluster, every report
/// of examples/supply-chain/reports run on the default tenant (acme); `start` prints the exports.
@Suite struct SupplyChainDemoTests {
    static var reports: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: SupplyChainCluster.directory + "/reports")) ?? [])
            .filter { $0.hasSuffix(".lql") }.sorted()
    }

    @Test func everyReportChecks() throws {
        #expect(Self.reports.count >= 4)
        let r = try runLQL(["check", "--schema", SupplyChainCluster.schemaPath]
                           + Self.reports.map { SupplyChainCluster.directory + "/reports/" + $0 })
        #expect(r.status == 0, "\(r.err)")
    }

    @Test func demoRunsEveryReportOnAcme() throws {
        let dir = NSTemporaryDirectory() + "lql-supply-demo-test-\(getpid())"
        defer {
            _ = try? runLQL(["demo", "stop", "--example", "supply-chain", "--dir", dir])
            try? FileManager.default.removeItem(atPath: dir)
        }
        let run = try runLQL(["demo", "--example", "supply-chain", "--dir", dir, "--format", "csv"])
        #expect(run.status == 0, "\(run.err)")
        for report in Self.reports { #expect(run.out.contains("== \(report)\n"), "missing \(report)") }
        // The open-orders report, as the superuser computes it on the same deterministic seed.
        let db = try SupplyChainCluster.shared()
        let want = try db.rows("""
            SELECT status, count(*), sum(total) FROM tenant_acme.orders
            WHERE status IN ('DRAFT', 'PENDING', 'CONFIRMED') GROUP BY status ORDER BY status
            """).map { "\($0[0]!),\($0[1]!),\($0[2]!)," }
        let section = run.out.components(separatedBy: "== open-orders-by-status.lql\n").last?
            .components(separatedBy: "\n\n").first?.split(separator: "\n").dropFirst().map { String($0) } ?? []
        #expect(section.map { $0.split(separator: ",").prefix(3).joined(separator: ",") + "," } == want)
        #expect(run.out.contains("AC-0"), "acme's skus")
        #expect(!run.out.contains("GL-0") && !run.out.contains("IN-0"), "no other tenant's skus")

        let start = try runLQL(["demo", "start", "--example", "supply-chain", "--dir", dir])
        #expect(start.status == 0, "\(start.err)")
        #expect(start.out.contains("export DEFAULT_TENANT_SLUG='acme'"))
        #expect(start.out.contains("supply-chain/schema.prisma"))
        #expect(start.out.contains("/supply_chain?"))
    }
}
