import Testing
@testable import LQLRepl
import LQLSchema

/// The REPL completes issue 13 part B's function names: the statistics where aggregates may
/// go, the calendar functions and `string` wherever an expression starts.
@Suite struct AnalyticsFunctionCompletionTests {
    let engine = CompletionEngine(catalog: LeoraCatalog.catalog, bindings: [:], parameters: [], files: .empty)

    func texts(_ input: String) -> [String] { engine.complete(input).texts }

    @Test func statistics() {
        #expect(texts("Order | aggregate m: med").contains("median"))
        #expect(texts("Order | group by status aggregate p: perc").contains("percentile"))
        #expect(texts("Order | aggregate s: std").contains("stddev"))
        #expect(texts("Customer | select m: med").contains("median"))
    }

    @Test func calendarAndString() {
        #expect(texts("Order | select d: days_").contains("days_between"))
        #expect(texts("Order | select q: quar").contains("quarter"))
        #expect(texts("Order | where week").contains("weekday"))
        #expect(texts("Order | select h: hou").contains("hour"))
        #expect(texts("Customer | select s: stri").contains("string"))
    }
}
