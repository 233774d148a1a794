import Testing
@testable import LQLRepl
import LQLTestSupport

/// `\set timezone` changes the zone the session's next queries read dates in; `\conninfo`
/// shows it; `\unset timezone` goes back to the server's UTC.
@Suite(.serialized) struct ReplTimeZoneTests {
    static let january = "Order | where status in [CONFIRMED, FULFILLED] and orderDate in @2025-01-01..@2025-02-01 | aggregate r: sum(total)"

    @Test func setTimezoneTenantThenUnset() throws {
        let run = try runScript("""
            \(Self.january)
            \\set timezone tenant
            \(Self.january)
            \\conninfo
            \\unset timezone
            \(Self.january)
            \\set timezone America/Los_Angeles
            \(Self.january)
            """)
        #expect(run.status == 0, "\(run.errors)")
        let sums = run.output.split(separator: "\n").filter { $0.first?.isNumber == true }
        #expect(sums == ["40661.30", "37540.46", "40661.30", "37540.46"], "\(run.output)")
        #expect(run.output.contains("Time zone: the tenant's own."), "\(run.output)")
    }

    @Test func unknownZoneIsAnErrorForTheNextQuery() throws {
        let run = try runScript("""
            \\set timezone Mars/Olympus
            Order | count
            """)
        #expect(run.status != 0)
        #expect(run.errors.contains("unknown time zone"), "\(run.errors)")
    }
}
