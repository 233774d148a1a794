/// psql's aligned format (border 1): centred headers, a `---+---` rule, numbers right-aligned,
/// multi-line values continued with `+`, then `(N rows)` and a blank line.
///
/// Column widths come from the first `sizingRows` rows; the rest stream at those widths.
final class TableWriter: ResultWriter {
    private let sink: OutputSink
    private let options: OutputOptions
    private var columns: [OutputColumn] = []
    private var rightAligned: [Bool] = []
    private var widths: [Int] = []
    private var buffered: [[[CellLine]]] = []
    private var sized = false
    private var rowCount = 0

    init(sink: OutputSink, options: OutputOptions) {
        self.sink = sink
        self.options = options
    }

    func begin(columns: [OutputColumn]) throws {
        self.columns = columns
        rightAligned = columns.map { PostgresType.isRightAligned($0.typeOID) }
        widths = columns.map { TerminalText.width(of: $0.name) }
    }

    func write(row: [String?]) throws {
        rowCount += 1
        let cells = row.map { TerminalText.lines(of: $0 ?? options.nullDisplay) }
        if sized {
            try sink.write(render(cells))
            return
        }
        buffered.append(cells)
        if buffered.count >= options.sizingRows { try fixWidthsAndFlushBuffer() }
    }

    func end() throws {
        if !sized { try fixWidthsAndFlushBuffer() }
        try sink.write(rowCount == 1 ? "(1 row)\n\n" : "(\(rowCount) rows)\n\n")
        try sink.flush()
    }

    private func fixWidthsAndFlushBuffer() throws {
        for cells in buffered {
            for (i, lines) in cells.enumerated() where i < widths.count {
                for line in lines where line.width > widths[i] { widths[i] = line.width }
            }
        }
        sized = true
        try sink.write(header())
        for cells in buffered { try sink.write(render(cells)) }
        buffered = []
    }

    private func header() -> String {
        var out = ""
        for (i, column) in columns.enumerated() {
            let name = TerminalText.lines(of: column.name).map(\.text).joined(separator: " ")
            let pad = max(0, widths[i] - TerminalText.width(of: name))
            out += " " + TerminalText.spaces(pad / 2) + name + TerminalText.spaces((pad + 1) / 2) + " "
            if i < columns.count - 1 { out += "|" }
        }
        out += "\n"
        out += widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+")
        return out + "\n"
    }

    /// One row, as many display lines as its tallest cell (print_aligned_text, ascii style).
    private func render(_ cells: [[CellLine]]) -> String {
        let height = cells.map(\.count).max() ?? 1
        let last = cells.count - 1
        var out = ""
        for lineIndex in 0..<height {
            for (j, lines) in cells.enumerated() {
                out += " "
                let width = j < widths.count ? widths[j] : 0
                let hasMore = lineIndex + 1 < lines.count
                if lineIndex < lines.count {
                    let line = lines[lineIndex]
                    if j < rightAligned.count, rightAligned[j] {
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
