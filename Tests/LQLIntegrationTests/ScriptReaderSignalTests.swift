import Foundation
import LQLTestSupport
import Testing

/// Issue 18 item 7, the script reader: a stdin script's `|` continuation lines are collected
/// in linear time, and SIGTERM while lql waits for the next line ends it at once with 143 and a
/// message that does not claim a query was cancelled (none ran).
@Suite(.serialized) struct ScriptReaderSignalTests {
    @Test func aLongContinuedStatementOnStdinRuns() throws {
        let db = try ScratchTenantDatabase(prefix: "lql_cont")
        defer { db.drop() }
        // 2,000 stages: the most one statement may have; each on its own `|` line.
        let script = "Note\n" + String(repeating: "| where true\n", count: 1_999) + "| count\n"
        let outcome = try runLQL(["--schema", db.schemaPath, "--format", "csv"], environment: db.environment(), stdin: Data(script.utf8))
        #expect(outcome.status == 0, "\(outcome.err)")
        #expect(outcome.out.split(separator: "\n").last == "30", "\(outcome.out)")
    }

    @Test func sigtermWhileTheScriptIsBeingReadExitsAtOnce() throws {
        let db = try ScratchTenantDatabase(prefix: "lql_rsig")
        defer { db.drop() }
        let application = "lql-reader-\(UUID().uuidString.prefix(8))"
        let fifo = db.directory + "/stdin"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opened read-write, the FIFO neither blocks here nor reaches end-of-file for lql:
        // the statement stays open, waiting for its next `|` line.
        let writer = open(fifo, O_RDWR)
        #expect(writer >= 0)
        defer { close(writer) }
        let lines = "Note\n" + String(repeating: "| where true\n", count: 500)
        _ = lines.withCString { write(writer, $0, strlen($0)) }
        let quoted = { (s: String) in "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let lql = try RunningProcess("/bin/sh", ["-c", "exec \(quoted(Repository.lqlBinary)) --schema \(quoted(db.schemaPath)) < \(quoted(fifo))"],
                                     environment: db.environment(["PGAPPNAME": application]), directory: db.directory)
        // Connected (the tenant was resolved, the handlers are installed) and reading its lines.
        let connected = try ScratchTenantDatabase.eventually { try db.sessions(application) == 1 }
        #expect(connected, "lql never connected")
        usleep(300_000)
        #expect(lql.isRunning, "lql ended before the signal: the statement should still be open")
        kill(lql.pid, SIGTERM)
        // A hang guard, not a timing assertion: a reader that ignores the signal would wait forever.
        let ended = ScratchTenantDatabase.eventually(seconds: 10) { !lql.isRunning }
        if !ended { kill(lql.pid, SIGKILL) }
        #expect(ended, "lql did not end after SIGTERM while reading its script")
        let outcome = lql.wait()
        #expect(!outcome.signaled, "lql died of the signal instead of handling it")
        #expect(outcome.status == 143, "\(outcome.err)")
        #expect(outcome.err.contains("SIGTERM"), "\(outcome.err)")
        #expect(outcome.err.contains("no query was running"), "\(outcome.err)")
        #expect(!outcome.err.contains("cancelled"), "\(outcome.err)")
        #expect(outcome.out.isEmpty, "the collected statement ran: \(outcome.out)")
    }
}
