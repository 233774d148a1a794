import Foundation
import LQLPostgres
import LQLTestSupport
import Testing

/// Results in a real terminal (tmux) at 80×24 and 200×50: fitted tables, nested shapes,
/// `\x auto`, `\show`, charts and the progress line. Each screen is saved to
/// .build/test-artifacts/captures/ (docs/output.md quotes them).
@Suite(.serialized) struct OutputTerminalTests {
    static let wideQuery = "Customer | select id, accountNumber, name, tier, status, email, phone, city, state, createdAt, rep: salesRep.fullName | take 3"
    static let nestedQuery = "Customer | select name, tier, recent: orders { number, total } | sort name | take 2"

    func startPrompt(width: Int, height: Int, extraEnvironment: [String: String] = [:]) throws -> TerminalSession {
        let db = try LeoraCluster.shared()
        let home = NSTemporaryDirectory() + "lql-output-home-\(getpid())"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var env = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home, "TERM": "screen", "LANG": "C.UTF-8", "NO_COLOR": "1",
            "DATABASE_URL": db.readerURL, "LQL_HISTORY": home + "/history-\(UUID().uuidString)",
            "LQL_AUDIT_LOG": home + "/audit.jsonl", "PAGER": "",
        ]
        for (k, v) in extraEnvironment { env[k] = v }
        let session = try TerminalSession([Repository.lqlBinary, "--schema", "examples/leora/schema.prisma", "--tenant", "well-crafted"],
                                          environment: env, width: width, height: height)
        try session.waitFor("well-crafted>")
        return session
    }

    /// Clears the screen, types `line`, waits for `until` and a fresh prompt; the screen.
    func enter(_ s: TerminalSession, _ line: String, until: String) throws -> String {
        try s.clear()
        try s.type(line)
        try s.press("Enter")
        _ = try s.waitFor(until)
        return try s.waitForFreshPrompt()
    }

    func save(_ name: String, _ screen: String) throws {
        let directory = Repository.path(".build/test-artifacts/captures")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try screen.write(toFile: directory + "/" + name + ".txt", atomically: true, encoding: .utf8)
    }

    static func widest(_ screen: String) -> Int {
        screen.split(separator: "\n").map { line in
            line.unicodeScalars.reduce(0) { w, s in
                let v = s.value
                if (0x300..<0x370).contains(v) { return w }
                return w + ((0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v) || (0xFF00...0xFF60).contains(v) ? 2 : 1)
            }
        }.max() ?? 0
    }

    @Test(arguments: [(80, 24), (200, 50)])
    func wideTablesFitTheTerminal(width: Int, height: Int) throws {
        let s = try startPrompt(width: width, height: height)
        defer { s.close() }
        let screen = try enter(s, Self.wideQuery, until: "(3 rows")
        try save("wide-table-\(width)", screen)
        #expect(Self.widest(screen) <= width)
        // Every row is one screen line: three data lines between the rule and the footer.
        let lines = screen.split(separator: "\n").map(String.init)
        let rule = try #require(lines.firstIndex { $0.hasPrefix("---") })
        #expect(lines[rule + 4].hasPrefix("(3 rows"))
        if width == 80 {
            #expect(screen.contains("(3 rows, 11 columns, "))
            #expect(screen.contains(" shown — \\x to see all)"))
        } else {
            #expect(screen.contains("(3 rows)\n"))
            #expect(screen.contains("…"))  // cut, but every column is there
        }
    }

    @Test(arguments: [(80, 24), (200, 50)])
    func nestedShapesShowAsSummariesThenTrees(width: Int, height: Int) throws {
        let s = try startPrompt(width: width, height: height)
        defer { s.close() }
        let table = try enter(s, Self.nestedQuery, until: "(2 rows)")
        try save("nested-\(width)", table)
        #expect(table.range(of: #"\[\d+ × \{number, total\}\]"#, options: .regularExpression) != nil)
        #expect(!table.contains("\"number\""))
        let shown = try enter(s, "\\show 1", until: "-[ ROW 1 of 2 ]-")
        try save("show-\(width)", shown)
        #expect(shown.contains("recent: ["))
        #expect(shown.contains("   1. number: WC-") || shown.contains("  1. number: WC-"))
        #expect(shown.contains("     total: "))
        #expect(Self.widest(table) <= width)
    }

    @Test func xAutoExpandsOnlyWhatIsTooWide() throws {
        let s = try startPrompt(width: 80, height: 24)
        defer { s.close() }
        _ = try enter(s, "\\x auto", until: "Expanded display is used automatically.")
        let wide = try enter(s, "Customer | select id, accountNumber, name, tier, status, email, phone, city, state, createdAt | take 1", until: "-[ RECORD 1 ]")
        try save("x-auto-80", wide)
        #expect(wide.contains("email         | "))
        let narrow = try enter(s, "Customer | select name, tier | sort name | take 2", until: "(2 rows)")
        #expect(narrow.contains(" name ") && !narrow.contains("RECORD"))
    }

    @Test(arguments: [(80, 24), (200, 50)])
    func chartsDrawnWithBlocks(width: Int, height: Int) throws {
        let s = try startPrompt(width: width, height: height)
        defer { s.close() }
        let bars = try enter(s, "Customer | group by tier aggregate customers: count() | sort customers desc | chart bar", until: "(3 rows)")
        try save("chart-bar-\(width)", bars)
        #expect(bars.contains("█"))
        #expect(Self.widest(bars) <= width)
        let line = try enter(s, "\\chart line", until: "└")
        try save("chart-line-\(width)", line)
        #expect(line.contains("┤"))
        #expect(Self.widest(line) <= width)
        let bad = try enter(s, "\\chart line y: tier", until: "not a number")
        #expect(bad.contains("`tier` is not a number to chart"))
    }

    @Test func progressShowsWhileAQueryWaitsAndIsClearedForTheResult() throws {
        let db = try LeoraCluster.shared()
        let s = try startPrompt(width: 80, height: 24)
        defer { s.close() }
        let locker = try Connection(db.ownerURL)
        try locker.execute("BEGIN")
        try locker.execute("LOCK TABLE activities IN ACCESS EXCLUSIVE MODE")
        try s.clear()
        try s.type("Activity | count")
        try s.press("Enter")
        let waiting = try s.waitFor("Ctrl-C cancels", seconds: 10)
        try save("progress-80", waiting)
        #expect(waiting.range(of: #"\d+ ms · 0 rows received · Ctrl-C cancels|[\d.]+ s · 0 rows received · Ctrl-C cancels"#, options: .regularExpression) != nil)
        try locker.execute("ROLLBACK")
        _ = try s.waitFor("(1 row)")
        let done = try s.waitForFreshPrompt()
        #expect(!done.contains("Ctrl-C cancels"))
    }
}
