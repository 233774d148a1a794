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
        #expect(run.output.contains("Time zone: the tenant's own (America/Los_Angeles)."), "\(run.output)")
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

/// A misspelled `\set` name (issue 13): `\set tpo 5` while `$top` is declared is an error with
/// the close name, never a value no query reads; the prompt survives it, a script stops at it.
@Suite(.serialized) struct ReplSetNameTests {
    static let declare = "param top: Int = 2\nCustomer | sort accountNumber | take $top | select accountNumber"

    @Test func aMisspelledSetNameStopsAScriptWithDidYouMean() throws {
        let run = try runScript("\(Self.declare)\n\\set tpo 5\nCustomer | count\n")
        #expect(run.status == 1, "\(run.errors)")
        #expect(run.errors.contains("no parameter `$tpo`") && run.errors.contains("did you mean `$top`?"), "\(run.errors)")
        #expect(!run.output.contains("count\n"), "nothing runs after the error: \(run.output)")
        let zone = try runScript("\\set timezon UTC\n")
        #expect(zone.status == 1 && zone.errors.contains("did you mean `timezone`?"), "\(zone.errors)")
    }

    @Test func thePromptSurvivesAndTheValueIsNotKept() throws {
        let run = try runSession(TypedLines("\(Self.declare)\n\\set tpo 5\n\\params\n\\set top 3\nCustomer | sort accountNumber | take $top | count"),
                                 interactive: true)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("did you mean `$top`?"), "\(run.errors)")
        #expect(!run.output.contains("$tpo") && run.output.contains("$top = (declared, no value set)"), "\(run.output)")
        #expect(run.output.hasSuffix("count\n3\n"), "the corrected name took: \(run.output)")
    }

    @Test func aNewNameFarFromEveryDeclaredOneIsKept() throws {
        let run = try runScript("\(Self.declare)\n\\set minimum 900\nInvoice | where total > $minimum | count\n")
        #expect(run.status == 0, "\(run.errors)")
    }
}
