import LQL
import Testing

/// Issue 13 part A's messages: each with its own code, the span the marker shows and a fix.
struct AnalyticsDiagnosticTests {
    static let cases: [DiagnosticCase] = [
        // `over` after a function that is not a window function
        .init(marked: "Order | select x: 1️⃣lower(number) over (sort total)", code: .notAWindowFunction, hint: "drop `over (…)`",
              message: "`lower` is not a window function"),
        .init(marked: "Order | select x: 1️⃣rnk() over (sort total)", code: .unknownFunction, hint: "`rank`"),
        .init(marked: "Order | select x: 1️⃣count_distinct(status) over ()", code: .invalidWindow, hint: "group by"),
        // a window in where / group by / sort / aggregate
        .init(marked: "Order | where 1️⃣rank() over (sort total) <= 3", code: .windowMisplaced, hint: "| derive r:",
              message: "cannot be used in `where`"),
        .init(marked: "Order | group by r: 1️⃣row_number() over (sort total) aggregate n: count()", code: .windowMisplaced, hint: "derive",
              message: "in `group by`"),
        .init(marked: "Order | sort 1️⃣rank() over (sort total)", code: .windowMisplaced, hint: "derive"),
        .init(marked: "Order | group by status aggregate x: sum(1️⃣rank() over (sort total))", code: .windowMisplaced, hint: "",
              message: "inside an aggregate"),
        // ranking / offset functions need a sort; frames need one too
        .init(marked: "Order | select r: rank() 1️⃣over ()", code: .windowNeedsSort, hint: "over (sort … desc)"),
        .init(marked: "Order | select p: lag(total) 1️⃣over (by customerId)", code: .windowNeedsSort, hint: "over (by customerId sort"),
        .init(marked: "Order | select s: sum(total) over (rows 1️⃣3)", code: .invalidWindow, hint: "add `sort key`"),
        .init(marked: "Order | select r: rank() over (sort total rows 1️⃣3)", code: .invalidWindow, hint: "remove `rows"),
        .init(marked: "Order | select s: sum(total) over (sort total rows 1️⃣0)", code: .invalidWindow, hint: "`rows 1`"),
        .init(marked: "Order | select q: ntile(1️⃣0) over (sort total)", code: .invalidArgument, hint: "ntile(4)"),
        // take n by without a sort
        .init(marked: "Order | 1️⃣take 2 by customerId", code: .takeByWithoutSort, hint: "| sort total desc | take 2 by customerId"),
        .init(marked: "Order | sort total | group by status aggregate n: count() | 1️⃣take 1 by status", code: .takeByWithoutSort, hint: "sort first"),
        // append of different shapes
        .init(marked: "Customer | select name | append 1️⃣(Customer | select name, city)", code: .appendMismatch,
              hint: "same number of columns", message: "has 1 (`name`)"),
        .init(marked: "Customer | select name | append 1️⃣(Order | select total)", code: .appendMismatch, hint: "by position",
              message: "`name` is String here but `total` is Decimal"),
        // case branches of different types
        .init(marked: "Order | select x: case when total > 5 then \"big\" else 1️⃣0 end", code: .caseBranchTypes, hint: "string(",
              message: "`\"big\"` is String but `0` is Int"),
        .init(marked: "Order | select x: case when 1️⃣total then 1 end", code: .nonBooleanCondition, hint: ""),
        // a name made in the same select
        .init(marked: "Order | select net: total - 100, double: 1️⃣net * 2", code: .sameStageName, hint: "derive net:",
              message: "made in this same `select`"),
        // derive cannot shadow
        .init(marked: "Order | derive 1️⃣total: total * 2", code: .redefinition, hint: "select total:"),
    ]

    @Test("analytics diagnostic", arguments: AnalyticsDiagnosticTests.cases)
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
        if !c.hint.isEmpty {
            #expect(d.hints.contains { $0.contains(c.hint) }, "hints: \(d.hints)")
        }
        if !c.message.isEmpty {
            #expect(d.message.contains(c.message), "message: \(d.message)")
        }
    }

    @Test func overAfterAPlainValueIsASyntaxError() {
        let result = Fixtures.compile("Order | select x: total over (sort total)")
        #expect(result.diagnostics.first?.message.contains("`over` follows a function call") == true)
        #expect(result.diagnostics.first?.hints.contains { $0.contains("sum(total) over") } == true)
    }

    @Test func derivedNamesChainAndSameStageReferencesSplit() {
        // b reads the window a made in the same derive: two nested levels, no alias reuse.
        let result = Fixtures.compile("Order | derive a: rank() over (sort total), b: a * 2 | where b < 10 | select number, a, b")
        let sql = try? #require(result.program?.statements.first?.sql.text)
        #expect(result.diagnostics.isEmpty)
        #expect(sql?.contains("rank() OVER (ORDER BY t.\"total\" NULLS LAST) AS \"a\"") == true)
        #expect(sql?.contains("t2.\"a\" * $") == true)
    }
}
