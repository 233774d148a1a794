import Foundation
import LQLPostgres
import LQLTestSupport
import Testing

/// Issue 14 in a real terminal, each at 80×24 and 200×50: the safe Enter and the safe pager,
/// paging by screen lines, late wide rows, `\timing` with the pager open, tenants, `\e`,
/// `\watch`, `\o`/`\g`, parameter prompts, the banner and psql's words.
@Suite(.serialized) struct PromptHabitsTerminalTests {
    struct Size: Sendable, CustomStringConvertible {
        let width: Int, height: Int
        var description: String { "\(width)x\(height)" }
    }
    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 50)]

    /// A scratch directory: lql's working directory, home, and where markers would appear.
    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "lql-habits-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// lql at a terminal of `size`, in `directory`. `pager: nil` leaves PAGER unset (lql's
    /// default `less`); `tenant: nil` starts without one.
    func start(_ size: Size, in directory: String, pager: String? = "", tenant: String? = "well-crafted",
               environment extra: [String: String] = [:], prompt: String? = "well-crafted>") throws -> TerminalSession {
        let db = try LeoraCluster.shared()
        var env = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": directory, "TERM": "screen", "LANG": "C.UTF-8", "NO_COLOR": "1",
            "DATABASE_URL": db.readerURL, "LQL_HISTORY": directory + "/history", "LQL_AUDIT_LOG": directory + "/audit.jsonl",
        ]
        if let pager { env["PAGER"] = pager }
        for (k, v) in extra { env[k] = v }
        var argv = [Repository.lqlBinary, "--schema", Repository.root.path + "/examples/leora/schema.prisma"]
        if let tenant { argv += ["--tenant", tenant] }
        let s = try TerminalSession(argv, environment: env, width: size.width, height: size.height, directory: directory)
        if let prompt { try s.waitForFreshPrompt(prompt) }
        return s
    }

    func scalar(_ sql: String, tenant: String = "well-crafted") throws -> String {
        let db = try LeoraCluster.shared()
        return try db.scalar(sql, [try db.tenantID(tenant)])
    }

    func enter(_ s: TerminalSession, _ line: String) throws {
        try s.type(line)
        try s.press("Enter")
    }

    /// Quits less (a key typed before less reads the terminal can be lost: press again).
    func quitPager(_ s: TerminalSession, prompt: String = "well-crafted>") throws {
        for attempt in 1...5 {
            try s.press("q")
            do {
                try s.waitForFreshPrompt(prompt, seconds: attempt == 5 ? 15 : 2)
                return
            } catch {}
        }
    }

    // MARK: 1. The safe Enter and the safe pager

    /// The misfire of the issue, typed slowly line by line with the default pager (less): the
    /// first line alone must not run, and no typed text may reach a shell — not through the
    /// statement's lines, and not through less's `!` and `|` while a result is paging. Each line
    /// holds a marker command that would create a file if a shell ever ran it.
    @Test(arguments: sizes) func aLeadingPipeQueryTypedSlowlyNeverReachesAShell(size: Size) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try start(size, in: dir, pager: nil)
        defer { s.close() }
        try enter(s, "Order")
        try s.waitFor("...>")
        try enter(s, "| where number != \"$(touch m1)\" and number != \"`touch m2`\"")
        try s.waitFor("...>", count: 2)
        try enter(s, "| select number, total")
        try s.waitFor("...>", count: 3)
        #expect(try !s.screen().contains("rows)"), "nothing ran before the empty line")
        try s.press("Enter")
        // The result is taller than the screen: less shows its first page.
        try s.waitUntil("less to show the result") { $0.contains("number") && $0.contains("-+-") }
        // less's shell escape and pipe: with LESSSECURE=1 they are refused.
        try s.type("!touch m3")
        try s.press("Enter")
        try s.type("|.touch m4")
        try s.press("Enter")
        try s.type("v")
        try quitPager(s)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("m") }
        #expect(left.isEmpty, "a shell ran typed text: \(left)")
        // The prompt still answers.
        try enter(s, "Customer | count")
        try s.waitFor("(1 row)")
    }

    /// A result of a few rows whose lines wrap at the terminal's width needs more screen lines
    /// than the terminal has: it pages, though it has far fewer line breaks than screen rows.
    @Test(arguments: sizes) func aResultThatWrapsPastTheScreenPages(size: Size) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Tables at a terminal are fitted to it and never wrap (issue 15); LQL_COLUMNS makes this one
        // as wide as it would be unfitted, so its lines wrap.
        let s = try start(size, in: dir, pager: "sed s/^/PAGED:/", environment: ["LQL_COLUMNS": "100000"])
        defer { s.close() }
        // Each row about five screen lines wide; rows + 4 line breaks in all.
        let rows = size.width == 80 ? 5 : 9
        let repeats = size.width == 80 ? 10 : 27
        let wide = Array(repeating: "id", count: repeats).joined(separator: " + ")
        try enter(s, "Customer | sort name | take \(rows) | select name, wide: \(wide)")
        let screen = try s.waitFor("(\(rows) rows)")
        #expect(screen.contains("PAGED:"), "went through the pager")
        try s.waitForFreshPrompt("well-crafted>")
        // A short, narrow result does not.
        try s.clear()
        try enter(s, "Customer | sort name | take 2 | select name")
        let short = try s.waitFor("(2 rows)")
        #expect(!short.contains("PAGED:"))
    }

    /// Rows after the first 1,000 (which fixed the widths) that are wider are cut with `…`:
    /// every row's separators stay in the same columns.
    @Test(arguments: sizes) func lateWideRowsAreCutNotShifted(size: Size) throws {
        let total = Int(try scalar("SELECT count(*) FROM order_lines WHERE tenant_id = $1")) ?? 0
        let narrow = Int(try scalar("SELECT count(*) FROM order_lines WHERE tenant_id = $1 AND quantity < 10")) ?? 0
        try #require(total > 1000 && narrow >= 1000, "needs 1,000 narrow rows before wider ones (\(narrow) of \(total))")
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try start(size, in: dir)
        defer { s.close() }
        // The first 1,000 quantities have one digit (and the heading `q` one letter); later ones two.
        try enter(s, "OrderLine | sort quantity, id | select q: quantity, unitPrice")
        let screen = try s.waitFor("(\(total) rows)", seconds: 30)
        let rows = screen.split(separator: "\n").filter { $0.contains(" | ") }
        let columns = Set(rows.map { line in line.distance(from: line.startIndex, to: line.firstIndex(of: "|")!) })
        #expect(columns.count == 1, "separators moved: \(rows.suffix(5))")
        #expect(rows.contains { $0.contains("…") }, "a late wide value is cut: \(rows.suffix(3))")
    }

    /// `\timing` counts the server and lql, not the seconds the user spends reading in less.
    @Test(arguments: sizes) func timingLeavesOutThePager(size: Size) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try start(size, in: dir, pager: nil)
        defer { s.close() }
        try enter(s, "\\timing on")
        try s.waitFor("Timing is on.")
        try s.waitForFreshPrompt("well-crafted>")
        try enter(s, "Order | select number, total")
        try s.waitUntil("less to show the result") { $0.contains("-+-") && !$0.contains("rows)") }
        let readingStarted = Date()
        // The scenario itself: the user reads for two seconds (not a synchronisation).
        usleep(2_000_000)
        try quitPager(s)
        let read = Date().timeIntervalSince(readingStarted) * 1000
        let screen = try s.waitFor("Time: ")
        let line = screen.split(separator: "\n").last { $0.hasPrefix("Time: ") }!
        let ms = Double(line.dropFirst(6).split(separator: " ")[0])!
        #expect(ms < read - 1000, "\\timing said \(ms) ms after \(read) ms in the pager")
        print("timing with the pager open (\(size)): \\timing \(ms) ms, \(Int(read)) ms in the pager")
    }

    /// Meta-command output pages too: `\help` is taller than 24 lines at 80 columns.
    @Test func helpPagesAndFitsEightyColumns() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try start(Size(width: 80, height: 24), in: dir, pager: "sed s/^/PAGED:/")
        defer { s.close() }
        try enter(s, "\\help")
        let screen = try s.waitFor("quits.")
        #expect(screen.contains("PAGED:"))
        try s.waitForFreshPrompt("well-crafted>")
    }

    // MARK: 2. A first screen

    @Test(arguments: sizes) func bannerHelpQuitAndTheSQLHint(size: Size) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try start(size, in: dir)
        defer { s.close() }
        let first = try s.screen()
        #expect(first.contains("lql 0.1.0 · database "), "\(first)")
        #expect(first.contains("tenant well-crafted · \\help for help, \\q quits"))
        try s.clear()
        try enter(s, "\\help where")
        try s.waitFor("keeps the rows where it is true")
        try s.waitForFreshPrompt("well-crafted>")
        try enter(s, "select name from Customer")
        try s.waitFor("LQL is a pipeline, not SQL")
        try s.waitForFreshPrompt("well-crafted>")
        try enter(s, "help")
        try s.waitFor("Meta-commands:")
        try s.waitForFreshPrompt("well-crafted>")
        try enter(s, "quit")
        try s.waitUntil("lql to quit") { _ in (try? s.exited()) == true }
    }

    @Test func quietHasNoBanner() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = try LeoraCluster.shared()
        let s = try TerminalSession([Repository.lqlBinary, "-q", "--schema", Repository.root.path + "/examples/leora/schema.prisma",
                                     "--tenant", "well-crafted"],
                                    environment: ["PATH": "/usr/bin:/bin", "HOME": dir, "TERM": "screen", "NO_COLOR": "1", "PAGER": "",
                                                  "DATABASE_URL": db.readerURL, "LQL_HISTORY": dir + "/h"],
                                    width: 80, height: 24, directory: dir)
        defer { s.close() }
        let screen = try s.waitForFreshPrompt("well-crafted>")
        #expect(!screen.contains("lql 0.1.0"))
    }

    // MARK: 3. Tenants

    @Test(arguments: sizes) func tenantsListsSlugAndNameAndTabCompletesASlug(size: Size) throws {
        let db = try LeoraCluster.shared()
        let names = try Connection(db.ownerURL).execute("SELECT slug, name FROM tenants ORDER BY slug").rows
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try start(size, in: dir)
        defer { s.close() }
        try enter(s, "\\tenants")
        let screen = try s.waitFor("(\(names.count) rows)")
        for row in names {
            #expect(screen.contains(row[0]!) && screen.contains(row[1]!), "\(row)")
        }
        try s.waitForFreshPrompt("well-crafted>")
        try s.clear()
        try enter(s, "\\tenants HARB")
        let filtered = try s.waitFor("(1 row)")
        #expect(filtered.contains("harbor-wines") && !filtered.contains("north-cellars"))
        try s.waitForFreshPrompt("well-crafted>")
        try s.type("\\tenant harb")
        try s.press("Tab")
        try s.waitFor("\\tenant harbor-wines")
        try s.press("Enter")
        try s.waitForFreshPrompt("harbor-wines>")
    }

    /// Without a tenant the prompt opens; `\d` and `\help` work, a query asks for a tenant, and
    /// `\tenant` picks one. A mistyped `--tenant` gets "did you mean".
    @Test(arguments: sizes) func theNoTenantStateAndDidYouMeanAtStart(size: Size) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try start(size, in: dir, tenant: "harbr", prompt: "(no tenant)>")
        defer { s.close() }
        #expect(try s.screen().contains("did you mean `harbor-wines`"))
        try enter(s, "\\d Customer")
        try s.waitFor("accountNumber")
        try s.waitForFreshPrompt("(no tenant)>")
        try enter(s, "Customer | count")
        try s.waitFor("pick one with \\tenant SLUG")
        try s.waitForFreshPrompt("(no tenant)>")
        try enter(s, "\\tenant north-cellars")
        try s.waitForFreshPrompt("north-cellars>")
        let want = try scalar("SELECT count(*) FROM customers WHERE tenant_id = $1", tenant: "north-cellars")
        try enter(s, "Customer | count")
        let screen = try s.waitFor("(1 row)")
        #expect(screen.contains(" \(want)\n") || screen.contains(" \(want)"))
    }

    // MARK: 4. psql habits

    /// `\e` with a scripted editor: it gets the last query in a file, writes another, and the
    /// saved text runs.
    @Test(arguments: sizes) func editRunsTheSavedQuery(size: Size) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let editor = dir + "/editor.sh"
        try "#!/bin/sh\ncp \"$1\" \"\(dir)/seen.lql\"\nprintf 'Customer | where tier == VIP | count\\n' > \"$1\"\n"
            .write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)
        let s = try start(size, in: dir, environment: ["EDITOR": editor])
        defer { s.close() }
        try enter(s, "Order | count")
        try s.waitFor("(1 row)")
        try s.waitForFreshPrompt("well-crafted>")
        try enter(s, "\\e")
        let want = try scalar("SELECT count(*) FROM customers WHERE tenant_id = $1 AND tier = 'VIP'")
        let screen = try s.waitFor("(1 row)", count: 2)
        #expect(screen.contains("Customer | where tier == VIP | count"))
        #expect(screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.contains(want))
        #expect(try String(contentsOfFile: dir + "/seen.lql", encoding: .utf8) == "Order | count\n")
    }

    @Test(arguments: sizes) func watchRepeatsUntilCtrlC(size: Size) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try start(size, in: dir)
        defer { s.close() }
        try enter(s, "Customer | count")
        try s.waitFor("(1 row)")
        try s.waitForFreshPrompt("well-crafted>")
        try enter(s, "\\watch 0.2")
        try s.waitFor("every 0.2 s, Ctrl-C stops", count: 3)
        try s.press("C-c")
        try s.waitForFreshPrompt("well-crafted>")
        let stopped = try s.screen().components(separatedBy: "every 0.2 s").count
        try s.clear()
        try enter(s, "Order | count")
        try s.waitFor("(1 row)")
        #expect(try !s.screen().contains("every 0.2 s"), "no run after Ctrl-C (\(stopped))")
    }

    @Test(arguments: sizes) func outputAndGoWriteFiles(size: Size) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try start(size, in: dir)
        defer { s.close() }
        try enter(s, "\\format csv")
        try s.waitForFreshPrompt("well-crafted>")
        try enter(s, "\\o vip.csv")
        try s.waitForFreshPrompt("well-crafted>")
        try enter(s, "Customer | sort name | take 5 | select name, vip: tier == VIP")
        try s.waitForFreshPrompt("well-crafted>")
        #expect(!FileManager.default.fileExists(atPath: dir + "/vip.csv"), "the file appears when \\o ends")
        try enter(s, "\\o")
        try s.waitFor("wrote vip.csv")
        let csv = try String(contentsOfFile: dir + "/vip.csv", encoding: .utf8)
        #expect(csv.hasPrefix("name,vip\n"))
        #expect(csv.split(separator: "\n").count == 6, "\(csv)")
        #expect(csv.contains(",true\n") || csv.contains(",false\n"), "booleans print as true/false: \(csv)")
        try enter(s, "\\g vip.json")
        try s.waitFor("wrote vip.json (json)")
        let json = try String(contentsOfFile: dir + "/vip.json", encoding: .utf8)
        #expect(json.hasPrefix("["))
    }

    // MARK: 5. Parameters

    @Test(arguments: sizes) func aParameterIsCheckedAsTypedAndAskedAgain(size: Size) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = try start(size, in: dir)
        defer { s.close() }
        try enter(s, "param st: OrderStatus")
        try s.waitForFreshPrompt("well-crafted>")
        try enter(s, "Order | where status == $st | count")
        try s.waitFor("value for $st (OrderStatus):")
        try enter(s, "PENDNG")
        try s.waitFor("did you mean `PENDING`")
        try s.waitFor("value for $st (OrderStatus):", count: 2)
        try enter(s, "PENDING")
        let screen = try s.waitFor("(1 row)")
        let want = try scalar("SELECT count(*) FROM orders WHERE tenant_id = $1 AND status = 'PENDING'")
        #expect(screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.contains(want))
        try s.waitForFreshPrompt("well-crafted>")
        try enter(s, "\\params")
        try s.waitFor("$st = 'PENDING'")
    }
}
