import LQL

/// A GitHub-flavoured Markdown table: `|` in values escaped as `\|`, line breaks as `<br>`,
/// other control, invisible format and separator characters as escapes (`\x1B`, `\u202E`),
/// numeric columns right-aligned (`---:`), NULL as an empty cell. Streams without padding.
final class MarkdownWriter: ResultWriter {
    private let sink: OutputSink

    init(sink: OutputSink) { self.sink = sink }

    func begin(columns: [OutputColumn]) throws {
        var out = "| " + columns.map { MarkdownWriter.cell($0.name) }.joined(separator: " | ") + " |\n"
        out += "|" + columns.map { PostgresType.isRightAligned($0.typeOID) ? " ---: |" : " --- |" }.joined() + "\n"
        try sink.write(out)
    }

    func write(row: [String?]) throws {
        try sink.write("| " + row.map { MarkdownWriter.cell($0 ?? "") }.joined(separator: " | ") + " |\n")
    }

    func end() throws { try sink.flush() }

    static func cell(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x7C || $0 == 0x5C || $0 < 0x20 || $0 >= 0x7F }) else { return value }
        var out = ""
        var previous: Unicode.Scalar?
        for ch in value.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "|": out += "\\|"
            case "\n": if previous != "\r" { out += "<br>" }
            case "\r": out += "<br>"
            case "\t": out += "\\t"
            default:
                if VisibleText.needsEscape(ch) { out += VisibleText.escape(ch) } else { out.unicodeScalars.append(ch) }
            }
            previous = ch
        }
        return out
    }
}
