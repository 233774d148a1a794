import Testing
@testable import LQLRepl

/// A terminal stand-in: input arrives in bursts (one typed line, or a paste of several).
/// Within a burst the next line is already waiting; between bursts nothing is.
final class FakeTerminal: LineSource {
    enum Event { case burst([String]), interrupt, endOfInput }
    private var events: [Event]
    private var current: [String] = []
    private(set) var prompts: [PromptKind] = []
    private(set) var history: [String] = []
    private(set) var contexts: [String] = []

    init(_ events: [Event]) { self.events = events }

    func readLine(_ prompt: PromptKind) -> LineInput {
        prompts.append(prompt)
        if current.isEmpty {
            guard !events.isEmpty else { return .endOfInput }
            switch events.removeFirst() {
            case .burst(let lines): current = lines
            case .interrupt: return .interrupted
            case .endOfInput: return .endOfInput
            }
        }
        return .line(current.removeFirst())
    }

    var hasPendingInput: Bool { !current.isEmpty }
    func recordHistory(_ entry: String) { history.append(entry) }
    func setStatementContext(_ text: String) { contexts.append(text) }
}

func typed(_ lines: String...) -> [FakeTerminal.Event] { lines.map { .burst([$0]) } }

func entries(_ source: LineSource) -> [Entry] {
    let reader = EntryReader(source: source)
    var result: [Entry] = []
    while true {
        let entry = reader.next()
        result.append(entry)
        if entry == .endOfInput { return result }
    }
}

@Suite struct EntryReaderTests {
    @Test func aCompleteLineRunsOnEnter() {
        let terminal = FakeTerminal(typed("Order | count", "Customer | take 1"))
        #expect(entries(terminal) == [.statement("Order | count"), .statement("Customer | take 1"), .endOfInput])
        #expect(terminal.prompts == [.main, .main, .main])
    }

