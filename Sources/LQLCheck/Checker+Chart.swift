import LQLDiagnostics
import LQLSyntax

extension DiagnosticCode {
    public static let invalidChartColumn = DiagnosticCode("E0260", "chart column")
}

extension Checker {
    /// Resolves a chart's columns against the query's output: x defaults to the first column,
    /// y to every numeric column other than x and series. The result names every column it
    /// draws, so the output needs no defaults of its own. nil (with an error) when a column
    /// is unknown or a value column is not a number.
    func checkChart(_ chart: ChartSpec, columns: [QueryColumn]) -> ChartSpec? {
        let names = columns.map(\.name)
        func find(_ id: Identifier) -> QueryColumn? {
            if let column = columns.first(where: { $0.name == id.name }) { return column }
            let close = Suggestions.closest(to: id.name, among: names)
            error(.invalidChartColumn, "the result has no column `\(id.name)` to chart", at: id.span,
                  hints: close.isEmpty ? ["columns: " + names.joined(separator: ", ")] : ["did you mean \(Suggestions.quotedList(close))?"])
            return nil
        }
        var resolved = chart
        var ok = true
        if let x = chart.x { ok = find(x) != nil && ok }
        if let series = chart.series { ok = find(series) != nil && ok }
        for y in chart.y {
            guard let column = find(y) else { ok = false; continue }
            if column.type.numericRank == nil && !column.type.isError {
                error(.invalidChartColumn, "`\(y.name)` is \(column.type), not a number to chart", at: y.span,
                      hints: ["a chart's y columns are numbers: a count, a sum, an average"])
                ok = false
            }
        }
        guard ok else { return nil }
        if chart.x == nil, chart.kind != .hist, let first = columns.first {
            resolved.x = Identifier(first.name, span: chart.span)
        }
        if chart.y.isEmpty {
            let taken = Set([resolved.x?.name, resolved.series?.name].compactMap { $0 })
            var numeric = columns.filter { $0.type.numericRank != nil && !taken.contains($0.name) }
            if chart.kind == .hist { numeric = Array(numeric.prefix(1)) }
            guard !numeric.isEmpty else {
                error(.invalidChartColumn, "the result has no numeric column to chart", at: chart.span,
                      hints: ["name the values: `| chart \(chart.kind.rawValue) y: total`"])
                return nil
            }
            resolved.y = numeric.map { Identifier($0.name, span: chart.span) }
        }
        return resolved
    }
}
