/// psql's aligned format (border 1): centred headers, a `---+---` rule, numbers right-aligned,
/// multi-line values continued with `+`, then `(N rows)` and a blank line.
///
/// Column widths come from the first `sizingRows` rows; the rest stream at those widths.
/// With a terminal width (`OutputOptions.terminalWidth`) the table never wraps: it is fitted
/// (TableLayout), cells are cut with `…`, later rows wider than the fixed widths are cut too
/// (never shifted), and with `expandedAuto` a table that would lose columns is printed
/// expanded instead. Without one (files, pipes) every value prints whole, exactly as psql.
final class TableWriter: ResultWriter {
    private let sink: OutputSink
    private let options: OutputOptions
    private var columns: [OutputColumn] = []
    private var rightAligned: [Bool] = []
    private var layout = TableLayout.natural([])
    private var buffered: [[String?]] = []
    private var sized = false
    private var rowCount = 0
    /// `\x auto` chose expanded output: every row goes there.
    private var expanded: ExpandedWriter?

    init(sink: OutputSink, options: OutputOptions) {
        self.sink = sink
        self.options = options
    }

    private var atTerminal: Bool { options.terminalWidth != nil }

    func begin(columns: [OutputColumn]) throws {
        self.columns = columns
        rightAligned = columns.map(\.isNumeric)
    }

    func write(row: [String?]) throws {
        rowCount += 1
        if let expanded { return try expanded.write(row: row) }
        if sized {
            try sink.write(render(cells(of: row)))
            return
        }
        buffered.append(row)
        if buffered.count >= options.sizingRows { try fixWidthsAndFlushBuffer() }
    }

    func end() throws {
        if !sized { try fixWidthsAndFlushBuffer() }
        if let expanded { return try expanded.end() }
        var footer = rowCount == 1 ? "(1 row" : "(\(rowCount) rows"
        if layout.dropsColumns {
            footer += ", \(columns.count) columns, \(layout.shown.count) shown — \\x to see all"
        }
        try sink.write(footer + ")\n\n")
        try sink.flush()
    }

    /// A row's cells as display lines: at a terminal the values people read (rounded
    /// decimals, dates, nested summaries), elsewhere PostgreSQL's text.
    private func cells(of row: [String?]) -> [[CellLine]] {
        var out: [[CellLine]] = []
        out.reserveCapacity(row.count)
        for (i, value) in row.enumerated() {
            guard let value else { out.append(TerminalText.lines(of: options.nullDisplay)); continue }
            if atTerminal, i < columns.count {
                out.append(TerminalText.lines(of: columns[i].display(value)))
            } else {
                out.append(TerminalText.lines(of: value))
            }
        }
        return out
    }

    private func fixWidthsAndFlushBuffer() throws {
        var natural = columns.map { TerminalText.width(of: $0.name) }
        let rows = buffered.map(cells)
        for cells in rows {
            for (i, lines) in cells.enumerated() where i < natural.count {
                for line in lines where line.width > natural[i] { natural[i] = line.width }
            }
        }
        sized = true
        if let width = options.terminalWidth {
            layout = TableLayout.fit(natural: natural, into: width)
            if layout.dropsColumns && options.expandedAuto {
                let writer = ExpandedWriter(sink: sink, options: options)
                try writer.begin(columns: columns)
                for row in buffered { try writer.write(row: row) }
                buffered = []
                expanded = writer
                return
            }
        } else {
            layout = .natural(natural)
        }
        try sink.write(header())
        for cells in rows { try sink.write(render(cells)) }
        buffered = []
    }

    /// The shown columns' cells, cut to their widths at a terminal, with the `…` column.
    private func visible(_ cells: [[CellLine]]) -> (cells: [[CellLine]], widths: [Int], right: [Bool]) {
        var out: [[CellLine]] = []
        var widths: [Int] = []
        var right: [Bool] = []
        for (position, column) in layout.shown.enumerated() {
            if position == layout.ellipsisAt {
                out.append([CellLine(text: "…", width: 1)])
                widths.append(1)
                right.append(false)
            }
            let width = layout.widths[position]
            var lines = column < cells.count ? cells[column] : [CellLine(text: "", width: 0)]
            if atTerminal {
                let nested = column < columns.count && columns[column].isNested
                lines = lines.map { nested ? CellCutter.cutSummary($0, to: width) : CellCutter.cut($0, to: width) }
            }
            out.append(lines)
            widths.append(width)
            right.append(column < rightAligned.count && rightAligned[column])
        }
        return (out, widths, right)
    }

    private func header() -> String {
        let names = columns.map { [CellLine(text: TerminalText.lines(of: $0.name).map(\.text).joined(separator: " "),
                                            width: TerminalText.width(of: $0.name))] }
        let (cells, widths, _) = visible(names)
        var out = ""
        for (i, lines) in cells.enumerated() {
            let name = lines[0]
            let pad = max(0, widths[i] - name.width)
            out += " " + TerminalText.spaces(pad / 2) + name.text + TerminalText.spaces((pad + 1) / 2) + " "
            if i < cells.count - 1 { out += "|" }
        }
        out += "\n"
        out += widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+")
        return out + "\n"
    }

    /// One row, as many display lines as its tallest cell (print_aligned_text, ascii style).
    private func render(_ row: [[CellLine]]) -> String {
        let (cells, widths, rightAligned) = visible(row)
        let height = cells.map(\.count).max() ?? 1
        let last = cells.count - 1
        var out = ""
        for lineIndex in 0..<height {
            for (j, lines) in cells.enumerated() {
                out += " "
                let width = widths[j]
                let hasMore = lineIndex + 1 < lines.count
                if lineIndex < lines.count {
                    let line = lines[lineIndex]
                    if rightAligned[j] {
                        out += TerminalText.spaces(width - line.width) + line.text
                    } else {
                        out += line.text
                        if j < last || hasMore { out += TerminalText.spaces(width - line.width) }
                    }
                } else if j < last {
                    out += TerminalText.spaces(width)
                }
                if hasMore { out += "+" } else if j < last { out += " " }
                if j < last { out += "|" }
            }
            out += "\n"
        }
        return out
    }
}
