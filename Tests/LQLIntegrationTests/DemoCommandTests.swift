import Foundation
import LQLTestSupport
import Testing

/// `lql demo` as `make demo` runs it without a terminal: a private cluster in a fresh directory,
/// the Leora example loaded, every saved report run; then `start` prints the exports and `stop`
/// stops the server.
@Suite struct DemoCommandTests {
    @Test func demoWithoutTerminalRunsEveryReport() throws {
        let cli = CLIExitCodeTests()
        let dir = NSTemporaryDirectory() + "lql-demo-test-\(getpid())"
        defer {
            _ = try? cli.lql(["demo", "stop", "--dir", dir])
            try? FileManager.default.removeItem(atPath: dir)
        }
        let run = try cli.lql(["demo", "--dir", dir])
        #expect(run.status == 0, "\(run.err)")
        let reports = try FileManager.default.contentsOfDirectory(atPath: Repository.root.path + "/examples/reports")
            .filter { $0.hasSuffix(".lql") }
        for report in reports { #expect(run.out.contains("== \(report)"), "missing \(report)") }
        #expect(run.out.contains("WC-00042"))

        let start = try cli.lql(["demo", "start", "--dir", dir])
        #expect(start.status == 0)
        #expect(start.out.contains("export DATABASE_URL="))
        #expect(start.out.contains("user=lql_reader"))
        #expect(start.out.contains("export DEFAULT_TENANT_SLUG='well-crafted'"))
        #expect(try cli.lql(["demo", "stop", "--dir", dir]).status == 0)
    }
}
