/// psql's expanded format (`\x`, border 1): a `-[ RECORD n ]-` rule above each row, then one
/// `name | value` line per column. Widths come from the first `sizingRows` rows.
final class ExpandedWriter: ResultWriter {
    private let sink: OutputSink
    private let options: OutputOptions
    private var names: [[CellLine]] = []
    private var headerWidth = 0
    private var dataWidth = 0
    private var multiline = false
    private var buffered: [[[CellLine]]] = []
    private var sized = false
    private var record = 0

    init(sink: OutputSink, options: OutputOptions) {
        self.sink = sink
        self.options = options
    }

    func begin(columns: [OutputColumn]) throws {
        names = columns.map { TerminalText.lines(of: $0.name) }
        headerWidth = names.flatMap { $0 }.map(\.width).max() ?? 0
    }

    func write(row: [String?]) throws {
        let cells = row.map { TerminalText.lines(of: $0 ?? options.nullDisplay) }
        if sized {
            try sink.write(render(cells))
            return
        }
        buffered.append(cells)
        if buffered.count >= options.sizingRows { try fixWidthsAndFlushBuffer() }
    }

    func end() throws {
        if !sized && buffered.isEmpty {
            try sink.write("(0 rows)\n\n")
        } else {
            if !sized { try fixWidthsAndFlushBuffer() }
            try sink.write("\n")
        }
        try sink.flush()
    }

    private func fixWidthsAndFlushBuffer() throws {
        for cells in buffered {
            for lines in cells {
                if lines.count > 1 { multiline = true }
                for line in lines where line.width > dataWidth { dataWidth = line.width }
            }
        }
        // psql widens the data column so the record rule fits (print_aligned_vertical).
        let separatorWidth = 3 + (multiline ? 1 : 0)
        let digits = buffered.isEmpty ? 1 : String(buffered.count).count
        let recordWidth = digits + 12
        dataWidth = max(headerWidth + separatorWidth + dataWidth, recordWidth) - headerWidth - separatorWidth
        sized = true
        for cells in buffered { try sink.write(render(cells)) }
        buffered = []
    }

    private func render(_ cells: [[CellLine]]) -> String {
        record += 1
        var out = recordRule(record)
        for (i, lines) in cells.enumerated() {
            let name = i < names.count ? names[i].map(\.text).joined(separator: " ") : ""
            out += name + TerminalText.spaces(headerWidth - TerminalText.width(of: name)) + " |"
            for (k, line) in lines.enumerated() {
                if k > 0 { out += TerminalText.spaces(headerWidth + 1) + "|" }
                out += " " + line.text
                if k + 1 < lines.count { out += TerminalText.spaces(dataWidth - line.width) + "+" }
                out += "\n"
            }
        }
        return out
    }

    /// print_aligned_vertical_line for border 1.
    private func recordRule(_ n: Int) -> String {
        let label = "[ RECORD \(n) ]"
        var out = "-" + label
        var reclen = label.count + 1
        if reclen < headerWidth { out += String(repeating: "-", count: headerWidth - reclen) }
        reclen -= headerWidth
        for piece in ["-", "+", "-"] {
            if reclen <= 0 { out += piece }
            reclen -= 1
        }
        if reclen < 0 { reclen = 0 }
        if reclen < dataWidth { out += String(repeating: "-", count: dataWidth - reclen) }
        return out + "\n"
    }
}
