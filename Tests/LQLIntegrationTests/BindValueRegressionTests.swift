import Foundation
import LQLTestSupport
import Testing

/// Issue 18 items 9 and 11 at the server: values lql folds or accepts must be values PostgreSQL
/// takes (a folded `-(-1)`, binds of a stage the compiler dropped), and values it cannot take
/// must stop in lql with E0222 and exit 1, never reach the server and exit 3.
@Suite struct BindValueRegressionTests {
    func lql(_ args: [String]) throws -> ProcessOutcome {
        let db = try LeoraCluster.shared()
        return try runLQL(args + ["--schema", "examples/leora/schema.prisma", "--tenant", "well-crafted", "--format", "csv"],
                          environment: ["DATABASE_URL": db.readerURL])
    }

    func ownerCount(_ whereClause: String) throws -> String {
        let db = try LeoraCluster.shared()
        return try db.scalar("SELECT count(*) FROM orders WHERE tenant_id = $1 AND " + whereClause, [try db.tenantID("well-crafted")])
    }

    @Test func aDoubleNegationFoldsToTheNumber() throws {
        let r = try lql(["-e", "Order | where total > -(-1) and total < -(-(-(-100000))) | count"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "count\n" + (try ownerCount("total > 1 AND total < 100000")) + "\n")
    }

    @Test func negationAtTheIntegerBoundsRuns() throws {
        let r = try lql(["-e", "Order | where total < -(-9223372036854775808) and total > -(-(-2147483648)) | count"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "count\n" + (try ownerCount("true")) + "\n")
    }

    /// A count drops the sort before it, and with it the sort's bind (`$2` went unused: 42P18).
    @Test func aDroppedSortLeavesNoBindBehind() throws {
        let r = try lql(["-e", "Order | sort total * 2 desc | count"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "count\n" + (try ownerCount("true")) + "\n")
        let kept = try lql(["-e", "Order | where total > 5 | sort total * 2 desc, orderDate - 3 days | where total > 10 | count"])
        #expect(kept.status == 0, "\(kept.err)")
        #expect(kept.out == "count\n" + (try ownerCount("total > 10")) + "\n")
    }

    /// The largest amount of each unit runs at the server; one more stops in lql (exit 1, E0222).
    @Test(arguments: [("178956970 years", "178956971 years"), ("2147483647 months", "2147483648 months"),
                      ("306783378 weeks", "306783379 weeks"), ("2147483647 days", "99999999999 days"),
                      ("2147483647 hours", "2147483648 hours"), ("2147483647 minutes", "2147483648 minutes"),
                      ("2147483647 seconds", "99999999999 years"), ("1.5 days", "178956970.5 years")])
    func durationParametersWithinPostgresRangeRunAndOthersExitOne(_ within: String, _ beyond: String) throws {
        let query = "param du: Duration\nOrder | where $du > 1 day | count"
        let ok = try lql(["-e", query, "--param", "du=" + within])
        #expect(ok.status == 0, "\(within): \(ok.err)")
        #expect(ok.out == "count\n" + (try ownerCount("true")) + "\n")
        let bad = try lql(["-e", query, "--param", "du=" + beyond])
        #expect(bad.status == 1, "\(beyond): \(bad.status) \(bad.err)")
        #expect(bad.err.contains("E0222") && bad.err.contains("du=" + beyond), "\(bad.err)")
    }

    /// Floats PostgreSQL takes run (a subnormal too); an underflow to zero, an overflow, a hex
    /// float (Swift reads `0x1p3` as 8, PostgreSQL refuses it), `inf` and `nan` stop in lql.
    @Test func floatParametersAreDecimalAndWithinRange() throws {
        let query = "param f: Float\nOrder | where total > $f | count"
        for within in ["1e-300", "4.9e-324", "-1.5E+10", ".5", "5.", "0", "0e-999"] {
            let r = try lql(["-e", query, "--param", "f=" + within])
            #expect(r.status == 0, "\(within): \(r.err)")
        }
        for beyond in ["1e-400", "-2e-500", "1e309", "0x1p3", "0x10", "inf", "nan", "1_000.5", "1e"] {
            let r = try lql(["-e", query, "--param", "f=" + beyond])
            #expect(r.status == 1, "\(beyond): \(r.status) \(r.err)")
            #expect(r.err.contains("E0222"), "\(beyond): \(r.err)")
        }
    }

    /// The same range in the source: a duration literal PostgreSQL cannot read is E0233 at its span.
    @Test func anOutOfRangeDurationLiteralIsACompileError() throws {
        let r = try lql(["-e", "Order | where 99999999999 years > 1 day | count"])
        #expect(r.status == 1, "\(r.err)")
        #expect(r.err.contains("E0233") && r.err.contains("99999999999 years"), "\(r.err)")
        let ok = try lql(["-e", "Order | where 178956970 years > 1 day | count"])
        #expect(ok.status == 0, "\(ok.err)")
    }

    /// Offsets beyond ±14:00 are refused as the grammar says (PostgreSQL would take +14:59).
    @Test func timestampOffsetsEndAtFourteenHours() throws {
        for within in ["+14:00", "-14:00", "+05:45", "-09:30"] {
            let r = try lql(["-e", "Order | where orderDate > @2025-01-01T00:00:00\(within) | count"])
            #expect(r.status == 0, "\(within): \(r.err)")
        }
        for beyond in ["+14:01", "-14:59", "+14:30"] {
            let r = try lql(["-e", "Order | where orderDate > @2025-01-01T00:00:00\(beyond) | count"])
            #expect(r.status == 1, "\(beyond): \(r.err)")
            #expect(r.err.contains("E0103") && r.err.contains("beyond ±14:00"), "\(r.err)")
        }
        let param = try lql(["-e", "param t: DateTime\nOrder | where orderDate > $t | count", "--param", "t=2025-01-01T00:00:00+14:15"])
        #expect(param.status == 1 && param.err.contains("E0222"), "\(param.err)")
    }
}
