import LQL
import Testing

/// Issue 18 item 8: a chain of `let`s shares its checked stages (16,000 one-stage `let`s took
/// 6.1 GB when each `let` held a copy of all stages before it), and one query compiles at most
/// `CheckLimits.maxInlinedStages` stages, with one E0232 at the `let` that crosses the limit.
/// Time and memory are measured by hand (see the commit), never asserted here.
struct LetChainLimitTests {
    static func chain(_ lets: Int) -> String {
        var text = "let l0 = Order | where total > 0\n"
        for i in 1..<lets { text += "let l\(i) = l\(i - 1) | where total > \(i)\n" }
        return text + "l\(lets - 1) | count\n"
    }

    @Test func aChainUpToTheLimitCompilesToOneStatement() throws {
        let lets = CheckLimits.maxInlinedStages - 1  // and the final `count`: exactly the limit
        let result = Fixtures.compile(Self.chain(lets))
        #expect(!result.hasErrors, "\(result.diagnostics.first.map(\.message) ?? "")")
        let statement = try #require(result.program?.statements.first)
        #expect(statement.sql.binds.count == lets + 1)
        #expect(statement.sql.text.contains("t.\"total\" > $\(lets + 1)::integer"))
    }

    @Test func aLongerChainStopsWithOneDiagnosticAtTheLetThatCrossesTheLimit() throws {
        let text = Self.chain(16_000)
        let result = Fixtures.compile(text)
        #expect(result.program == nil)
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.message))")
        let d = try #require(result.diagnostics.first)
        #expect(d.code == .queryTooLarge)
        #expect(d.code.code == "E0232")
        let limit = CheckLimits.maxInlinedStages
        let source = SourceFile(name: "test.lql", text: text)
        #expect(source.text(in: d.span) == "l\(limit - 1)")
        #expect(source.location(of: d.span.start).line == limit + 1)
        #expect(d.message.contains("\(limit + 1) stages"), "\(d.message)")
        #expect(!d.hints.isEmpty)
    }

    @Test func aLongPipelineWithoutLetsIsBoundedToo() throws {
        let limit = CheckLimits.maxInlinedStages
        let text = "Order" + String(repeating: " | where total > 1", count: limit + 1) + " | count\n"
        let result = Fixtures.compile(text)
        #expect(result.diagnostics.map(\.code) == [.queryTooLarge])
        #expect(result.diagnostics.first?.span.start == 0)
    }

    /// Sharing the prefix keeps what the stages before a `let` decide: `take … by` needs a sort
    /// that happened several `let`s earlier, and a `group` in between still cancels it.
    @Test func lookBackRulesSeeThroughTheChain() throws {
        let sorted = Fixtures.compile("let a = Order | sort total desc\nlet b = a | where total > 1\nlet c = b | where total > 2\nc | take 1 by customerId | count\n")
        #expect(!sorted.hasErrors, "\(sorted.diagnostics.map(\.message))")
        let grouped = Fixtures.compile("let a = Order | sort total desc\nlet b = a | group by customerId aggregate n: count()\nlet c = b | where n > 2\nc | take 1 by customerId\n")
        #expect(grouped.diagnostics.map(\.code) == [.takeByWithoutSort])
    }
}
