import Foundation
import Testing

/// Drives the real `lql` binary for the exit codes product.md documents (the ones that need
/// no server; 3 and 4 against a server are covered by the doctor and REPL suites).
@Suite struct CLIExitCodeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("lql").path
    }

    func lql(_ args: [String], env extra: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["DATABASE_URL"] = "postgresql:///nothing?host=/nonexistent-lql-socket-dir"
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "LQL_TENANT")
        env.removeValue(forKey: "DEFAULT_TENANT_SLUG")
        for (k, v) in extra { env[k] = v }
        p.environment = env
        p.currentDirectoryURL = Self.root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
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
        let reports = try FileManager.default.contentsOfDirectory(atPath: Self.root.path + "/examples/reports")
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
