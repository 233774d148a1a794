import Foundation
import LQLPostgres
import LQLTestSupport
import Testing

/// The prompt in a real terminal: the built `lql` binary under tmux against the Leora cluster,
/// typed at with send-keys, read back with capture-pane.
@Suite(.serialized) struct PromptTerminalTests {
    /// A prompt session as an analyst would start it; `history` is the history file to use.
    func startPrompt(history: String? = nil, extraEnvironment: [String: String] = [:]) throws -> TerminalSession {
        let db = try LeoraCluster.shared()
        let home = NSTemporaryDirectory() + "lql-prompt-home-\(getpid())"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var env = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home, "TERM": "screen", "LANG": "C.UTF-8", "NO_COLOR": "1",
            "DATABASE_URL": db.readerURL,
            "LQL_HISTORY": history ?? home + "/history-\(UUID().uuidString)",
            "LQL_AUDIT_LOG": home + "/audit.jsonl", "PAGER": "",
        ]
        for (k, v) in extraEnvironment { env[k] = v }
        let session = try TerminalSession([Repository.lqlBinary, "--schema", "examples/leora/schema.prisma", "--tenant", "well-crafted"],
                                          environment: env)
        try session.waitFor("well-crafted>")
        return session
    }

    func count(_ sql: String, tenant: String = "well-crafted") throws -> String {
        let db = try LeoraCluster.shared()
        return try db.scalar(sql, [try db.tenantID(tenant)])
    }

    /// The last `count` value printed (`count` column, psql-style table).
    func lastCount(_ screen: String) -> String? {
        let lines = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let footer = lines.lastIndex(where: { $0 == "(1 row)" }), footer >= 1 else { return nil }
        return lines[footer - 1]
    }

    /// Types a query, presses Enter, and returns the count it printed.
    func run(_ s: TerminalSession, _ query: String, rows: Int) throws -> String? {
        try s.type(query)
        try s.press("Enter")
        _ = try s.waitFor("(1 row)", count: rows)
        // The next keys go to a prompt, not to the terminal's echo while lql is busy.
        return lastCount(try s.waitForFreshPrompt())
    }

    @Test func tabCompletesAModelAFieldAfterAPathAndAnEnumValue() throws {
        let s = try startPrompt()
        defer { s.close() }
        try s.type("Ord")
        try s.press("Tab")
        try s.waitFor("well-crafted> Order")
        try s.type(" | where customer.ti")
        try s.press("Tab")
        try s.waitFor("well-crafted> Order | where customer.tier")
        try s.type("== V")  // a unique completion ends with a space
        try s.press("Tab")
        try s.waitFor("customer.tier == VIP")
        try s.type(" | count")
        try s.press("Enter")
        let want = try count("SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.tenant_id = $1 AND c.tier = 'VIP'")
        #expect(lastCount(try s.waitFor("(1 row)")) == want)
    }

    @Test func aMultiLineQueryWaitsForItsEndThenRuns() throws {
        let s = try startPrompt()
        defer { s.close() }
        try s.type("Order |")
        try s.press("Enter")
        try s.waitFor("...>")
        try s.type("where status == PENDING |")
        try s.press("Enter")
        try s.waitFor("...>", count: 2)
        try s.type("count")
        try s.press("Enter")
        let want = try count("SELECT count(*) FROM orders WHERE tenant_id = $1 AND status = 'PENDING'")
        #expect(lastCount(try s.waitFor("(1 row)")) == want)
    }

    @Test func aPastedMultiLineQueryRunsWhole() throws {
        let s = try startPrompt()
        defer { s.close() }
        // A leading-pipe query waits for an empty line (the safe Enter), pasted or typed.
        try s.paste("Customer\n| where tier == VIP\n| count\n\n")
        let want = try count("SELECT count(*) FROM customers WHERE tenant_id = $1 AND tier = 'VIP'")
        let screen = try s.waitFor("(1 row)")
        #expect(lastCount(screen) == want)
        // One result: `Customer` alone did not run as a query of its own.
        #expect(!screen.contains("accountNumber"))
    }

    @Test func historyIsRecalledByASecondProcess() throws {
        let history = NSTemporaryDirectory() + "lql-prompt-history-\(UUID().uuidString)"
        defer { unlink(history) }
        let first = try startPrompt(history: history)
        _ = try run(first, "Customer | where tier == PREFERRED | count", rows: 1)
        try first.press("C-d")
        try first.waitUntil("the first lql to exit") { _ in (try? first.exited()) == true }
        first.close()
        let second = try startPrompt(history: history)
        defer { second.close() }
        try second.press("Up")
        try second.waitFor("well-crafted> Customer | where tier == PREFERRED | count")
    }

    /// Closing the terminal (tmux kill-server: SIGHUP to lql) keeps every entry, a multi-line one
    /// whole, and leaves no temporary file: the history is saved atomically after each entry.
    @Test func closingTheTerminalKeepsTheHistoryWhole() throws {
        let directory = NSTemporaryDirectory() + "lql-prompt-hup-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let history = directory + "/history"
        let s = try startPrompt(history: history)
        _ = try run(s, "Customer | where tier == VIP | count", rows: 1)
        try s.type("Order |")
        try s.press("Enter")
        try s.waitFor("...>")
        try s.type("where status == PENDING | count")
        try s.press("Enter")
        _ = try s.waitFor("(1 row)", count: 2)
        try s.waitForFreshPrompt("well-crafted>")
        s.close()
        let text = try String(contentsOfFile: history, encoding: .utf8)
        #expect(text.hasPrefix("#lql-history v1\n"), "\(text)")
        #expect(text.contains("Customer | where tier == VIP | count\n"))
        #expect(text.contains("Order |\\nwhere status == PENDING | count\n"), "the multi-line entry is one line, its break escaped")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["history"], "no temporary file left")
    }

    @Test func ctrlCCancelsARunningQueryAndTheNextQueryWorks() throws {
        let db = try LeoraCluster.shared()
        let app = "lql-prompt-\(UUID().uuidString.prefix(8))"
        let s = try startPrompt(extraEnvironment: ["PGAPPNAME": app])
        defer { s.close() }
        // The query waits on a lock the superuser holds: slow for as long as the test wants.
        let locker = try Connection(db.ownerURL)
        try locker.execute("BEGIN")
        try locker.execute("LOCK TABLE invoices IN ACCESS EXCLUSIVE MODE")
        try s.type("Invoice | count")
        try s.press("Enter")
        let observer = try Connection(db.ownerURL)
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, try observer.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'", [app]).scalar != "1" {
            usleep(20_000)
        }
        try s.press("C-c")
        let screen = try s.waitUntil("the cancel to be reported") { $0.localizedCaseInsensitiveContains("cancel") }
        #expect(!screen.contains("(1 row)"))
        try locker.execute("ROLLBACK")
        // The server is not still running the cancelled statement, and the session answers.
        #expect(try observer.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND state = 'active'", [app]).scalar == "0")
        let want = try count("SELECT count(*) FROM invoices WHERE tenant_id = $1")
        #expect(try run(s, "Invoice | count", rows: 1) == want)
    }

    @Test func ctrlCWhileEditingClearsTheLineAndCtrlDExits() throws {
        let s = try startPrompt()
        defer { s.close() }
        try s.type("Order | wher")
        try s.press("C-c")
        let want = try count("SELECT count(*) FROM customers WHERE tenant_id = $1")
        #expect(try run(s, "Customer | count", rows: 1) == want)
        #expect(try !s.exited())
        try s.press("C-d")
        try s.waitUntil("lql to exit on Ctrl-D") { _ in (try? s.exited()) == true }
    }

    @Test func tenantSwitchChangesTheResults() throws {
        let s = try startPrompt()
        defer { s.close() }
        let mine = try count("SELECT count(*) FROM orders WHERE tenant_id = $1")
        let theirs = try count("SELECT count(*) FROM orders WHERE tenant_id = $1", tenant: "harbor-wines")
        #expect(mine != theirs)
        #expect(try run(s, "Order | count", rows: 1) == mine)
        try s.type("\\tenant harbor-wines")
        try s.press("Enter")
        try s.waitFor("harbor-wines>")
        #expect(try run(s, "Order | count", rows: 2) == theirs)
    }

    @Test func aTerminatedBackendIsReportedAndTheNextQueryReconnects() throws {
        let db = try LeoraCluster.shared()
        let app = "lql-prompt-\(UUID().uuidString.prefix(8))"
        let s = try startPrompt(extraEnvironment: ["PGAPPNAME": app])
        defer { s.close() }
        let want = try count("SELECT count(*) FROM payments WHERE tenant_id = $1")
        #expect(try run(s, "Payment | count", rows: 1) == want)
        let killed = try Connection(db.ownerURL).execute(
            "SELECT count(*) FROM pg_stat_activity a, pg_terminate_backend(a.pid) WHERE a.application_name = $1", [app]).scalar
        #expect(killed == "1")
        try s.type("Payment | count")
        try s.press("Enter")
        // Either the lost connection is reported and the next query reconnects, or the session
        // notices before sending and reconnects at once; both end with the right answer.
        let screen = try s.waitUntil("a report or a result") {
            $0.components(separatedBy: "(1 row)").count - 1 >= 2 || $0.localizedCaseInsensitiveContains("connection")
        }
        if screen.components(separatedBy: "(1 row)").count - 1 < 2 {
            #expect(try run(s, "Payment | count", rows: 2) == want)
        } else {
            #expect(lastCount(screen) == want)
        }
        // The tenant scope is back: the new backend still sees only well-crafted's payments.
        #expect(try run(s, "Payment | count", rows: 3) == want)
    }

    /// A result taller than the terminal goes through PAGER (here a marking filter, so the test
    /// can see it); a short one is printed directly.
    @Test func aTallResultGoesThroughThePagerAShortOneDoesNot() throws {
        let s = try startPrompt(extraEnvironment: ["PAGER": "sed 's/^/PAGED:/'"])
        defer { s.close() }
        let want = try count("SELECT count(*) FROM customers WHERE tenant_id = $1")
        #expect(try run(s, "Customer | count", rows: 1) == want)
        #expect(try !s.screen().contains("PAGED:"))
        try s.type("Order | sort number | take 100 | select number")
        try s.press("Enter")
        try s.waitFor("PAGED:(100 rows)")
        // The whole result went through the pager, the held-back first screenful included.
        let first = try count("SELECT min(number) FROM orders WHERE tenant_id = $1")
        #expect(try s.screen(history: 400).contains("PAGED: " + first))
    }

    /// Names defined earlier in the session complete: a `let` at the start, a `$param` after `$`.
    @Test func letNamesAndParametersComplete() throws {
        let s = try startPrompt()
        defer { s.close() }
        try s.type("let bigSpenders = Customer | where count(orders) > 20")
        try s.press("Enter")
        try s.type("param minimumTotal: Decimal = 1000")
        try s.press("Enter")
        // A `let` line continues the entry until a statement ends it (here the `param`).
        try s.waitForFreshPrompt("well-crafted>")
        try s.type("bigSp")
        try s.press("Tab")
        try s.waitFor("well-crafted> bigSpenders")
        try s.type("| where any(orders where total > $mini")
        try s.press("Tab")
        try s.waitFor("total > $minimumTotal")
        try s.type(") | count")
        try s.press("Enter")
        let want = try count("""
            SELECT count(*) FROM customers c WHERE c.tenant_id = $1
              AND (SELECT count(*) FROM orders o WHERE o.tenant_id = $1 AND o.customer_id = c.id) > 20
              AND EXISTS (SELECT 1 FROM orders o WHERE o.tenant_id = $1 AND o.customer_id = c.id AND o.total > 1000)
            """)
        #expect(lastCount(try s.waitFor("(1 row)")) == want)
    }

    /// The meta-commands of product.md, each typed at the real prompt, each with its visible effect.
    @Test func metaCommandsAtTheRealPrompt() throws {
        let script = NSTemporaryDirectory() + "lql-prompt-include-\(UUID().uuidString).lql"
        try "Payment | count\n".write(toFile: script, atomically: true, encoding: .utf8)
        defer { unlink(script) }
        let s = try startPrompt()
        defer { s.close() }
        func meta(_ line: String, shows text: String) throws {
            try s.clear()  // so the expected text can only come from this command
            try s.type(line)
            try s.press("Enter")
            try s.waitFor(text)
        }
        try meta("\\d", shows: "OrderLine")
        try meta("\\d Invoice", shows: "balanceDue")
        try meta("\\conninfo", shows: "well-crafted")
        try meta("\\help", shows: "\\tenant")
        try meta("\\set minimum 900", shows: "well-crafted> \\set minimum 900\nwell-crafted>")
        try meta("\\params", shows: "minimum")
        try meta("Invoice | where total > $minimum | count", shows: "(1 row)")
        try meta("\\sql", shows: "\"invoices\"")
        try meta("\\explain", shows: "cost=")
        try meta("\\format csv", shows: "csv")
        let payments = try count("SELECT count(*) FROM payments WHERE tenant_id = $1")
        try meta("\\i " + script, shows: "count\n" + payments)
        try meta("\\format table", shows: "table")
        try meta("\\x", shows: "xpanded")
        try meta("Customer | take 1 | select name", shows: "-[ RECORD 1 ]")
        try s.type("\\q")
        try s.press("Enter")
        try s.waitUntil("lql to exit on \\q") { _ in (try? s.exited()) == true }
    }

    /// The rest of the prompt's items, in one session: stage keywords listed after `|`, a
    /// meta-command and a file name completed, `\timing`, and a query with an unset `$param`
    /// asking for its value.
    @Test func stageKeywordsMetaCommandsFilesTimingAndAnAskedParameter() throws {
        let script = NSTemporaryDirectory() + "lql-prompt-complete-\(UUID().uuidString).lql"
        try "Payment | count\n".write(toFile: script, atomically: true, encoding: .utf8)
        defer { unlink(script) }
        let s = try startPrompt()
        defer { s.close() }
        // Several stages start with `s`: Tab lists them (the line itself holds only `s`).
        try s.type("Order | s")
        try s.press("Tab")
        try s.waitUntil("select, skip and sort listed") { $0.contains("select") && $0.contains("skip") && $0.contains("sort") }
        try s.press("C-c")
        try s.waitForFreshPrompt("well-crafted>")
        try s.clear()
        try s.type("\\timi")
        try s.press("Tab")
        try s.waitFor("well-crafted> \\timing")
        try s.press("Enter")
        try s.waitFor("Timing is on.")
        try s.waitForFreshPrompt("well-crafted>")
        let payments = try count("SELECT count(*) FROM payments WHERE tenant_id = $1")
        try s.clear()
        try s.type("\\i " + String(script.dropLast(12)))
        try s.press("Tab")
        try s.waitFor(script)
        try s.press("Enter")
        let screen = try s.waitFor("Time:")
        #expect(lastCount(screen) == payments)
        try s.clear()
        try s.type("Invoice | where total > $floor | count")
        try s.press("Enter")
        try s.waitFor("value for $floor")
        try s.type("900")
        try s.press("Enter")
        let want = try count("SELECT count(*) FROM invoices WHERE tenant_id = $1 AND total > 900")
        #expect(lastCount(try s.waitFor("(1 row)")) == want)
    }
}
