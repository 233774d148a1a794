import Foundation
import LQLTestSupport
import Testing

/// Drives the real `lql` binary for the exit codes product.md documents (the ones that need
/// no server; 3 and 4 against a server are covered by the doctor and REPL suites).
@Suite struct CLIExitCodeTests {
    func lql(_ args: [String], env extra: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let r = try runLQL(args, environment: extra)
        return (r.status, r.out, r.err)
    }

    let schema = ["--schema", "examples/leora/schema.prisma"]

    @Test func compileSucceedsWithBinds() throws {
        let r = try lql(["compile"] + schema + ["-e", #"Customer | where name ~ "zq'x" | count"#])
        #expect(r.status == 0)
        #expect(r.out.contains("$2"))
        #expect(!r.out.contains("SELECT") || !r.out.components(separatedBy: "-- $").first!.contains("zq'x"))
    }

    @Test func typeErrorExitsOneWithRenderedDiagnostic() throws {
        let r = try lql(["compile"] + schema + ["-e", "Order | where totl > 3"])
        #expect(r.status == 1)
        #expect(r.err.contains("<command line>:1:15"))
        #expect(r.err.contains("total"))
    }

    @Test func sensitiveFieldIsRefused() throws {
        let r = try lql(["compile"] + schema + ["-e", "User | select email, hashedPassword"])
        #expect(r.status == 1)
    }

    @Test func usageErrorExitsTwo() throws {
        #expect(try lql(["run", "--bogus-flag"]).status == 2)
        #expect(try lql(["compile", "--schema", "/nonexistent/schema.prisma", "-e", "Order"]).status == 2)
    }

    @Test func blankTenantExitsFourBeforeConnecting() throws {
        let r = try lql(["-e", "Order | count"] + schema, env: ["LQL_TENANT": "  "])
        #expect(r.status == 4)
    }

    @Test func unreachableServerExitsThreeWithOneLine() throws {
        let r = try lql(["-e", "Order | count", "--tenant", "well-crafted"] + schema)
        #expect(r.status == 3)
        #expect(r.err.contains("cannot connect"))
        #expect(!r.err.contains("Fatal error"))
    }

    @Test func checkAcceptsEveryShippedReport() throws {
        let reports = try FileManager.default.contentsOfDirectory(atPath: Repository.root.path + "/examples/reports")
            .filter { $0.hasSuffix(".lql") }.map { "examples/reports/" + $0 }
        #expect(reports.count >= 8)
        let r = try lql(["check"] + schema + reports)
        #expect(r.status == 0, "\(r.err)")
    }

    @Test func invalidUTF8IsACleanError() throws {
        let path = NSTemporaryDirectory() + "lql-bad-\(getpid()).lql"
        try Data([0x4F, 0x72, 0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try lql(["check"] + schema + [path])
        #expect(r.status == 1)
    }
}
