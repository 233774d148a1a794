import Foundation
import LQLPostgres
import LQLTestSupport
import Testing

/// `lql run a.lql b.lql` runs the files in order; `application_name` names lql's sessions
/// (`lql run report.lql`, `lql repl`) in pg_stat_activity, with PGAPPNAME still winning.
@Suite(.serialized) struct RunManyAndApplicationNameTests {
    let schema = ["--schema", "examples/leora/schema.prisma"]

    func files(_ texts: [String: String]) throws -> String {
        let dir = NSTemporaryDirectory() + "lql-runmany-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in texts { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func severalFilesRunInOrderAndABrokenOneRunsNothing() throws {
        let db = try LeoraCluster.shared()
        let dir = try files(["a.lql": "Customer | count\n", "b.lql": "Order | count\n", "bad.lql": "Ordr | count\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let env = ["DATABASE_URL": db.readerURL]
        let r = try runLQL(["run"] + schema + ["--tenant", "well-crafted", "--format", "csv", dir + "/b.lql", dir + "/a.lql"], environment: env)
        #expect(r.status == 0, "\(r.err)")
        let customers = try db.scalar("SELECT count(*) FROM customers WHERE tenant_id = $1", [try db.tenantID("well-crafted")])
        let orders = try db.scalar("SELECT count(*) FROM orders WHERE tenant_id = $1", [try db.tenantID("well-crafted")])
        #expect(r.out == "count\n\(orders)\ncount\n\(customers)\n")
        let broken = try runLQL(["run"] + schema + ["--tenant", "well-crafted", dir + "/a.lql", dir + "/bad.lql"], environment: env)
        #expect(broken.status == 1)
        #expect(broken.out.isEmpty, "nothing ran: \(broken.out)")
        #expect(broken.err.contains("bad.lql:1:1"))
    }

    /// The run waits on a lock the test holds, so its session can be looked at.
    @Test func aRunIsNamedAfterItsReport() throws {
        let db = try LeoraCluster.shared()
        let dir = try files(["weekly-plans.lql": "CallPlan | count\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let locker = try Connection(db.ownerURL)
        try locker.execute("BEGIN")
        try locker.execute("LOCK TABLE call_plans IN ACCESS EXCLUSIVE MODE")
        let run = try startLQL(["run"] + schema + ["--tenant", "well-crafted", dir + "/weekly-plans.lql"],
                               environment: ["DATABASE_URL": db.readerURL])
        let observer = try Connection(db.ownerURL)
        var seen = "0"
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, seen == "0" {
            seen = try observer.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'lql run weekly-plans.lql' AND wait_event_type = 'Lock'").scalar ?? "0"
            if seen == "0" { usleep(20_000) }
        }
        try locker.execute("ROLLBACK")
        let outcome = run.wait()
        #expect(seen == "1")
        #expect(outcome.status == 0, "\(outcome.err)")
    }

    @Test func thePromptIsNamedLqlRepl() throws {
        let db = try LeoraCluster.shared()
        let locker = try Connection(db.ownerURL)
        try locker.execute("BEGIN")
        try locker.execute("LOCK TABLE call_plans IN ACCESS EXCLUSIVE MODE")
        let home = NSTemporaryDirectory() + "lql-appname-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let s = try TerminalSession([Repository.lqlBinary, "--schema", "examples/leora/schema.prisma", "--tenant", "well-crafted"],
                                    environment: ["PATH": "/usr/bin:/bin", "HOME": home, "TERM": "screen", "NO_COLOR": "1", "PAGER": "",
                                                  "DATABASE_URL": db.readerURL, "LQL_HISTORY": home + "/h"],
                                    width: 80, height: 24)
        defer { s.close() }
        try s.waitForFreshPrompt("well-crafted>")
        try s.type("CallPlan | count")
        try s.press("Enter")
        let observer = try Connection(db.ownerURL)
        var seen = "0"
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, seen == "0" {
            seen = try observer.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'lql repl' AND wait_event_type = 'Lock'").scalar ?? "0"
            if seen == "0" { usleep(20_000) }
        }
        try locker.execute("ROLLBACK")
        #expect(seen == "1")
        try s.waitFor("(1 row)")
    }

    /// Paths that share a last name part are headed by their paths; an explicit name wins; the
    /// csv header and the JSON keys are those names.
    @Test func pathColumnsAreNamedByTheirPathWhenTheyCollide() throws {
        let db = try LeoraCluster.shared()
        let query = "PriceListEntry | sort id | take 1 | select product.name, customer.name, name: tier, salesRep: customer.salesRep.fullName"
        let env = ["DATABASE_URL": db.readerURL]
        let csv = try runLQL(["run"] + schema + ["--tenant", "well-crafted", "--format", "csv", "-e", query], environment: env)
        #expect(csv.status == 0, "\(csv.err)")
        #expect(csv.out.hasPrefix("product.name,customer.name,name,salesRep\n"), "\(csv.out)")
        let json = try runLQL(["run"] + schema + ["--tenant", "well-crafted", "--format", "json", "-e", query], environment: env)
        let object = try #require((try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])?.first)
        #expect(Set(object.keys) == ["product.name", "customer.name", "name", "salesRep"])
        let single = try runLQL(["run"] + schema + ["--tenant", "well-crafted", "--format", "csv", "-e",
                                                    "Order | take 1 | select number, customer.name"], environment: env)
        #expect(single.out.hasPrefix("number,name\n"), "no collision: the last name part")
    }
}
