import Foundation
import LQLPostgres
import LQLCluster
import LQLTestSupport
import Testing

/// Faults against the real `lql` binary on a Leora cluster of its own (stopped and restarted
/// here, so not the shared one): the backend killed mid-query, the server restarted fast and
/// immediate during and between runs, a statement timeout, Ctrl-C, and no server at start.
/// Each: exit status and message as product.md documents, `-o FILE` absent (never half
/// written, no temporary left beside it), and the next run correct.
///
/// "Mid-query" is made deterministic with a lock: the superuser holds ACCESS EXCLUSIVE on
/// `customers`, so lql's second statement waits (after the first has already streamed rows
/// into the output file's temporary) until the fault strikes.
@Suite(.serialized) struct ServerFaultTests {
    static let own: Result<LeoraCluster, any Error> = Result {
        let c = try LeoraCluster.makePrivate(prefix: "lql-faults-")
        atexit { if case .success(let c) = ServerFaultTests.own { c.destroy() } }
        return c
    }

    /// Rows stream from the first statement before the second blocks on the lock.
    static let twoStatements = """
        Product | select name | sort name | take 3
        Customer | select id
        """

    struct Setup {
        let leora: LeoraCluster
        let expected: [String: [String]]
        let directory: String
        var output: String { directory + "/report.csv" }
        let report: String

        init() throws {
            leora = try ServerFaultTests.own.get()
            try leora.cluster.start()  // a previous test may have left it stopped
            expected = try Fault.expectedIDs(leora)
            directory = NSTemporaryDirectory() + "lql-faults-out-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            report = directory + "/report.lql"
            try ServerFaultTests.twoStatements.write(toFile: report, atomically: true, encoding: .utf8)
        }

        func arguments(_ slug: String = "well-crafted", extra: [String] = []) -> [String] {
            ["run", report, "--format", "csv", "-o", output, "--tenant", slug, "--db", leora.readerURL] + Fault.schema + extra
        }

        /// The superuser's open transaction holding ACCESS EXCLUSIVE on customers.
        func lockCustomers() throws -> Connection {
            let blocker = try Connection(leora.ownerURL)
            try blocker.execute("BEGIN")
            try blocker.execute("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE")
            return blocker
        }

        /// Waits until lql's statement (tagged `/* lql qid=… */`) waits on the lock; its pid.
        func blockedBackend() throws -> Int32 {
            let owner = try Connection(leora.ownerURL)
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                let pid = try owner.execute("""
                    SELECT pid FROM pg_stat_activity
                    WHERE usename = 'lql_reader' AND wait_event_type = 'Lock' AND query LIKE '/* lql qid=%'
                    """).scalar
                if let pid, let n = Int32(pid) { return n }
                usleep(20_000)
            }
            throw ClusterSetupError("lql never reached the lock")
        }

