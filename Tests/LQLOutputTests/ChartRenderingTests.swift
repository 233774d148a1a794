import LQL
import LQLOutput
import Testing

private let months = ["2025-01-01 00:00:00+00", "2025-02-01 00:00:00+00", "2025-03-01 00:00:00+00", "2025-04-01 00:00:00+00",
                      "2025-05-01 00:00:00+00", "2025-06-01 00:00:00+00"]
private let revenue = ["1200.50", "980.00", "1530.25", "1710.00", "1405.75", "1990.10"]
private let seriesColumns = [OutputColumn(name: "month", typeOID: 1184), OutputColumn(name: "revenue", typeOID: PostgresType.numeric, typeModifier: 655366),
                             OutputColumn(name: "orders", typeOID: PostgresType.int8)]
private let seriesRows: [[String?]] = zip(months, revenue).enumerated().map { i, p in [p.0, p.1, String(10 + i * 3)] }

private func spec(_ kind: ChartSpec.Kind, x: String? = nil, y: [String], series: String? = nil) -> ChartSpec {
    let span = Span(0, 0)
    return ChartSpec(kind: kind, x: x.map { Identifier($0, span: span) }, y: y.map { Identifier($0, span: span) },
                     series: series.map { Identifier($0, span: span) }, span: span)
}

@Suite struct ChartRenderingTests {
    @Test func barsWithTheirValuesAt60() throws {
        let columns = [OutputColumn(name: "tier", typeOID: PostgresType.text), OutputColumn(name: "customers", typeOID: PostgresType.int8)]
        let rows: [[String?]] = [["GOLD", "12"], ["SILVER", "31"], ["BRONZE", "7"], ["东京", "0"]]
        let data = try #require(ChartData(spec: spec(.bar, x: "tier", y: ["customers"]), columns: columns, rows: rows))
        let text = TerminalChart.render(data, width: 60)
        GoldenOutput.check("chart-bar-60", text)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 60 })
        #expect(text.contains("SILVER ") && text.contains(" 31"))
    }

    @Test func lineAndAreaWithAxesAt60() throws {
        let line = try #require(ChartData(spec: spec(.line, x: "month", y: ["revenue"]), columns: seriesColumns, rows: seriesRows))
        GoldenOutput.check("chart-line-60", TerminalChart.render(line, width: 60))
        let area = try #require(ChartData(spec: spec(.area, x: "month", y: ["revenue", "orders"]), columns: seriesColumns, rows: seriesRows))
        let text = TerminalChart.render(area, width: 60)
        GoldenOutput.check("chart-area-60", text)
        #expect(text.contains("2025-01-01"))
    }

    @Test func histogramWithBinEdges() throws {
        let columns = [OutputColumn(name: "total", typeOID: PostgresType.numeric)]
        let rows: [[String?]] = (0..<40).map { [String(Double(($0 * 37) % 100) + 0.5)] }
        let data = try #require(ChartData(spec: spec(.hist, y: ["total"]), columns: columns, rows: rows))
        let text = TerminalChart.render(data, width: 60)
        GoldenOutput.check("chart-hist-60", text)
        #expect(data.bins().reduce(0) { $0 + $1.count } == 40)
        #expect(text.hasPrefix("total (40 values)\n[0.5, "))
    }

    @Test func seriesColumnPivotsRows() throws {
        let columns = [OutputColumn(name: "month", typeOID: PostgresType.text), OutputColumn(name: "tier", typeOID: PostgresType.text),
                       OutputColumn(name: "n", typeOID: PostgresType.int4)]
        let rows: [[String?]] = [["jan", "GOLD", "1"], ["jan", "SILVER", "2"], ["feb", "GOLD", "3"], ["mar", "SILVER", "4"]]
        let data = try #require(ChartData(spec: spec(.line, x: "month", y: ["n"], series: "tier"), columns: columns, rows: rows))
        #expect(data.labels == ["jan", "feb", "mar"])
        #expect(data.series.map(\.name) == ["GOLD", "SILVER"])
        #expect(data.series[0].values == [1, 3, nil])
        #expect(data.series[1].values == [2, nil, 4])
    }

    @Test func svgHasOneBarOrPointPerValueAndEscapesLabels() throws {
        let columns = [OutputColumn(name: "name", typeOID: PostgresType.text), OutputColumn(name: "n", typeOID: PostgresType.int4)]
        let rows: [[String?]] = [["<script>alert(1)</script>", "3"], ["a&b", "5"], ["c", "1"]]
        let bars = SVGChart.render(try #require(ChartData(spec: spec(.bar, x: "name", y: ["n"]), columns: columns, rows: rows)))
        #expect(bars.components(separatedBy: "<rect class=\"bar").count - 1 == 3)
        #expect(!bars.contains("<script>"))
        #expect(bars.contains("&lt;script&gt;"))
        let line = SVGChart.render(try #require(ChartData(spec: spec(.line, x: "month", y: ["revenue", "orders"]), columns: seriesColumns, rows: seriesRows)))
        #expect(line.components(separatedBy: "<circle class=\"point").count - 1 == 12)
        GoldenOutput.check("chart-line-svg", line + "\n")
    }

    @Test func chartsAreDrawnAfterTheTableAtATerminalOnly() throws {
        let options = OutputOptions(terminalWidth: 60, chart: spec(.bar, x: "month", y: ["revenue"]))
        let table = try GoldenOutput.render(.table, seriesColumns, seriesRows, options: options)
        #expect(table.contains("(6 rows)\n\n2025-01-01 ███"))
        let csv = try GoldenOutput.render(.csv, seriesColumns, seriesRows, options: options)
        #expect(!csv.contains("█"))
        var file = options
        file.terminalWidth = nil
        #expect(!(try GoldenOutput.render(.table, seriesColumns, seriesRows, options: file)).contains("█"))
    }
}
