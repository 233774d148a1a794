import Testing
import LQLDiagnostics
@testable import LQLSyntax

/// The rules issue 13 part B added to grammar/lql.ebnf: call_arguments with a leading `where`,
/// shape_pipeline and subquery_pipeline; and their syntax errors.
@Suite struct FilterGrammarTests {
    func tree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let (ast, diagnostics) = dump(text)
        #expect(diagnostics == [], sourceLocation: sourceLocation)
        return ast
    }

    func errors(_ text: String) -> [String] {
        LQLParser.parse(SourceFile(name: "t", text: text)).diagnostics.map(\.message)
    }

    // call_arguments: `where` with and without a value before it
    @Test func aggregateWhere() {
        #expect(tree("Order | aggregate n: count(where total > 5)") == "(query Order (aggregate (n: (call count (where (> total 5))))))")
        #expect(tree("Order | aggregate s: sum(total where status == PENDING)")
                == "(query Order (aggregate (s: (call sum total (where (== status PENDING))))))")
        #expect(tree("Order | aggregate p: percentile(total, 0.9 where total > 0)")
                == "(query Order (aggregate (p: (call percentile total 0.9 (where (> total 0))))))")
    }

    // subquery_pipeline, after in / not in
    @Test func subqueryAfterIn() {
        #expect(tree("Customer | where id in (Invoice | where status == OVERDUE | select customerId)")
                == "(query Customer (where (in id (query Invoice (where (== status OVERDUE)) (select customerId)))))")
        #expect(tree("Customer | where id not in (Invoice | select customerId)")
                == "(query Customer (where (not in id (query Invoice (select customerId)))))")
        // A parenthesized expression is still one.
        #expect(tree("Order | where (total > 1)") == "(query Order (where (> total 1)))")
        #expect(!errors("Customer | where id in (Invoice | select customerId").isEmpty)
    }

    // shape_pipeline: the "( is never closed" case parses
    @Test func shapePipeline() {
        #expect(tree("Customer | select name, recent: (orders | sort orderDate desc | take 3) { number, total }")
                == "(query Customer (select name (shape recent: (orders (sort (desc orderDate)) (take 3)) number total)))")
        #expect(tree("Customer | select (orders | where total > 1) { number }")
                == "(query Customer (select (shape (orders (where (> total 1))) number)))")
        #expect(errors("Customer | select r: (orders | sort orderDate desc | take 3) { number, total }").isEmpty)
        #expect(errors("Customer | select r: (orders | take 3 { number }").contains { $0.contains("never closed") || $0.contains("expected") })
    }
}
