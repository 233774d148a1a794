import Testing
@testable import LQLSyntax

/// separator / NEWLINE: when a line break ends a statement and when it continues one.
@Suite struct StatementSeparationTests {
    func statements(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        let (ast, diagnostics) = dump(text)
        #expect(diagnostics == [], sourceLocation: sourceLocation)
        return ast.isEmpty ? [] : ast.split(separator: "\n").map(String.init)
    }

    @Test func newlineSeparatesQueries() {
        #expect(statements("Order\nCustomer").count == 2)
        #expect(statements("Order | take 1\n\n\nCustomer | take 2").count == 2)
    }

    @Test func semicolonSeparatesOnOneLine() {
        #expect(statements("Order | take 1; Customer | take 2") == ["(query Order (take 1))", "(query Customer (take 2))"])
    }

    @Test func lineStartingWithPipeContinues() {
        #expect(statements("Order\n| where a\n| take 1") == ["(query Order (where a) (take 1))"])
    }

    @Test func commentLinesBetweenStagesAreSkipped() {
        #expect(statements("Order\n-- keep the open ones\n| where a -- trailing comment\n\n| take 1")
                == ["(query Order (where a) (take 1))"])
    }

    @Test func lineEndingInBinaryOperatorContinues() {
        #expect(statements("Order | where a and\n b or\n c ==\n d") == ["(query Order (where (or (and a b) (== c d))))"])
        #expect(statements("Order | select a +\n b") == ["(query Order (select (+ a b)))"])
    }

    @Test func lineStartingWithOperatorOrKeywordContinues() {
        #expect(statements("Order | where a\n  and b\n  or c") == ["(query Order (where (or (and a b) c)))"])
        #expect(statements("Order | sort total\n desc") == ["(query Order (sort (desc total)))"])
        #expect(statements("Order | group by status\n  aggregate n: count()") == ["(query Order (group (by status) (aggregate (n: (call count)))))"])
    }

    @Test func lineEndingWithCommaContinues() {
        #expect(statements("Order | select a,\n b,\n c") == ["(query Order (select a b c))"])
    }

    @Test func lineEndingInsideBracketsContinues() {
        #expect(statements("Order | where s in [\n A,\n B\n]\n| select x: coalesce(\n a,\n b\n), customer {\n name\n}")
                == ["(query Order (where (in s (list A B))) (select (x: (call coalesce a b)) (shape customer name)))"])
    }

    @Test func lineEndingInStageKeywordContinues() {
        #expect(statements("Order | where\n  a\n| sort\n  b\n| take\n 3") == ["(query Order (where a) (sort b) (take 3))"])
    }

    @Test func declarationsContinueAfterColonAndEquals() {
        #expect(statements("param since:\n DateTime =\n today()\nlet x =\n Order") == ["(param since DateTime (call today))", "(let x (query Order))"])
    }

    @Test func durationUnitOnNextLineStartsANewStatement() {
        // `days` begins a line after a complete line: a new statement (a query of `days`).
        #expect(statements("Order | take 30\ndays") == ["(query Order (take 30))", "(query days)"])
    }

    @Test func crlfLineEndings() {
        #expect(statements("Order\r\n| take 1\r\nCustomer\r\n") == ["(query Order (take 1))", "(query Customer)"])
    }

    @Test func twoQueriesOnOneLineNeedASeparator() {
        let (text, offset) = unmark("Order | take 1 1️⃣Customer")
        let result = parse(text)
        #expect(result.diagnostics.first?.span.start == offset)
        #expect(result.diagnostics.first?.hints.joined().contains("`;` or a new line") == true)
    }
}
