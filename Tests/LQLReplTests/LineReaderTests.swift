import Testing
@testable import LQLRepl
#if canImport(Glibc)
import Glibc
#endif

/// LineReader without a terminal: construction over a full history file, and history kept
/// per statement and saved at once. Editing itself is checked in a real terminal (tmux).
@Suite struct LineReaderTests {
    @Test func startsQuicklyWithAFullHistoryAndSavesEachStatement() throws {
        let dir = try TemporaryDirectory()
        let file = HistoryFile(path: dir.path + "/history")
        let saved = (1...CommandHistory.defaultLimit).map { "Order\n| where total > \($0)\n| take 5" }
        try file.save(CommandHistory(entries: saved))

        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        let start = Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        let reader = try #require(LineReader(prompt: PromptStyle(label: "well-crafted", usesColor: false), historyFile: file))
        clock_gettime(CLOCK_MONOTONIC, &ts)
        let elapsed = (Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9 - start) * 1000
        print("LineReader with \(saved.count) history entries ready in \(Int(elapsed.rounded())) ms (debug build)")

        reader.recordHistory("Customer\n| count")
        reader.recordHistory("Customer\n| count")  // a repeat of the previous entry is not kept
        #expect(reader.historySaveError == nil)
        let entries = file.load().entries
        #expect(entries.count == CommandHistory.defaultLimit)
        #expect(entries.last == "Customer\n| count")
        #expect(entries[entries.count - 2] == saved.last)
        #expect(entries.first == saved[1])  // the oldest fell off
    }

    @Test func aFailedSaveIsReportedNotFatal() throws {
        let reader = try #require(LineReader(prompt: PromptStyle(label: "t", usesColor: false),
                                             historyFile: HistoryFile(path: "/nonexistent-dir-for-lql/history")))
        reader.recordHistory("Order | count")
        #expect(reader.historySaveError != nil)
    }
}
