import Foundation
import LQLTestSupport
import Testing

/// A `--param` the report neither declares nor uses is an error (exit 1) with the close names,
/// never silently ignored while the report runs with its default (`--param tpo=3`).
@Suite struct UndeclaredParameterTests {
    let schema = ["--schema", "examples/leora/schema.prisma"]
    let report = "examples/reports/top-products-by-revenue.lql"

    @Test func misspelledParamExitsOneWithDidYouMean() throws {
        let r = try runLQL(["compile"] + schema + [report, "--param", "tpo=3"], environment: [:])
        #expect(r.status == 1, "stderr: \(r.err)")
        #expect(r.err.contains("tpo") && r.err.contains("did you mean `top`"), "stderr: \(r.err)")
        #expect(r.out.isEmpty)
    }

    @Test func declaredAndUsedParamsAreAccepted() throws {
        let r = try runLQL(["compile"] + schema + [report, "--param", "top=3"], environment: [:])
        #expect(r.status == 0, "stderr: \(r.err)")
        // Supplied and used without a declaration: still fine.
        let used = try runLQL(["compile"] + schema + ["-e", "Order | take $n", "--param", "n=4"], environment: [:])
        #expect(used.status == 0, "stderr: \(used.err)")
    }

    @Test func paramForAReportWithoutParametersSaysSo() throws {
        let r = try runLQL(["compile"] + schema + ["-e", "Order | count", "--param", "since=2025-01-01"], environment: [:])
        #expect(r.status == 1)
        #expect(r.err.contains("declares no parameters"), "stderr: \(r.err)")
    }
}
