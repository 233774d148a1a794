import LQL
import Testing

/// Issue 18 item 8, the duplicated half: a `let` that appends (or tests with `in`) the `let`
/// before it twice compiles that `let`'s stages twice, so the work doubles at each step (30
/// such `let`s ran past 30 s and 5.5 GB in `lql check`). The 2,000-stage cap counts every
/// inlined copy across the statement's query tree, and the `let` whose `append`/`in` crosses it
/// gets the one E0232. Time and memory are measured by hand (see the commit), never asserted.
struct LetAppendLimitTests {
    /// `construct` is `append` (`let lk = lj | append lj`) or `in` (`let lk = lj | where name in lj`).
    static func doubling(_ lets: Int, _ construct: String) -> String {
        var text = "let l0 = Customer | select name\n"
        for i in 1..<lets {
            let step = construct == "append" ? "append l\(i - 1)" : "where name in l\(i - 1)"
            text += "let l\(i) = l\(i - 1) | \(step)\n"
        }
        return text + "l\(lets - 1) | count\n"
    }

    /// l_k inlines 2^(k+1) - 1 stages: l9 is 1,023, so l10 (its own `append` plus l9 twice,
    /// 2,047) is the first over 2,000; the span is the appended `l9`.
    @Test(arguments: ["append", "in"])
    func thirtyDoublingLetsStopWithOneDiagnosticAtTheLetThatCrossesTheLimit(_ construct: String) throws {
        let text = Self.doubling(30, construct)
        let result = Fixtures.compile(text)
        #expect(result.program == nil)
        #expect(result.diagnostics.count == 1, "\(construct): \(result.diagnostics.map(\.message))")
        let d = try #require(result.diagnostics.first)
        #expect(d.code.code == "E0232")
        let source = SourceFile(name: "test.lql", text: text)
        #expect(source.text(in: d.span) == "l9")
        #expect(source.location(of: d.span.start).line == 11)  // `let l10 = l9 | … l9`
        #expect(d.message.contains("2047 stages"), "\(d.message)")
        #expect(d.hints.contains { $0.contains("append") })
    }

    @Test(arguments: ["append", "in"])
    func aFewDoublingLetsStillCompile(_ construct: String) throws {
        let result = Fixtures.compile(Self.doubling(5, construct))
        #expect(!result.hasErrors, "\(construct): \(result.diagnostics.map(\.message))")
        #expect(result.program?.statements.count == 1)
    }

    /// Queries that each stay under the limit still add up: a statement's own stages after an
    /// `append` that brought in most of the budget cross it at the stage that does.
    @Test func ownStagesAfterALargeAppendCountToo() throws {
        var text = "let big = Customer | select name" + String(repeating: " | where name != \"x\"", count: 1_500) + "\n"
        text += "Customer | select name | append big" + String(repeating: " | where name != \"y\"", count: 600) + " | count\n"
        let result = Fixtures.compile(text)
        #expect(result.diagnostics.map(\.code.code) == ["E0232"], "\(result.diagnostics.map(\.message))")
        let under = Fixtures.compile("let big = Customer | select name" + String(repeating: " | where name != \"x\"", count: 1_500)
                                     + "\nCustomer | select name | append big | count\n")
        #expect(!under.hasErrors, "\(under.diagnostics.map(\.message))")
    }

    /// A derived `name in l9` is written at every use of the column, so doubling derives of it
    /// copy l9's 1,023 stages: the derived-column weight counts them (E0232 at the derive that
    /// crosses 10,000), while one use still compiles.
    @Test func aDerivedInQueryCountsTheStagesItCopies() throws {
        let lets = (0...9).map { i in i == 0 ? "let l0 = Customer | select name\n" : "let l\(i) = l\(i - 1) | append l\(i - 1)\n" }.joined()
        var query = "Customer | derive a0: name in l9"
        for i in 1...11 { query += " | derive a\(i): a\(i - 1) or a\(i - 1)" }
        let text = lets + query + " | where a11 | count\n"
        let result = Fixtures.compile(text)
        #expect(result.diagnostics.map(\.code.code) == ["E0232"], "\(result.diagnostics.map(\.message))")
        let d = try #require(result.diagnostics.first)
        #expect(SourceFile(name: "test.lql", text: text).text(in: d.span) == "a3 or a3")  // the expression of `a4`
        let once = Fixtures.compile(lets + "Customer | derive a0: name in l9 | where a0 | count\n")
        #expect(!once.hasErrors, "\(once.diagnostics.map(\.message))")
    }
}
