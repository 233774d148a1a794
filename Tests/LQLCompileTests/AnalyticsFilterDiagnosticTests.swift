import LQL
import Testing

/// Messages of issue 13 part B: conditional aggregates, statistics, `in (query)`, shape
/// pipelines, calendar functions and function-name suggestions.
struct AnalyticsFilterDiagnosticTests {
    static let cases: [DiagnosticCase] = [
        .init(marked: "Order | aggregate n: count(1️⃣status == CANCELLED)", code: .countOfBoolean, hint: "count(where status == CANCELLED)"),
        .init(marked: "Order | group by status aggregate n: count(1️⃣any(lines))", code: .countOfBoolean, hint: "count(where any(lines))"),
        .init(marked: "Order | aggregate p: percentile(total, 1️⃣1.5)", code: .fractionOutOfRange, hint: "between 0 and 1"),
        .init(marked: "param p: Decimal = 0.5\nOrder | aggregate x: percentile(total, 1️⃣$p)", code: .fractionOutOfRange, hint: "",
              parameters: ["p": "2"]),
        .init(marked: "Order | aggregate p: percentile(total, 1️⃣total)", code: .fractionOutOfRange, hint: "percentile(x, 0.9)"),
        .init(marked: "Order | aggregate s: 1️⃣sum(where total > 1)", code: .wrongArity, hint: "count(where condition)"),
        .init(marked: "Order | aggregate m: median(1️⃣number)", code: .typeMismatch, hint: ""),
        .init(marked: "Order | aggregate n: count(where 1️⃣total)", code: .nonBooleanCondition, hint: ""),
        .init(marked: "Order | where 1️⃣median(total) > 3", code: .aggregateOutsideGrouping, hint: "orders.total where"),
        .init(marked: "Order | select x: lower(number where 1️⃣total > 1)", code: .misplacedCollection, hint: "count(where"),
        .init(marked: "Customer | aggregate t: 1️⃣sum(orders.total where status == FULFILLED)", code: .nonAggregate,
              hint: "sum(sum(orders.total where status == FULFILLED))"),
        .init(marked: "Customer | where id in 1️⃣(Invoice | where status == OVERDUE)", code: .misplacedSubquery, hint: "select field"),
        .init(marked: "Customer | where id in 1️⃣(Invoice | select total)", code: .misplacedSubquery, hint: "same type"),
        .init(marked: "Customer | select x: 1️⃣(Invoice | select total)", code: .misplacedSubquery, hint: "x in (Model"),
        .init(marked: "Customer | select r: (orders | 1️⃣count) { number }", code: .invalidShapeStage, hint: "`where`, `sort`, `skip` and `take`"),
        .init(marked: "Customer | select r: (orders | take 2 | 1️⃣where total > 1) { number }", code: .invalidShapeStage, hint: "front"),
        .init(marked: "Order | select c: (customer | 1️⃣take 1) { name }", code: .invalidShapeStage, hint: "customer { … }"),
        .init(marked: "Order | select d: days_between(orderDate, 1️⃣number)", code: .typeMismatch, hint: ""),
        .init(marked: "Order | select h: hour(1️⃣@2025-01-01)", code: .typeMismatch, hint: ""),
        .init(marked: "WebhookSubscription | select s: string(1️⃣events)", code: .typeMismatch, hint: "", message: "single value"),
        .init(marked: "Order | select 1️⃣lag(total)", code: .windowNeedsSort, hint: "lag(total) over (sort …)"),
        .init(marked: "Order | select 1️⃣lagg(total)", code: .unknownFunction, hint: "did you mean `lag`"),
        .init(marked: "Order | select 1️⃣zork(total)", code: .unknownFunction, hint: "functions: "),
        .init(marked: "Order | group by status aggregate r: sum(total) | derive m: 1️⃣median(r) over ()", code: .invalidWindow, hint: "group by"),
        .init(marked: "Order | select 1️⃣medain(total)", code: .unknownFunction, hint: "did you mean `median`"),
    ]

    @Test("analytics diagnostic", arguments: AnalyticsFilterDiagnosticTests.cases)
    func diagnostic(_ c: DiagnosticCase) {
        let (text, offset) = unmark(c.marked)
        let result = Fixtures.compile(text, parameters: c.parameters)
        let matching = result.diagnostics.filter { $0.code == c.code }
        guard let d = matching.first else {
            Issue.record("expected \(c.code.code), got \(result.diagnostics.map { "\($0.code.code) \($0.message)" })")
            return
        }
        #expect(d.span.start == offset, "span \(d.span) for \(d.message)")
        #expect(result.program == nil)
        if !c.hint.isEmpty { #expect(d.hints.contains { $0.contains(c.hint) }, "hints: \(d.hints)") }
        if !c.message.isEmpty { #expect(d.message.contains(c.message), "message: \(d.message)") }
    }

    /// A short unknown name suggests only names one edit away: `lag` no longer suggests
    /// `age`, `all` and `avg` (two edits each).
    @Test func shortUnknownFunctionSuggestsNothingFar() {
        let result = Fixtures.compile("Order | select lagg(total)")
        let d = result.diagnostics.first { $0.code == .unknownFunction }
        #expect(d != nil)
        #expect(!(d?.hints.contains { $0.contains("`age`") || $0.contains("`avg`") || $0.contains("`all`") } ?? true))
    }

    /// The contradictory pair (E0224 "not supported" and E0212 "not aggregated") for
    /// `sum(rel where …)` is gone: in `select` it compiles, in `aggregate` one message says how.
    @Test func sumOverRelationWithWhereCompiles() {
        let ok = Fixtures.compile("Customer | select name, fulfilled: sum(orders.total where status == FULFILLED) ?? 0")
        #expect(ok.program != nil)
        let bad = Fixtures.compile("Customer | aggregate t: sum(orders.total where status == FULFILLED)")
        #expect(!bad.diagnostics.contains { $0.code == .misplacedCollection })
        #expect(bad.diagnostics.filter(\.isError).count == 1)
    }
}
