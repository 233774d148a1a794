import LQL
import Testing

/// `| chart …`: parsed as the last stage, checked against the result's columns, absent from
/// the SQL (the same statement with and without it).
@Suite struct ChartStageTests {
    func compile(_ text: String) -> CompileResult {
        LQLCompiler.compile(source: SourceFile(name: "t", text: text), catalog: Fixtures.leoraCatalog)
    }

    @Test func defaultsAreResolvedAndTheSQLIsUnchanged() throws {
        let base = "Order | group by status aggregate n: count(), revenue: sum(total)"
        let charted = try #require(compile(base + " | chart bar").program?.statements.first)
        let plain = try #require(compile(base).program?.statements.first)
        #expect(charted.sql == plain.sql)
        let chart = try #require(charted.chart)
        #expect(chart.kind == .bar)
        #expect(chart.x?.name == "status")
        #expect(chart.y.map(\.name) == ["n", "revenue"])
        #expect(plain.chart == nil)
    }

    @Test func namedColumnsAndSeries() throws {
        let s = try #require(compile("""
            OrderLine | group by product.category, month: trunc(order.orderDate, "month") aggregate revenue: sum(quantity * unitPrice)
            | chart line x: month y: revenue series: category
            """).program?.statements.first)
        #expect(s.chart?.x?.name == "month")
        #expect(s.chart?.series?.name == "category")
        #expect(s.chart?.y.map(\.name) == ["revenue"])
        let hist = try #require(compile("Order | select number, total | chart hist").program?.statements.first)
        #expect(hist.chart?.y.map(\.name) == ["total"])
        #expect(hist.chart?.x == nil)
    }

    @Test(arguments: [
        ("Order | select number, total | chart line y: 1️⃣totl", DiagnosticCode.invalidChartColumn, "did you mean `total`"),
        ("Order | select number, total | chart bar y: 1️⃣number", .invalidChartColumn, "is String, not a number"),
        ("Order | select number | 1️⃣chart bar", .invalidChartColumn, "no numeric column"),
        ("Order | select number, total | chart 1️⃣pie", .invalidChart, "a chart kind"),
        ("Order | select number, total | chart bar 1️⃣z: total", .invalidChart, "`x:`, `y:` or `series:`"),
        ("Order | select number, total | 1️⃣chart bar | take 3", .invalidChart, "must be the last stage"),
    ])
    func mistakesAreReportedWithTheirSpan(_ marked: String, _ code: DiagnosticCode, _ text: String) throws {
        let (source, offset) = unmark(marked)
        let result = compile(source)
        let d = try #require(result.diagnostics.first { $0.isError }, "\(source)")
        #expect(d.code == code, "\(d.message)")
        #expect(d.span.start == offset, "\(d.message)")
        #expect((d.message + " " + d.hints.joined(separator: " ")).contains(text), "\(d.message) \(d.hints)")
    }
}
