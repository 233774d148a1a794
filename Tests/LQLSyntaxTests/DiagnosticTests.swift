import Testing
import LQLDiagnostics
@testable import LQLSyntax

/// Each case: marked source, expected code, and a piece of the message or a hint that must appear.
/// The diagnostic must start exactly at the marker.
struct MarkedCase: CustomTestStringConvertible, Sendable {
    let source: String
    let code: String
    let mentions: String
    var testDescription: String { source }
}

@Suite struct DiagnosticTests {
    static let cases: [MarkedCase] = [
        // comparison: `=` instead of `==`
        MarkedCase(source: "Order | where status 1️⃣= PENDING", code: "E0111", mentions: "write `==` to compare"),
        // and_expression / or_expression / not_expression: operators from other languages
        MarkedCase(source: "Order | where a 1️⃣&& b", code: "E0111", mentions: "write `and`"),
        MarkedCase(source: "Order | where a 1️⃣|| b", code: "E0111", mentions: "write `or`"),
        MarkedCase(source: "Order | where 1️⃣!done", code: "E0111", mentions: "write `not`"),
        MarkedCase(source: "Order | where a 1️⃣<> b", code: "E0111", mentions: "write `!=`"),
        // group_stage: missing `by`
        MarkedCase(source: "Order | group 1️⃣status aggregate n: count()", code: "E0112", mentions: "group by status"),
        MarkedCase(source: "Order | group 1️⃣aggregate n: count()", code: "E0112", mentions: "group by"),
        // query: trailing `|`, at the end and before a new statement
        MarkedCase(source: "Order | where x 1️⃣|", code: "E0113", mentions: "remove the trailing `|`"),
        MarkedCase(source: "Order | take 1 1️⃣|\nCustomer | take 1", code: "E0113", mentions: "remove the trailing `|`"),
        MarkedCase(source: "Order 1️⃣| | take 1", code: "E0113", mentions: "expected a stage"),
        // sort_key: `sort -x`
        MarkedCase(source: "Order | sort 1️⃣-total", code: "E0116", mentions: "write `sort total desc`"),
        // STRING
        MarkedCase(source: "Order | where name == 1️⃣\"abc", code: "E0101", mentions: "unterminated string"),
        MarkedCase(source: "Order | where name == 1️⃣'abc", code: "E0101", mentions: "close the string with `'`"),
        MarkedCase(source: "Order | where name == \"a1️⃣\\q\"", code: "E0102", mentions: "invalid escape sequence `\\q`"),
        MarkedCase(source: "Order | where name == \"a1️⃣\\u{D800}\"", code: "E0102", mentions: "unicode escape"),
        MarkedCase(source: "Order | where name == \"a1️⃣\\u{}\"", code: "E0102", mentions: "unicode escape"),
        // DATE / TIMESTAMP
        MarkedCase(source: "Order | where d > 1️⃣@2025-02-30", code: "E0103", mentions: "day 30 does not exist"),
        MarkedCase(source: "Order | where d > 1️⃣@2023-02-29", code: "E0103", mentions: "day 29"),
        MarkedCase(source: "Order | where d > 1️⃣@2025-13-01", code: "E0103", mentions: "month 13"),
        MarkedCase(source: "Order | where d > 1️⃣@2025-1-1", code: "E0103", mentions: "YYYY-MM-DD"),
        MarkedCase(source: "Order | where d > 1️⃣@2025-01-01T24:00Z", code: "E0103", mentions: "hour 24"),
        MarkedCase(source: "Order | where d > 1️⃣@2025-01-01T10:00+15:00", code: "E0103", mentions: "offset"),
        MarkedCase(source: "Order | where d > 1️⃣@ x", code: "E0103", mentions: "expected a date after `@`"),
        // lexer: stray and control characters
        MarkedCase(source: "Order | where a 1️⃣# b", code: "E0104", mentions: "comments start with `--`"),
        MarkedCase(source: "Order | where a 1️⃣& b", code: "E0104", mentions: "write `and`"),
        MarkedCase(source: "Order | where caf1️⃣é == 1", code: "E0104", mentions: "é"),
        MarkedCase(source: "Order 1️⃣\u{0}| take 1", code: "E0105", mentions: "U+0000"),
        MarkedCase(source: "Order | where name == \"a1️⃣\u{7}\"", code: "E0105", mentions: "U+0007"),
        // INTEGER / PARAMETER
        MarkedCase(source: "Order | take 1️⃣1__000", code: "E0106", mentions: "1__000"),
        MarkedCase(source: "Order | take 1️⃣10_", code: "E0106", mentions: "10_"),
        MarkedCase(source: "Order | where id == 1️⃣$1", code: "E0108", mentions: "start with a letter"),
        MarkedCase(source: "Order | where id == 1️⃣$ ", code: "E0108", mentions: "after `$`"),
        // stage: unknown stages
        MarkedCase(source: "Order | 1️⃣filter total > 3", code: "E0114", mentions: "did you mean `where`?"),
        MarkedCase(source: "Order | 1️⃣limit 10", code: "E0114", mentions: "did you mean `take`?"),
        MarkedCase(source: "Order | 1️⃣Where total > 3", code: "E0114", mentions: "keywords are lowercase"),
        MarkedCase(source: "Order | 1️⃣selct total", code: "E0114", mentions: "did you mean `select`?"),
        // comparison: no chains
        MarkedCase(source: "Order | where 1 < total 1️⃣< 10", code: "E0115", mentions: "combine them with `and`"),
        // comparison: `is` needs null
        MarkedCase(source: "Order | where paid is 1️⃣true", code: "E0110", mentions: "`null`"),
        // query: a stage keyword without `|`
        MarkedCase(source: "Order 1️⃣where total > 3", code: "E0110", mentions: "stages are separated by `|`"),
        MarkedCase(source: "Order\n1️⃣where total > 3", code: "E0110", mentions: "expected `|` before `where`"),
        // statement: starts with a stage
        MarkedCase(source: "1️⃣where total > 3", code: "E0110", mentions: "a query starts from a model"),
        // let_declaration / output_name: reserved words as names
        MarkedCase(source: "let 1️⃣count = Order", code: "E0123", mentions: "reserved"),
        MarkedCase(source: "Order | select 1️⃣desc: total", code: "E0123", mentions: "reserved"),
        MarkedCase(source: "let recent 1️⃣== Order", code: "E0110", mentions: "let recent = Model"),
        // named_expression: SQL alias
        MarkedCase(source: "Order | select total 1️⃣as t, number", code: "E0124", mentions: "write `t: total`"),
        // primary: missing expressions
        MarkedCase(source: "Order | where 1️⃣", code: "E0125", mentions: "expected an expression"),
        MarkedCase(source: "Order | where total > 1️⃣| take 1", code: "E0125", mentions: "expected an expression"),
        MarkedCase(source: "Order | where 1️⃣select", code: "E0125", mentions: "put `|` before it"),
        MarkedCase(source: "Order | select 1️⃣", code: "E0125", mentions: "column"),
        MarkedCase(source: "Order | take 1️⃣", code: "E0125", mentions: "take 20"),
        MarkedCase(source: "Order | aggregate n: count(where 1️⃣)", code: "E0125", mentions: "expected an expression"),
        // list / call / shape: brackets
        MarkedCase(source: "Order | where a in 1️⃣[1, 2", code: "E0120", mentions: "never closed"),
        MarkedCase(source: "Order | where lower1️⃣(name", code: "E0120", mentions: "add `)`"),
        MarkedCase(source: "Order | where a in [1 1️⃣2]", code: "E0110", mentions: "separate items with `,`"),
        MarkedCase(source: "Order | select customer { 1️⃣}", code: "E0125", mentions: "at least one item"),
        // select_stage: trailing comma at stage level
        MarkedCase(source: "Order | select a1️⃣, | sort a", code: "E0122", mentions: "remove the trailing `,`"),
        // select_stage: missing comma
        MarkedCase(source: "Order | select number 1️⃣total", code: "E0110", mentions: "separate items with `,`"),
        // count_stage with arguments
        MarkedCase(source: "Order | count1️⃣(status)", code: "E0110", mentions: "takes no arguments"),
        // distinct_stage with arguments
        MarkedCase(source: "Order | distinct 1️⃣status", code: "E0110", mentions: "`select` the columns first"),
        // param_declaration
        MarkedCase(source: "param limit 1️⃣= 10", code: "E0110", mentions: "declare a type first"),
        MarkedCase(source: "param limit: Int 1️⃣5", code: "E0126", mentions: "expected `;` or a new line"),
        MarkedCase(source: "param limit: Int 1️⃣== 5", code: "E0110", mentions: "write `=` (not `==`)"),
        MarkedCase(source: "param ids: String[1️⃣1]", code: "E0110", mentions: "String[]"),
        // postfix_expression
        MarkedCase(source: "Order | select customer.1️⃣", code: "E0110", mentions: "a field name after `.`"),
        // range_expression
        MarkedCase(source: "Order | where x in 1..2 1️⃣..3", code: "E0110", mentions: "one `..`"),
        // sort_key: SQL spellings
        MarkedCase(source: "Order | sort total 1️⃣DESC", code: "E0110", mentions: "write `desc`"),
        // query: words from SQL where a stage should end
        MarkedCase(source: "Order | where a == 1 1️⃣AND b == 2", code: "E0110", mentions: "keywords are lowercase: write `and`"),
        MarkedCase(source: "Order | where name 1️⃣like 'x'", code: "E0110", mentions: "write `~`"),
        MarkedCase(source: "Order | where total 1️⃣between 1 and 2", code: "E0110", mentions: "in low..high"),
        MarkedCase(source: "Order | where total > 1 1️⃣order by total", code: "E0110", mentions: "| sort key desc"),
        MarkedCase(source: "SELECT 1️⃣* FROM Order", code: "E0110", mentions: "not SQL"),
        // parenthesized: a comma inside parentheses
        MarkedCase(source: "Order | where a in (1 1️⃣, 2)", code: "E0110", mentions: "square brackets"),
        // let_declaration: the query is missing
        MarkedCase(source: "let recent = 1️⃣| where x", code: "E0110", mentions: "a model or `let` name to start the query"),
        // STRING: an unterminated string that runs over lines says so
        MarkedCase(source: "Order | where name == 1️⃣\"abc\n| take 1", code: "E0101", mentions: "runs to the end of the input"),
        // query: `||` between stages
        MarkedCase(source: "Order 1️⃣|| take 1", code: "E0111", mentions: "one `|`"),
    ]