        /// Nothing at `-o FILE`, and no temporary beside it.
        func expectNoOutput(sourceLocation: SourceLocation = #_sourceLocation) throws {
            let left = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0 != "report.lql" }
            #expect(left.isEmpty, "left behind: \(left)", sourceLocation: sourceLocation)
        }

        /// The next run after the fault is complete and correct.
        func expectNextRunCorrect(sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try runLQL(arguments("harbor-wines"))
            #expect(r.status == 0, "\(r.err)", sourceLocation: sourceLocation)
            let text = try String(contentsOfFile: output, encoding: .utf8)
            let ids = text.split(separator: "\n").map(String.init).filter { $0.count == 36 }.sorted()
            #expect(ids == expected["harbor-wines"], sourceLocation: sourceLocation)
            try FileManager.default.removeItem(atPath: output)
        }

        func restart(_ mode: String) throws {
            // pg_ctl restart = stop + start; LocalCluster.start keeps the server off our pipes.
            try ServiceUser.run(leora.cluster.binaries.pgCtl, ["-D", leora.cluster.dataDirectory, "-m", mode, "-w", "stop"])
            try leora.cluster.start()
        }

        func cleanUp() { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// One line of message, no Swift crash report.
    func expectOneLine(_ err: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = err.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count >= 1 && lines.count <= 3, "\(err)", sourceLocation: sourceLocation)
        #expect(lines.first?.hasPrefix("lql: ") == true, "\(err)", sourceLocation: sourceLocation)
        for crash in ["Fatal error", "Stack dump", "backtrace", "Crash", "0x0000"] {
            #expect(!err.contains(crash), "\(err)", sourceLocation: sourceLocation)
        }
    }

    @Test func backendTerminatedMidQuery() throws {
        let s = try Setup()
        defer { s.cleanUp() }
        let blocker = try s.lockCustomers()
        let lql = try startLQL(s.arguments())
        let pid = try s.blockedBackend()
        #expect(try Connection(s.leora.ownerURL).execute("SELECT pg_terminate_backend($1::int)", [String(pid)]).scalar == "t")
        let r = lql.wait()
        try blocker.execute("ROLLBACK")
        #expect(r.status == 3)
        #expect(r.err.contains("terminating connection due to administrator command"), "\(r.err)")
        expectOneLine(r.err)
        try s.expectNoOutput()
        try s.expectNextRunCorrect()
    }

    @Test func statementTimeout() throws {
        let s = try Setup()
        defer { s.cleanUp() }
        let blocker = try s.lockCustomers()
        let r = try runLQL(s.arguments(extra: ["--timeout", "0.3"]))
        try blocker.execute("ROLLBACK")
        #expect(r.status == 3)
        #expect(r.err.contains("canceling statement due to statement timeout"), "\(r.err)")
        #expect(r.err.contains("57014"))
        expectOneLine(r.err)
        try s.expectNoOutput()
        // The timeout was transaction-local: a run without it is not limited by it.
        try s.expectNextRunCorrect()
    }

    @Test(arguments: ["fast", "immediate"])
    func serverRestartedDuringARun(_ mode: String) throws {
        let s = try Setup()
        defer { s.cleanUp() }
        let blocker = try s.lockCustomers()
        let lql = try startLQL(s.arguments())
        _ = try s.blockedBackend()
        try s.restart(mode)
        let r = lql.wait()
        #expect(!blocker.isConnected || (try? blocker.execute("SELECT 1")) == nil, "the restart must have ended the blocker too")
        #expect(r.status == 3, "\(r.err)")
        expectOneLine(r.err)
        try s.expectNoOutput()
        try s.expectNextRunCorrect()
    }

    @Test(arguments: ["fast", "immediate"])
    func serverRestartedBetweenRuns(_ mode: String) throws {
        let s = try Setup()
        defer { s.cleanUp() }
        try s.expectNextRunCorrect()
        try s.restart(mode)
        try s.expectNextRunCorrect()
    }

    @Test func serverUnreachableAtStart() throws {
        let s = try Setup()
        defer { s.cleanUp() }
        try s.leora.cluster.stop()
        let r = try runLQL(s.arguments())
        try s.leora.cluster.start()
        #expect(r.status == 3)
        #expect(r.err.hasPrefix("lql: cannot connect"), "\(r.err)")
        #expect(r.err.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1, "\(r.err)")
        expectOneLine(r.err)
        #expect(r.out.isEmpty)
        try s.expectNoOutput()
        try s.expectNextRunCorrect()
    }

    @Test func interruptDuringARunCancelsOnTheServer() throws {
        let s = try Setup()
        defer { s.cleanUp() }
        let blocker = try s.lockCustomers()
        let lql = try startLQL(s.arguments())
        let pid = try s.blockedBackend()
        kill(lql.pid, SIGINT)
        let r = lql.wait()
        // The server stopped waiting for the lock: the query was cancelled, not orphaned.
        let owner = try Connection(s.leora.ownerURL)
        let deadline = Date().addingTimeInterval(10)
        var stillWaiting = true
        while stillWaiting, Date() < deadline {
            stillWaiting = try owner.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = $1::int AND wait_event_type = 'Lock'", [String(pid)]).scalar != "0"
            if stillWaiting { usleep(20_000) }
        }
        try blocker.execute("ROLLBACK")
        #expect(!stillWaiting, "the backend still waits for the lock after Ctrl-C")
        #expect(!r.signaled, "lql died of the signal instead of handling it: \(r.err)")
        #expect(r.status == 3, "\(r.err)")
        #expect(r.err.contains("cancel"), "\(r.err)")
        expectOneLine(r.err)
        try s.expectNoOutput()
        try s.expectNextRunCorrect()
    }
}
