/// Charts drawn with Unicode block characters, sized to a terminal width: horizontal bars with
/// their values, a line or area plot with a y axis (max, middle, min) and x labels, a histogram
/// with its bin edges and counts.
public enum TerminalChart {
    static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let markers: [Character] = ["●", "○", "◆", "▲", "■", "◇"]
    static let shades: [Character] = ["█", "▓", "▒", "░"]
    /// Plot rows of a line or area chart.
    public static let plotHeight = 10

    public static func render(_ data: ChartData, width: Int) -> String {
        let width = max(width, 24)
        switch data.kind {
        case .bar: return bars(rows: barRows(data), width: width)
        case .hist:
            let bins = data.bins()
            let rows = bins.enumerated().map { k, bin in
                let close = k == bins.count - 1 ? "]" : ")"
                return BarRow(label: "[\(ChartNumber.label(bin.low)), \(ChartNumber.label(bin.high))\(close)", series: nil,
                              value: Double(bin.count), text: String(bin.count))
            }
            let title = (data.series.first?.name ?? "") + " (\(data.series.first?.values.compactMap { $0 }.count ?? 0) values)"
            return title + "\n" + bars(rows: rows, width: width)
        case .line, .area: return plot(data, width: width)
        }
    }

    struct BarRow {
        var label: String
        var series: String?
        var value: Double?
        var text: String
    }

    static func barRows(_ data: ChartData) -> [BarRow] {
        var rows: [BarRow] = []
        let named = data.series.count > 1
        for (i, label) in data.labels.enumerated() {
            for (k, s) in data.series.enumerated() {
                rows.append(BarRow(label: k == 0 ? label : "", series: named ? s.name : nil, value: s.values[i], text: s.texts[i]))
            }
        }
        return rows
    }

    static func fit(_ text: String, _ width: Int) -> String {
        let line = CellCutter.cut(TerminalText.lines(of: text)[0], to: width)
        return line.text + TerminalText.spaces(width - line.width)
    }

    static func bars(rows: [BarRow], width: Int) -> String {
        let labelWidth = min(rows.map { TerminalText.width(of: $0.label) }.max() ?? 0, max(6, width / 4))
        let seriesWidth = min(rows.compactMap { $0.series.map(TerminalText.width) }.max() ?? 0, max(4, width / 6))
        let valueWidth = rows.map { TerminalText.width(of: $0.text) }.max() ?? 0
        let room = max(4, width - labelWidth - (seriesWidth > 0 ? seriesWidth + 1 : 0) - valueWidth - 3)
        let top = rows.compactMap(\.value).max() ?? 0
        var out = ""
        for row in rows {
            var line = fit(row.label, labelWidth) + " "
            if let s = row.series { line += fit(s, seriesWidth) + " " }
            var bar = ""
            if let v = row.value, v > 0, top > 0 {
                let units = Int((v / top * Double(room * 8)).rounded())
                bar = String(repeating: "█", count: units / 8)
                if units % 8 > 0 { bar.append(eighths[units % 8 - 1]) }
                if bar.isEmpty { bar = "▏" }
            }
            line += bar + " " + row.text
            out += line + "\n"
        }
        return out + "\n"
    }

