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
}
