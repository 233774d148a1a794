import Testing
@testable import LQLRepl
import LQLSchema

/// Completion of design v2: the `derive`/`append` stages, `take … by`, window functions and
/// `over (by … sort … rows …)`, and `case … end`.
@Suite struct AnalyticsCompletionTests {
    let engine = CompletionEngine(catalog: LeoraCatalog.catalog, bindings: ["recent": "Order"],
                                  parameters: ["since"], files: .empty)

    func texts(_ input: String) -> [String] { engine.complete(input).texts }

    @Test func newStages() {
        #expect(texts("Order | de").contains("derive"))
        #expect(texts("Order | app") == ["append"])
        #expect(texts("Order | append re") == ["recent"])
        #expect(texts("Order | derive net: tot") == ["total"])
    }

    @Test func takeBy() {
        #expect(texts("Order | sort total desc | take 3 ") == ["by"])
        #expect(texts("Order | sort total desc | take 3 by custo").contains("customerId"))
    }

    @Test func windowFunctionsAndOver() {
        let names = texts("Order | select r: ra")
        #expect(names.contains("rank"))
        #expect(texts("Order | derive d: dense").contains("dense_rank"))
        #expect(texts("Order | select x: row_num").contains("row_number"))
        #expect(texts("Order | select r: rank() ") == ["over"])
        #expect(texts("Order | select r: rank() over (").starts(with: ["by", "sort", "rows"]))
        #expect(texts("Order | select r: rank() over (by cust").contains("customerId"))
        #expect(texts("Order | select r: rank() over (by status ") == ["sort", "rows"])
        #expect(!texts("Order | where ra").contains("rank"))  // no windows in where
    }

    @Test func caseKeywords() {
        #expect(texts("Order | select b: ca").contains("case"))
        #expect(texts("Order | select b: case when total > 5 ").contains("then"))
        #expect(texts("Order | select b: case when total > 5 then 1 ").contains("end"))
    }
}
