import Foundation
import LQLTestSupport
import Testing

/// The prompt in a real terminal (tmux): what it writes to the audit log (issue 18 item 10) and
/// the session time zone in its banner (issue 13).
@Suite(.serialized) struct AuditPromptTerminalTests {
    func startPrompt(_ log: AuditEveryPathTests.Log, extraArguments: [String] = [], extraEnvironment: [String: String] = [:]) throws -> TerminalSession {
        let db = try LeoraCluster.shared()
        var env = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "TERM": "screen", "LANG": "C.UTF-8", "NO_COLOR": "1", "PAGER": "",
            "LQL_HISTORY": log.directory + "/history",
        ].merging(log.environment(db)) { $1 }
        for (k, v) in extraEnvironment { env[k] = v }
        let session = try TerminalSession([Repository.lqlBinary, "--schema", "examples/leora/schema.prisma", "--tenant", "well-crafted"] + extraArguments,
                                          environment: env)
        try session.waitFor("well-crafted>")
        return session
    }

    @Test func aQueryTypedAtThePromptIsAuditedWithTheResolvedTenantAndNoValue() throws {
        let db = try LeoraCluster.shared()
        let log = try AuditEveryPathTests.Log()
        defer { try? FileManager.default.removeItem(atPath: log.directory) }
        let s = try startPrompt(log)
        defer { s.close() }
        let lines = AuditEveryPathTests.query.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        try s.type(lines[0])  // param who: String
        try s.press("Enter")
        try s.waitForFreshPrompt("well-crafted>")
        try s.type("\\set who \(AuditEveryPathTests.secret)")
        try s.press("Enter")
        try s.waitForFreshPrompt("well-crafted>")
        try s.type(lines.dropFirst().joined(separator: " "))
        try s.press("Enter")
        try s.waitFor("(1 row)")
        try s.waitForFreshPrompt("well-crafted>")
        try AuditEveryPathTests.expectOneRecord(try log.records(), origin: "prompt", db)
        #expect(try log.records().count == 1, "the definition and \\set ran nothing in the scope")
    }

    @Test func theBannerShowsTheSessionTimeZone() throws {
        let log = try AuditEveryPathTests.Log()
        defer { try? FileManager.default.removeItem(atPath: log.directory) }
        let named = try startPrompt(log, extraEnvironment: ["LQL_TIME_ZONE": "America/Los_Angeles"])
        let screen = try named.waitFor("time zone America/Los_Angeles")
        #expect(screen.contains("tenant well-crafted · time zone America/Los_Angeles"), "\(screen)")
        // The zone in the banner is the one the queries use: January 2025 by Los Angeles months.
        try named.type("Order | where status in [CONFIRMED, FULFILLED] and orderDate in @2025-01-01..@2025-02-01 | aggregate r: sum(total)")
        try named.press("Enter")
        try named.waitFor("37540.46")
        named.close()
        let tenant = try startPrompt(log, extraArguments: ["--time-zone", "tenant"])
        defer { tenant.close() }
        // `tenant`: the banner names the tenant's own zone, and \conninfo too.
        try tenant.waitFor("time zone the tenant's own (America/Los_Angeles) · \\help for help")
        try tenant.type("\\conninfo")
        try tenant.press("Enter")
        try tenant.waitFor("Time zone: the tenant's own (America/Los_Angeles).")
        let utc = try startPrompt(log)
        defer { utc.close() }
        let plain = try utc.waitForFreshPrompt("well-crafted>")
        #expect(plain.contains("tenant well-crafted ·") && !plain.contains("time zone"), "the server's zone is not announced: \(plain)")
    }
}