    static func plot(_ data: ChartData, width: Int) -> String {
        let all = data.series.flatMap(\.values).compactMap { $0 }
        guard var low = all.min(), var high = all.max(), !data.labels.isEmpty else { return "(nothing to chart)\n\n" }
        if data.kind == .area { low = min(low, 0) }
        if high == low { high = low + 1 }
        let axis = [ChartNumber.label(high), ChartNumber.label((high + low) / 2), ChartNumber.label(low)]
        let axisWidth = axis.map(TerminalText.width).max() ?? 1
        let plotWidth = max(8, width - axisWidth - 2)
        let height = plotHeight
        var grid = Array(repeating: Array(repeating: Character(" "), count: plotWidth), count: height)
        let n = data.labels.count
        func column(of i: Int) -> Int { n == 1 ? 0 : Int((Double(i) * Double(plotWidth - 1) / Double(n - 1)).rounded()) }
        for (k, s) in data.series.enumerated() {
            // The value under each plot column, interpolated between the points either side.
            for c in 0..<plotWidth {
                let position = n == 1 ? 0 : Double(c) * Double(n - 1) / Double(plotWidth - 1)
                let left = Int(position), right = min(n - 1, left + 1)
                guard let a = s.values[left] else { continue }
                let b = s.values[right] ?? a
                let v = a + (b - a) * (position - Double(left))
                let level = Int(((v - low) / (high - low) * Double(height * 8 - 1)).rounded())
                let row = height - 1 - level / 8
                if data.kind == .area {
                    let shade = shades[k % shades.count]
                    grid[row][c] = shade == "█" ? levels[level % 8] : shade
                    if row + 1 < height { for r in (row + 1)..<height { grid[r][c] = shade } }
                } else {
                    grid[row][c] = "·"
                }
            }
            if data.kind == .line {
                for i in 0..<n {
                    guard let v = s.values[i] else { continue }
                    let level = Int(((v - low) / (high - low) * Double(height * 8 - 1)).rounded())
                    grid[height - 1 - level / 8][column(of: i)] = markers[k % markers.count]
                }
            }
        }
        var out = ""
        if data.series.count > 1 || data.series.first.map({ $0.name != "" }) == true {
            let symbols = data.kind == .area ? shades : markers
            out += data.series.enumerated().map { "\(symbols[$0.offset % symbols.count]) \($0.element.name)" }.joined(separator: "  ") + "\n"
        }
        for r in 0..<height {
            let label = r == 0 ? axis[0] : (r == height / 2 ? axis[1] : (r == height - 1 ? axis[2] : ""))
            let tick = label.isEmpty ? "│" : "┤"
            out += TerminalText.spaces(axisWidth - TerminalText.width(of: label)) + label + " " + String(tick) + String(grid[r]) + "\n"
        }
        out += TerminalText.spaces(axisWidth + 1) + "└" + String(repeating: "─", count: plotWidth) + "\n"
        out += TerminalText.spaces(axisWidth + 2) + xLabels(data.labels, width: plotWidth) + "\n\n"
        return out
    }

    /// The first, middle and last x labels under the axis, where they fit.
    static func xLabels(_ labels: [String], width: Int) -> String {
        var line = Array(repeating: Character(" "), count: width)
        func place(_ text: String, at start: Int) -> Bool {
            let chars = Array(text)
            guard start >= 0, start + chars.count <= width,
                  line[max(0, start - 1)..<min(width, start + chars.count + 1)].allSatisfy({ $0 == " " }) else { return false }
            for (i, ch) in chars.enumerated() { line[start + i] = ch }
            return true
        }
        guard let first = labels.first else { return "" }
        let firstCut = CellCutter.cut(TerminalText.lines(of: first)[0], to: width / 3).text
        _ = place(firstCut, at: 0)
        if labels.count > 1 {
            let last = CellCutter.cut(TerminalText.lines(of: labels[labels.count - 1])[0], to: width / 3).text
            _ = place(last, at: width - Array(last).count)
        }
        if labels.count > 2 {
            let middle = labels[(labels.count - 1) / 2]
            let mid = CellCutter.cut(TerminalText.lines(of: middle)[0], to: width / 3).text
            let at = Int((Double((labels.count - 1) / 2) * Double(width - 1) / Double(labels.count - 1)).rounded()) - Array(mid).count / 2
            _ = place(mid, at: at)
        }
        var text = String(line)
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}

/// Draws the chart after the table at a terminal: the rows pass through to the table writer
/// and the first `ChartData.rowLimit` are kept for the chart.
final class ChartingWriter: ResultWriter {
    private let table: ResultWriter
    private let sink: OutputSink
    private let options: OutputOptions
    private var columns: [OutputColumn] = []
    private var rows: [[String?]] = []

    init(table: ResultWriter, sink: OutputSink, options: OutputOptions) {
        self.table = table
        self.sink = sink
        self.options = options
    }

    func begin(columns: [OutputColumn]) throws {
        self.columns = columns
        try table.begin(columns: columns)
    }

    func write(row: [String?]) throws {
        if rows.count < ChartData.rowLimit { rows.append(row) }
        try table.write(row: row)
    }

    func end() throws {
        try table.end()
        guard let spec = options.chart, let data = ChartData(spec: spec, columns: columns, rows: rows) else { return }
        try sink.write(TerminalChart.render(data, width: options.terminalWidth ?? 80))
        try sink.flush()
    }
}