    @Test func continuesAfterPipeCommaOperatorAndInsideBrackets() {
        let terminal = FakeTerminal(typed(
            "Order |", "where status == PENDING and", "total > 100",
            "Customer | select name,", "tier",
            "Customer | select n: count(orders", "where status == PENDING)",
            "Invoice | where status in [OPEN,", "OVERDUE]",
            "Customer | where name ~ \"multi", "line\""))
        #expect(entries(terminal) == [
            .statement("Order |\nwhere status == PENDING and\ntotal > 100"),
            .statement("Customer | select name,\ntier"),
            .statement("Customer | select n: count(orders\nwhere status == PENDING)"),
            .statement("Invoice | where status in [OPEN,\nOVERDUE]"),
            .statement("Customer | where name ~ \"multi\nline\""),
            .endOfInput,
        ])
        #expect(terminal.prompts.prefix(4) == [.main, .continuation, .continuation, .main])
        #expect(terminal.contexts[1] == "Order |")
        #expect(terminal.contexts[2] == "Order |\nwhere status == PENDING and")
    }

    @Test func typedPipeLineAfterACompleteLineIsANewEntry() {
        // Typed (not pasted): `Order | count` runs on Enter; a `|` line after it is its own entry.
        let terminal = FakeTerminal(typed("Order | count", "| take 1"))
        #expect(entries(terminal) == [.statement("Order | count"), .statement("| take 1"), .endOfInput])
    }

    /// The safe Enter: a line that is only a model or `let` name waits for its `|` lines, typed one
    /// by one; the statement runs on an empty line or a `;`, never at the first Enter.
    @Test func aLeadingPipeQueryTypedLineByLineRunsOnAnEmptyLine() {
        let terminal = FakeTerminal(typed("Customer", "| where tier == VIP", "| count", "", "Order | count"))
        #expect(entries(terminal) == [.statement("Customer\n| where tier == VIP\n| count"), .statement("Order | count"), .endOfInput])
        #expect(terminal.prompts == [.main, .continuation, .continuation, .continuation, .main, .main])
    }

    @Test func aSemicolonRunsAnOpenStatement() {
        let terminal = FakeTerminal(typed("Customer", "| count;", "Order;", "let vip = Customer", "| where tier == VIP;"))
        #expect(entries(terminal) == [.statement("Customer\n| count;"), .statement("Order;"),
                                      .statement("let vip = Customer\n| where tier == VIP;"), .endOfInput])
    }

    @Test func anotherStatementEndsAnOpenOneAndStartsTheNextEntry() {
        let terminal = FakeTerminal(typed("vip", "| take 3", "-- a note", "Order | count"))
        #expect(entries(terminal) == [.statement("vip\n| take 3\n-- a note"), .statement("Order | count"), .endOfInput])
    }

    @Test func anOpenStatementContinuesAcrossAnUnfinishedLine() {
        let terminal = FakeTerminal(typed("Customer", "| where tier ==", "VIP", "| count", ""))
        #expect(entries(terminal) == [.statement("Customer\n| where tier ==\nVIP\n| count"), .endOfInput])
    }

    @Test func pastedMultiLineQueryRunsWhole() {
        let terminal = FakeTerminal([.burst([
            "Order",
            "| where status == PENDING and orderDate >= @2025-01-01",
            "| select number, customer.name, total, orderDate",
            "-- newest first",
            "",
            "| sort orderDate desc",
            "| take 20",
            "Customer | count",
            "  | where tier == VIP",
        ])])
        #expect(entries(terminal) == [
            .statement("Order\n| where status == PENDING and orderDate >= @2025-01-01\n| select number, customer.name, total, orderDate\n-- newest first\n\n| sort orderDate desc\n| take 20"),
            .statement("Customer | count\n  | where tier == VIP"),
            .endOfInput,
        ])
    }

    @Test func pasteLookaheadKeepsTheNextStatement() {
        let terminal = FakeTerminal([.burst(["Order | count", "", "-- next", "Customer | count"])])
        #expect(entries(terminal) == [.statement("Order | count"), .statement("Customer | count"), .endOfInput])
    }

    @Test func metaCommandsAreCompleteOnTheirOwnLine() {
        let terminal = FakeTerminal(typed("\\timing on", "  \\d Order  ", "Order |", "\\x", "count"))
        #expect(entries(terminal) == [
            .metaCommand("\\timing on"), .metaCommand("\\d Order"),
            .metaCommand("\\x"),                // runs; the statement stays pending
            .statement("Order |\ncount"),
            .endOfInput,
        ])
    }

    @Test func ctrlCDiscardsTheUnfinishedStatement() {
        let terminal = FakeTerminal([.burst(["Order |"]), .burst(["where status =="]), .interrupt, .burst(["Customer | count"])])
        #expect(entries(terminal) == [.interrupted, .statement("Customer | count"), .endOfInput])
        #expect(terminal.prompts == [.main, .continuation, .continuation, .main, .main])
    }

    @Test func endOfInputInsideAStatementHandsItOver() {
        let terminal = FakeTerminal(typed("Order |"))
        #expect(entries(terminal) == [.statement("Order |"), .endOfInput])
    }

    @Test func blankAndCommentLinesDoNotStartEntries() {
        let terminal = FakeTerminal(typed("", "   ", "-- a comment", "Order | count"))
        #expect(entries(terminal) == [.statement("Order | count"), .endOfInput])
        #expect(terminal.prompts == [.main, .main, .main, .main, .main])
    }

    @Test func historyGetsWholeStatements() {
        let terminal = FakeTerminal([.burst(["Order", "| take 5", ""]), .burst(["\\timing"]), .burst(["Customer |"]), .burst(["count"])])
        _ = entries(terminal)
        #expect(terminal.history == ["Order\n| take 5", "\\timing", "Customer |\ncount"])
    }

    @Test func scriptsFollowTheFileRules() {
        // In a script every next line is waiting: a `|` line continues, like in a .lql file.
        let script = ScriptedLineSource(text: """
            -- open orders
            Order
            | where status == PENDING
            | take 2
            \\set since 2025-01-01
            Invoice | where dueAt < $since
            Customer
              | count
            """)
        #expect(entries(script) == [
            .statement("Order\n| where status == PENDING\n| take 2"),
            .metaCommand("\\set since 2025-01-01"),
            .statement("Invoice | where dueAt < $since"),
            .statement("Customer\n  | count"),
            .endOfInput,
        ])
    }

    @Test func scriptedSourceReadsAPipe() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let text = "Order\r\n| count\nCustomer | take 1"  // CRLF and no final newline
        _ = text.utf8CString.withUnsafeBufferPointer { write(fds[1], $0.baseAddress, $0.count - 1) }
        close(fds[1])
        let source = ScriptedLineSource(fileDescriptor: fds[0])
        #expect(entries(source) == [.statement("Order\n| count"), .statement("Customer | take 1"), .endOfInput])
        #expect(source.lineNumber == 3)
        close(fds[0])
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Issue 18 item 7: collecting a long statement's lines is linear (each line lexed once), a
/// stop request ends the input at once, and one statement's size is capped.
@Suite struct EntryReaderLimitTests {
    @Test func twentyThousandContinuationLinesMakeOneStatement() {
        let lines = ["Customer"] + Array(repeating: "| where true", count: 20_000) + ["| count"]
        let reader = EntryReader(source: ScriptedLineSource(text: lines.joined(separator: "\n") + "\n"), scriptName: "<stdin>")
        #expect(reader.next() == .statement(lines.joined(separator: "\n")))
        #expect(reader.next() == .endOfInput)
    }

    @Test func longOpenExpressionsAndStringsStayOneStatement() {
        // Lines that each leave the statement incomplete (a trailing `and`, an open string).
        let lines = ["Customer | where true and"] + Array(repeating: "true and", count: 20_000) + ["name ~ \"a", "b\"", "Order | count"]
        let reader = EntryReader(source: ScriptedLineSource(text: lines.joined(separator: "\n") + "\n"), scriptName: "<stdin>")
        #expect(reader.next() == .statement(lines.dropLast().joined(separator: "\n")))
        #expect(reader.next() == .statement("Order | count"))
        #expect(reader.next() == .endOfInput)
    }

    @Test func aStopRequestEndsTheInputAndNothingPendingRuns() {
        var left = 100
        let reader = EntryReader(source: ScriptedLineSource(text: "Customer\n" + String(repeating: "| where true\n", count: 1_000)),
                                 scriptName: "<stdin>", shouldStop: { left -= 1; return left < 0 })
        #expect(reader.next() == .endOfInput)
    }

    @Test func endlessContinuationEndsAtTheSizeCap() {
        let reader = EntryReader(source: ScriptedLineSource(text: "Customer\n" + String(repeating: "| where true\n", count: 1_000)),
                                 scriptName: "<stdin>", statementSizeLimit: 1_000)
        #expect(reader.next() == .endOfInput)
        #expect(reader.statementTooLarge)
    }
}
