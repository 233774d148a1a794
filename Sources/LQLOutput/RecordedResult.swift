import LQL

/// The last result at the prompt, kept for `\show N` and `\chart` (the first `rowLimit`
/// rows; a larger result is noted as cut).
public final class RecordedResult {
    public static let rowLimit = 10_000
    public private(set) var columns: [OutputColumn] = []
    public private(set) var rows: [[String?]] = []
    public private(set) var rowCount = 0
    public init() {}

    /// A writer that records and passes every call on to `inner`.
    public func recording(_ inner: ResultWriter) -> ResultWriter { Recorder(result: self, inner: inner) }

    fileprivate func begin(_ columns: [OutputColumn]) {
        self.columns = columns
        rows = []
        rowCount = 0
    }

    fileprivate func add(_ row: [String?]) {
        rowCount += 1
        if rows.count < Self.rowLimit { rows.append(row) }
    }

    /// Fills a chart's defaults from the result's columns (x: the first column, y: every
    /// numeric column other than x and series) and checks the names; the message says what
    /// is wrong.
    public func resolve(_ chart: ChartSpec) -> Result<ChartSpec, OutputError> {
        let names = columns.map(\.name)
        for id in [chart.x, chart.series].compactMap({ $0 }) + chart.y where !names.contains(id.name) {
            return .failure(OutputError("the last result has no column `\(id.name)`; its columns: " + names.joined(separator: ", ")))
        }
        for id in chart.y where !(columns.first { $0.name == id.name }!.isNumeric) {
            return .failure(OutputError("`\(id.name)` is not a number to chart"))
        }
        var resolved = chart
        if chart.x == nil, chart.kind != .hist, let first = columns.first { resolved.x = Identifier(first.name, span: chart.span) }
        if chart.y.isEmpty {
            let taken = Set([resolved.x?.name, resolved.series?.name].compactMap { $0 })
            var numeric = columns.filter { $0.isNumeric && !taken.contains($0.name) }
            if chart.kind == .hist { numeric = Array(numeric.prefix(1)) }
            guard !numeric.isEmpty else { return .failure(OutputError("the last result has no numeric column to chart")) }
            resolved.y = numeric.map { Identifier($0.name, span: chart.span) }
        }
        return .success(resolved)
    }
}

private final class Recorder: ResultWriter {
    let result: RecordedResult
    let inner: ResultWriter
    init(result: RecordedResult, inner: ResultWriter) {
        self.result = result
        self.inner = inner
    }
    func begin(columns: [OutputColumn]) throws {
        result.begin(columns)
        try inner.begin(columns: columns)
    }
    func write(row: [String?]) throws {
        result.add(row)
        try inner.write(row: row)
    }
    func end() throws { try inner.end() }
}
