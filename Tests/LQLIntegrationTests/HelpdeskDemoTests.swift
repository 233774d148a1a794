import Foundation
import LQL
import LQLPostgres
import LQLTestSupport
import Testing

/// `lql demo --example helpdesk` without a terminal, from an empty directory: its own private
/// cluster, the example's lql.toml (not the working directory's), every report of
/// examples/helpdesk/reports run on northwind; `start` prints exports that `lql -e` then uses.
@Suite struct HelpdeskDemoTests {
    static var reports: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: HelpdeskFixture.directory + "/reports")) ?? [])
            .filter { $0.hasSuffix(".lql") }.sorted()
    }

    @Test func everyReportChecks() throws {
        #expect(Self.reports.count >= 3)
        let r = try runLQL(["check", "--config", HelpdeskFixture.configPath]
                           + Self.reports.map { HelpdeskFixture.directory + "/reports/" + $0 })
        #expect(r.status == 0, "\(r.err)")
    }

    @Test func demoRunsEveryReportOnNorthwind() throws {
        let dir = NSTemporaryDirectory() + "lql-helpdesk-demo-test-\(getpid())"
        let empty = dir + "-cwd"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer {
            _ = try? runLQL(["demo", "stop", "--example", "helpdesk", "--dir", dir])
            try? FileManager.default.removeItem(atPath: dir)
            try? FileManager.default.removeItem(atPath: empty)
        }
        let run = try runProcess(Repository.lqlBinary, ["demo", "--example", "helpdesk", "--dir", dir, "--format", "csv"],
                                 environment: lqlEnvironment(), directory: empty)
        #expect(run.status == 0, "\(run.err)")
        for report in Self.reports { #expect(run.out.contains("== \(report)\n"), "missing \(report)") }
        // The label report, as the superuser computes it for northwind on the same seed.
        let db = try HelpdeskCluster.shared()
        let want = try Connection(db.ownerURL).execute("""
            SELECT l.name, count(t.id) FILTER (WHERE t.status IN ('OPEN', 'PENDING')), count(t.id) FILTER (WHERE t.priority = 'URGENT')
            FROM labels l JOIN organizations o ON o.id = l.organization_id AND o.slug = 'northwind'
            LEFT JOIN "_LabelToTicket" lt ON lt."A" = l.id LEFT JOIN tickets t ON t.id = lt."B" AND t.organization_id = o.id
            GROUP BY l.name ORDER BY l.name
            """).rows.map { $0.map { $0 ?? "" }.joined(separator: ",") }
        let section = run.out.components(separatedBy: "== open-tickets-by-label.lql\n").last?
            .components(separatedBy: "\n\n").first?.split(separator: "\n").dropFirst().map(String.init) ?? []
        #expect(section == want)
        #expect(want.count == 5)

        let start = try runProcess(Repository.lqlBinary, ["demo", "start", "--example", "helpdesk", "--dir", dir],
                                   environment: lqlEnvironment(), directory: empty)
        #expect(start.status == 0, "\(start.err)")
        #expect(start.out.contains("export DEFAULT_TENANT_SLUG='northwind'"))
        #expect(start.out.contains("export LQL_CONFIG='") && start.out.contains("helpdesk/lql.toml'"))
        // The exports are all lql needs, in any directory.
        var env: [String: String] = [:]
        for line in start.out.split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
            env[String(pair[0])] = String(pair[1].dropFirst().dropLast())
        }
        let q = try runProcess(Repository.lqlBinary, ["-e", "Ticket | where any(labels where name == \"bug\") | count", "--format", "csv"],
                               environment: lqlEnvironment(env), directory: empty)
        #expect(q.status == 0, "\(q.err)")
        let bugs = try Connection(db.ownerURL).execute("""
            SELECT count(*) FROM tickets t JOIN organizations o ON o.id = t.organization_id AND o.slug = 'northwind'
            WHERE EXISTS (SELECT 1 FROM "_LabelToTicket" lt JOIN labels l ON l.id = lt."A" WHERE lt."B" = t.id AND l.name = 'bug' AND l.organization_id = o.id)
            """).scalar ?? ""
        #expect(q.out == "count\n\(bugs)\n")
    }
}