    @Test(arguments: cases)
    func diagnosticAtMarker(_ c: MarkedCase) {
        let (atMarker, all) = diagnosticsAtMarker(c.source)
        let match = atMarker.first { $0.code.code == c.code }
        #expect(match != nil, "expected \(c.code) at the marker; got \(all.map { "\($0.code) @\($0.span): \($0.message) \($0.hints)" })")
        if let match {
            let text = ([match.message] + match.hints).joined(separator: " | ")
            #expect(text.contains(c.mentions), "\(text)")
        }
    }

    // Stage recovery: two errors in two stages, both reported, and the good stage kept.
    @Test func recoveryReportsErrorsInSeveralStages() {
        let result = parse("Order | where status == | select number total | take 5")
        #expect(result.diagnostics.map(\.code.code) == ["E0125", "E0110"])
        #expect(ASTPrinter.print(result.program) == "(query Order (take 5))")
    }

    // Statement recovery: an error in one statement does not hide the next statements.
    @Test func recoveryContinuesWithNextStatement() {
        let result = parse("""
        let = Order
        Order | where (a == 1 | take 2
        Customer | sort -name
        Invoice | take 3
        """)
        #expect(result.diagnostics.map(\.code.code) == ["E0110", "E0120", "E0116"])
        #expect(ASTPrinter.print(result.program) == """
        (query Order)
        (query Customer (sort (desc name)))
        (query Invoice (take 3))
        """)
    }

    // Recovery inside a stage: foreign operators are reported and read as meant.
    @Test func foreignOperatorsAreReadAsMeant() {
        let result = parse("Order | where a = 1 && b <> 2 || !c")
        #expect(result.diagnostics.map(\.code.code) == ["E0111", "E0111", "E0111", "E0111", "E0111"])
        #expect(ASTPrinter.print(result.program) == "(query Order (where (or (and (== a 1) (!= b 2)) (not c))))")
    }

    // Hints come with fix-its that produce the intended text.
    @Test func fixItsRepairTheSource() {
        let (text, _) = unmark("Order | where status 1️⃣= PENDING | sort -total | select total as t")
        let result = parse(text)
        var bytes = Array(text.utf8)
        for fix in result.diagnostics.flatMap(\.fixIts).sorted(by: { $0.span.start > $1.span.start }) {
            bytes.replaceSubrange(fix.span.start..<fix.span.end, with: Array(fix.replacement.utf8))
        }
        let repaired = String(decoding: bytes, as: UTF8.self)
        #expect(repaired == "Order | where status == PENDING | sort total desc | select t: total")
        #expect(parse(repaired).diagnostics.isEmpty)
    }

    @Test func everyCodeIsUniqueAndInTheE01Range() {
        let codes = DiagnosticCode.syntaxCatalog.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.hasPrefix("E01") && $0.count == 5 })
    }

    @Test func messagesRenderWithLineAndColumn() {
        let source = SourceFile(name: "report.lql", text: "Order\n| where status = PENDING")
        let result = LQLParser.parse(source)
        let rendered = DiagnosticRenderer(useColor: false).render(result.diagnostics, in: source)
        #expect(rendered.contains("error[E0111]: `=` is not a comparison"))
        #expect(rendered.contains("--> report.lql:2:16"))
        #expect(rendered.contains("help: write `==` to compare"))
    }

    /// A bidi override (U+202E) or C1 character in the echoed source line would reorder or hide
    /// what the reader sees: it shows as U+FFFD, one column, and the caret stays under the span.
    @Test func theEchoedLineShowsNoBidiOrC1CharacterRaw() {
        let source = SourceFile(name: "r.lql", text: "Order | where \"a\u{202E}b\u{85}c\" = 1")
        let result = LQLParser.parse(source)
        let rendered = DiagnosticRenderer(useColor: false).render(result.diagnostics, in: source)
        #expect(!rendered.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{85}" }, "\(rendered)")
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let echo = lines.firstIndex(where: { $0.hasPrefix("1 | ") }) else {
            Issue.record("no echoed line in \(rendered)"); return
        }
        #expect(lines[echo] == "1 | Order | where \"a\u{FFFD}b\u{FFFD}c\" = 1")
        let caret = lines[echo + 1]
        let column = caret.distance(from: caret.startIndex, to: caret.firstIndex(of: "^")!)
        let equals = lines[echo].distance(from: lines[echo].startIndex, to: lines[echo].firstIndex(of: "=")!)
        #expect(column == equals, "\(rendered)")
    }
}
