/// psql's expanded format (`\x`, border 1): a `-[ RECORD n ]-` rule above each row, then one
/// `name | value` line per column. Widths come from the first `sizingRows` rows.
/// At a terminal values read as in the table (OutputColumn.display) and a nested shape is a
/// summary followed by its indented tree (NestedText), without psql's `+` marks.
final class ExpandedWriter: ResultWriter {
    private var columns: [OutputColumn] = []
    /// Per row, the cells that are trees (their lines carry no `+`).
    private var bufferedTrees: [[Bool]] = []
    private var trees: [Bool] = []
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
        self.columns = columns
        names = columns.map { TerminalText.lines(of: $0.name) }
        headerWidth = names.flatMap { $0 }.map(\.width).max() ?? 0
    }

    func write(row: [String?]) throws {
        var cells: [[CellLine]] = []
        var isTree: [Bool] = []
        for (i, value) in row.enumerated() {
            guard let value else {
                cells.append(TerminalText.lines(of: options.nullDisplay)); isTree.append(false); continue
            }
            guard options.terminalWidth != nil, i < columns.count else {
                cells.append(TerminalText.lines(of: value)); isTree.append(false); continue
            }
            let column = columns[i]
            if column.isNested, let nested = JSONValue.parse(value) {
                var lines = NestedText.tree(name: "", value: nested)
                lines[0] = NestedText.summary(nested)
                // The members of a record are indented by 2 under its (now summary) line.
                cells.append(lines.map { TerminalText.lines(of: $0)[0] })
                isTree.append(true)
            } else {
                cells.append(TerminalText.lines(of: column.display(value)))
                isTree.append(false)
            }
        }
        if sized {
            trees = isTree
            try sink.write(render(cells))
            return
        }
        buffered.append(cells)
        bufferedTrees.append(isTree)
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
        for (k, cells) in buffered.enumerated() {
            for (i, lines) in cells.enumerated() {
                if lines.count > 1 && !bufferedTrees[k][i] { multiline = true }
                for line in lines where line.width > dataWidth { dataWidth = line.width }
            }
        }
        // psql widens the data column so the record rule fits (print_aligned_vertical).
        let separatorWidth = 3 + (multiline ? 1 : 0)
        let digits = buffered.isEmpty ? 1 : String(buffered.count).count
        let recordWidth = digits + 12
        dataWidth = max(headerWidth + separatorWidth + dataWidth, recordWidth) - headerWidth - separatorWidth
        sized = true
        for (k, cells) in buffered.enumerated() {
            trees = bufferedTrees[k]
            try sink.write(render(cells))
        }
        buffered = []
        bufferedTrees = []
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
                if k + 1 < lines.count && !(i < trees.count && trees[i]) { out += TerminalText.spaces(dataWidth - line.width) + "+" }
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
