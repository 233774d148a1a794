import Foundation
import LQLTestSupport
import Testing

/// Issue 18 item 7: SIGTERM and SIGHUP (timeout(1), cron, systemd, a closed terminal) during a
/// query are handled like Ctrl-C: the query is cancelled on the server, the temporary file beside
/// `-o` is removed, and lql exits 128 + the signal with a message. The query waits on a lock the
/// test holds; after lql is gone, with the lock still held, its session must be gone too (a
/// client that just died leaves its backend waiting on the lock).
@Suite(.serialized) struct TerminationSignalTests {
    enum Way: CustomStringConvertible {
        case runFile, expression, stdinScript
        var description: String { "\(self)" }
    }

    func check(_ signal: Int32, _ way: Way) throws {
        let db = try ScratchTenantDatabase(prefix: "lql_sig")
        defer { db.drop() }
        let application = "lql-signal-\(UUID().uuidString.prefix(8))"
        let output = db.directory + "/out.csv"
        let report = db.directory + "/count.lql"
        try "Note | count\n".write(toFile: report, atomically: true, encoding: .utf8)
        let common = ["--schema", db.schemaPath, "--format", "csv"]
        let (arguments, stdin): ([String], Data?) = switch way {
        case .runFile: (["run"] + common + ["-o", output, report], nil)
        case .expression: (common + ["-o", output, "-e", "Note | count"], nil)
        case .stdinScript: (["--schema", db.schemaPath], Data("Note | count\n".utf8))
        }
        let locker = try db.lockNotes()
        defer { _ = try? locker.execute("ROLLBACK") }
        let lql = try startLQL(arguments, environment: db.environment(["PGAPPNAME": application]), stdin: stdin)
        let waiting = try ScratchTenantDatabase.eventually { try db.sessions(application, waitingOnLock: true) == 1 }
        #expect(waiting, "the query never waited on the lock")
        kill(lql.pid, signal)
        let outcome = lql.wait()
        #expect(!outcome.signaled, "lql died of the signal instead of handling it")
        #expect(outcome.status == 128 + signal, "\(way): \(outcome.err)")
        #expect(outcome.err.contains(signal == SIGHUP ? "SIGHUP" : "SIGTERM"), "\(outcome.err)")
        #expect(outcome.err.contains("cancelled"), "\(outcome.err)")
        #expect(!outcome.err.contains("Fatal error"))
        // The lock is still held: only a cancelled query lets its session end now.
        let gone = try ScratchTenantDatabase.eventually(seconds: 10) { try db.sessions(application) == 0 }
        #expect(gone, "\(way): the query still runs on the server after lql exited")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(db.leftovers().isEmpty, "left behind: \(db.leftovers())")
    }

    @Test func sigtermDuringRunCancelsTheQueryAndLeavesNoFile() throws { try check(SIGTERM, .runFile) }
    @Test func sighupDuringRunCancelsTheQueryAndLeavesNoFile() throws { try check(SIGHUP, .runFile) }
    @Test func sigtermDuringDashECancelsTheQuery() throws { try check(SIGTERM, .expression) }
    @Test func sigtermDuringAStdinScriptCancelsTheQuery() throws { try check(SIGTERM, .stdinScript) }

    /// At the interactive prompt: SIGTERM while a query waits cancels it and ends the session;
    /// SIGHUP while the prompt waits for input ends it too (no query to cancel).
    @Test func signalsAtThePromptCancelAndEndTheSession() throws {
        let db = try ScratchTenantDatabase(prefix: "lql_sigp")
        defer { db.drop() }
        let application = "lql-prompt-\(UUID().uuidString.prefix(8))"
        let environment = ["PATH": "/usr/bin:/bin", "HOME": db.directory, "TERM": "screen", "NO_COLOR": "1", "PAGER": "",
                           "DATABASE_URL": db.readerURL, "LQL_HISTORY": db.directory + "/history", "PGAPPNAME": application,
                           "LQL_AUDIT_LOG": db.directory + "/audit.jsonl"]
        let command = [Repository.lqlBinary, "--schema", db.schemaPath, "--tenant", "alpha"]
        do {
            let locker = try db.lockNotes()
            defer { _ = try? locker.execute("ROLLBACK") }
            let s = try TerminalSession(command, environment: environment, width: 100, height: 30)
            defer { s.close() }
            try s.waitForFreshPrompt("alpha>")
            try s.type("Note | count")
            try s.press("Enter")
            #expect(try ScratchTenantDatabase.eventually { try db.sessions(application, waitingOnLock: true) == 1 })
            // The client's pid: the one tmux started (lql execs in place of the start script).
            let client = try #require(Self.pid(ofCommandContaining: db.schemaPath))
            kill(client, SIGTERM)
            _ = try s.waitFor("SIGTERM")
            #expect(try ScratchTenantDatabase.eventually(seconds: 10) { try s.exited() })
            #expect(try ScratchTenantDatabase.eventually(seconds: 10) { try db.sessions(application) == 0 },
                    "the prompt's query still runs after SIGTERM")
        }
        do {
            let s = try TerminalSession(command, environment: environment, width: 100, height: 30)
            defer { s.close() }
            try s.waitForFreshPrompt("alpha>")
            let client = try #require(Self.pid(ofCommandContaining: db.schemaPath))
            kill(client, SIGHUP)
            #expect(try ScratchTenantDatabase.eventually(seconds: 10) { try s.exited() })
            #expect(try ScratchTenantDatabase.eventually(seconds: 10) { try db.sessions(application) == 0 })
        }
    }

    /// The pid of the one process whose command line holds `text` (from /proc).
    static func pid(ofCommandContaining text: String) -> Int32? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        let matches = entries.compactMap(Int32.init).filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            let argv = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return argv.first?.hasSuffix("/lql") == true && argv.contains(text)
        }
        return matches.count == 1 ? matches[0] : nil
    }
}
