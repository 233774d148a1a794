import LQL
import Testing

/// A plain derived column is copied into every use, so `derive b: a + a` chains grow
/// exponentially (30 of them never finished compiling). One derived column may become at most
/// `CheckLimits.maxInlinedExpressionSize` nodes: E0232 at the one that crosses it, and nothing
/// more for the stages that build on it.
struct DeriveChainLimitTests {
    /// `d0: total + 1` weighs 3; each doubling `dN: dM + dM` weighs 2w + 1.
    static func chain(_ steps: Int) -> String {
        var text = "Order | derive d0: total + 1"
        for i in 1...steps { text += " | derive d\(i): d\(i - 1) + d\(i - 1)" }
        return text + " | select d\(steps)\n"
    }

    @Test func aChainUnderTheLimitCompiles() throws {
        let result = Fixtures.compile(Self.chain(11))  // d11 weighs 8191
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
        #expect(try #require(result.program?.statements.first).sql.text.contains("t.\"total\" + $2::integer"))
    }

    @Test func aDoublingChainStopsWithOneDiagnostic() throws {
        let text = Self.chain(60)
        let result = Fixtures.compile(text)
        #expect(result.program == nil)
        #expect(result.diagnostics.map(\.code) == [.queryTooLarge], "\(result.diagnostics.map(\.message))")
        let d = try #require(result.diagnostics.first)
        #expect(SourceFile(name: "t", text: text).text(in: d.span) == "d11 + d11")
        #expect(d.message.contains("16383 terms"), "\(d.message)")
        #expect(d.hints.contains { $0.contains("select") })
    }

    /// After a `select` the columns are read, not copied: the same chain compiles.
    @Test func selectingFirstResetsTheWeight() {
        var text = "Order | derive d0: total + 1"
        for i in 1...40 {
            text += " | derive d\(i): d\(i - 1) + d\(i - 1)"
            if i % 8 == 0 { text += " | select d\(i)" }
        }
        let result = Fixtures.compile(text + "\n")
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
    }
}
