import Testing
@testable import LQLRepl
#if canImport(Glibc)
import Glibc
#endif

@Suite struct HistoryTests {
    @Test func noBlanksNoRepeatsAndALimit() {
        var history = CommandHistory(limit: 3)
        var added: [Bool] = []
        for entry in ["Order | count", "Order | count", "  \n ", "Customer | count", "Order | count", "Invoice | count"] {
            added.append(history.add(entry))
        }
        // Repeats only of the previous entry are dropped; the oldest goes past the limit.
        #expect(added == [true, false, false, true, true, true])
        #expect(history.entries == ["Customer | count", "Order | count", "Invoice | count"])
    }

    @Test func multiLineEntriesRoundTrip() throws {
        let dir = try TemporaryDirectory()
        let file = HistoryFile(path: dir.path + "/history")
        let entries = [
            "Order\n| where status == PENDING\n| take 5",
            "Customer | where name ~ \"back\\\\slash\\n\"",   // backslashes and a literal `\n` in a string
            "\\set since 2025-01-01",
            "Order | where number == \"WC-1\"\r\n| count",
            "Kund | where name ~ \"Müller – café\"",
        ]
        try file.save(CommandHistory(entries: entries))
        #expect(file.load().entries == entries)
        // One line per entry on disk, after the header.
        let lines = dir.read("history")!.split(separator: "\n")
        #expect(lines.count == entries.count + 1)
        #expect(lines.first == "#lql-history v1")
    }

    @Test func saveReplacesAtomicallyAndPrivately() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/history"
        try dir.write("history", "old junk that is not in the format\n")
        let file = HistoryFile(path: path)
        #expect(file.load().entries == ["old junk that is not in the format"])  // foreign files read line by line
        try file.save(CommandHistory(entries: ["Order | count"]))
        #expect(dir.entries() == ["history"])  // no temporary file left behind
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(file.load().entries == ["Order | count"])
    }

    @Test func saveFailureIsAnErrorNotACrash() throws {
        let file = HistoryFile(path: "/nonexistent-dir-for-lql/history")
        #expect(throws: HistoryFileError.self) { try file.save(CommandHistory(entries: ["x"])) }
        #expect(file.load().entries == [])
    }

    @Test func limitAppliesOnLoad() throws {
        let dir = try TemporaryDirectory()
        let file = HistoryFile(path: dir.path + "/history")
        try file.save(CommandHistory(entries: (1...50).map { "Order | take \($0)" }))
        #expect(file.load(limit: 10).entries == (41...50).map { "Order | take \($0)" })
    }

    @Test func pathFromEnvironment() {
        #expect(HistoryFile.defaultPath(environment: ["LQL_HISTORY": "/tmp/h", "HOME": "/home/a"]) == "/tmp/h")
        #expect(HistoryFile.defaultPath(environment: ["LQL_HISTORY": "", "HOME": "/home/a"]) == "/home/a/.lql_history")
        #expect(HistoryFile.defaultPath(environment: [:]) == nil)
    }
}
