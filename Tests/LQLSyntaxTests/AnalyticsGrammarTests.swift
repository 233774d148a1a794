import Testing
import LQLDiagnostics
@testable import LQLSyntax

/// The rules design v2 added to grammar/lql.ebnf: derive_stage, take_stage's `by`, append_stage,
/// window, case_expression; and their syntax errors.
@Suite struct AnalyticsGrammarTests {
    func tree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let (ast, diagnostics) = dump(text)
        #expect(diagnostics == [], sourceLocation: sourceLocation)
        return ast
    }

    func errors(_ text: String) -> [String] {
        LQLParser.parse(SourceFile(name: "t", text: text)).diagnostics.map(\.message)
    }

    // derive_stage
    @Test func derive() {
        #expect(tree("Order | derive net: total - 100, big: net > 5") == "(query Order (derive (net: (- total 100)) (big: (> net 5))))")
        #expect(errors("Order | derive").first?.contains("a named column after `derive`") == true)
    }

    // take_stage with `by`
    @Test func takeBy() {
        #expect(tree("Order | sort total desc | take 3 by customerId, status")
                == "(query Order (sort (desc total)) (take 3 (by customerId status)))")
        #expect(errors("Order | take 3 by").first?.contains("a key after `take 3 by`") == true)
    }

    // append_stage
    @Test func append() {
        #expect(tree("a | append b") == "(query a (append (query b)))")
        #expect(tree("a | append (Customer | where tier == VIP | select name) | distinct")
                == "(query a (append (query Customer (where (== tier VIP)) (select name))) (distinct))")
        #expect(tree("a | append (\n  Customer\n  | distinct\n)") == "(query a (append (query Customer (distinct))))")
        #expect(errors("a | append 3").first?.contains("a `let` name or a parenthesized query") == true)
        #expect(errors("a | append (Customer | count").first?.contains("never closed") == true)
    }

    // window
    @Test func window() {
        #expect(tree("M | select r: rank() over (by a, b.c sort x desc, y rows 3)")
                == "(query M (select (r: (over (call rank) (by a b.c) (sort (desc x) y) (rows 3)))))")
        #expect(tree("M | select s: sum(x) over ()") == "(query M (select (s: (over (call sum x)))))")
        #expect(tree("M | select s: round(x / sum(x) over (), 2)") == "(query M (select (s: (call round (/ x (over (call sum x))) 2))))")
        #expect(errors("M | select s: x over ()").first?.contains("`over` follows a function call") == true)
        #expect(errors("M | select s: sum(x) over (sort x by y)").first?.contains("`by`, `sort`, `rows` or `)`") == true)
        #expect(errors("M | select s: sum(x) over sort x").first?.contains("`(` after `over`") == true)
    }

    // case_expression
    @Test func caseExpression() {
        #expect(tree("M | select b: case when x > 1 then \"a\" when x > 0 then \"b\" else \"c\" end")
                == "(query M (select (b: (case (when (> x 1) \"a\") (when (> x 0) \"b\") (else \"c\")))))")
        #expect(tree("M | select b: case when x then 1 end") == "(query M (select (b: (case (when x 1)))))")
        #expect(errors("M | select b: case x end").first?.contains("`when` after `case`") == true)
        #expect(errors("M | select b: case when x 1 end").first?.contains("`then`") == true)
        #expect(errors("M | select b: case when x then 1").first?.contains("`case` is never closed") == true)
    }

    // the new keywords are reserved (but fine after `.`)
    @Test func newKeywords() {
        #expect(errors("M | select end: 1").first?.contains("reserved") == true)
        #expect(tree("M | select a.rows") == "(query M (select a.rows))")
    }
}
