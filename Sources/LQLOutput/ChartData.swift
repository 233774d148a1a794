import LQL

/// A result as a chart sees it: one label per row (the x column) and one or more series of
/// numbers. With a `series` column each of its values becomes a series of the first y column
/// (rows pivoted by x, in first-seen order), as a person would draw "revenue by month per tier".
public struct ChartData: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var name: String
        /// Parallel to `labels`; nil where a row had no value.
        public var values: [Double?]
        /// The values as the result printed them (bars show these, not a re-formatted double).
        public var texts: [String]
    }
    public var kind: ChartSpec.Kind
    public var xName: String
    public var labels: [String]
    public var series: [Series]

    /// Rows a chart reads (a chart of more is unreadable and would hold memory).
    public static let rowLimit = 10_000

    public init(kind: ChartSpec.Kind, xName: String, labels: [String], series: [Series]) {
        self.kind = kind
        self.xName = xName
        self.labels = labels
        self.series = series
    }

    public init?(spec: ChartSpec, columns: [OutputColumn], rows: [[String?]]) {
        func index(_ name: String?) -> Int? { name.flatMap { n in columns.firstIndex { $0.name == n } } }
        let yIndices = spec.y.compactMap { index($0.name) }
        guard !yIndices.isEmpty else { return nil }
        kind = spec.kind
        let xIndex = index(spec.x?.name)
        xName = xIndex.map { columns[$0].name } ?? ""
        func label(_ row: [String?]) -> String {
            guard let xIndex, xIndex < row.count, let text = row[xIndex] else { return "" }
            return columns[xIndex].display(text)
        }
        func display(_ row: [String?], _ i: Int) -> String {
            guard i < row.count, let text = row[i] else { return "" }
            return columns[i].display(text)
        }
        if let seriesIndex = index(spec.series?.name), spec.kind != .hist {
            let y = yIndices[0]
            var labels: [String] = []
            var labelPosition: [String: Int] = [:]
            var names: [String] = []
            var byName: [String: Series] = [:]
            for row in rows {
                let x = label(row)
                if labelPosition[x] == nil {
                    labelPosition[x] = labels.count
                    labels.append(x)
                    for n in names {
                        byName[n]!.values.append(nil)
                        byName[n]!.texts.append("")
                    }
                }
                let name = seriesIndex < row.count ? (row[seriesIndex] ?? "") : ""
                if byName[name] == nil {
                    names.append(name)
                    byName[name] = Series(name: name, values: Array(repeating: nil, count: labels.count),
                                          texts: Array(repeating: "", count: labels.count))
                }
                let position = labelPosition[x]!
                byName[name]!.values[position] = ChartData.number(row, y)
                byName[name]!.texts[position] = display(row, y)
            }
            self.labels = labels
            series = names.map { byName[$0]! }
        } else {
            labels = rows.map(label)
            series = yIndices.map { y in
                Series(name: columns[y].name, values: rows.map { ChartData.number($0, y) }, texts: rows.map { display($0, y) })
            }
        }
    }

    static func number(_ row: [String?], _ i: Int) -> Double? {
        guard i < row.count, let text = row[i] else { return nil }
        return Double(text)
    }

    /// A histogram's bins over the first series: Sturges' rule (at most 20), equal widths from
    /// the smallest to the largest value. Each bin is [low, high), the last one closed.
    public func bins() -> [(low: Double, high: Double, count: Int)] {
        let values = (series.first?.values ?? []).compactMap { $0 }
        guard let low = values.min(), let high = values.max() else { return [] }
        var count = 1
        while (1 << count) < values.count { count += 1 }
        count = min(20, count + 1)
        if high == low { return [(low, high, values.count)] }
        let step = (high - low) / Double(count)
        var bins = (0..<count).map { (low: low + Double($0) * step, high: low + Double($0 + 1) * step, count: 0) }
        for v in values {
            let k = min(count - 1, Int((v - low) / step))
            bins[k].count += 1
        }
        return bins
    }
}

/// Short number labels for axes and bins without Foundation: integers as they are, others
/// with up to 2 decimals (trailing zeros dropped), large ones with k/M.
enum ChartNumber {
    static func label(_ v: Double) -> String {
        guard v.isFinite else { return v.isNaN ? "NaN" : (v < 0 ? "-∞" : "∞") }
        let magnitude = abs(v)
        if magnitude >= 1_000_000 { return trimmed(v / 1_000_000) + "M" }
        if magnitude >= 10_000 { return trimmed(v / 1000) + "k" }
        return trimmed(v)
    }

    static func trimmed(_ v: Double) -> String {
        let scaled = (v * 100).rounded()
        let negative = scaled < 0
        let cents = Int(abs(scaled))
        var out = String(cents / 100)
        let fraction = cents % 100
        if fraction != 0 {
            out += "." + (fraction < 10 ? "0" : "") + String(fraction)
            while out.hasSuffix("0") { out.removeLast() }
        }
        return (negative && cents != 0 ? "-" : "") + out
    }
}
