/// CSV as `psql --csv` writes it: a header line, `,` separators, lines ending in LF (not RFC
/// 4180's CRLF — psql's choice, and what Unix tools expect), a field quoted when it holds `,`,
/// `"`, CR or LF (quotes doubled) or is exactly `\.`. One difference from psql: an empty string
/// is written `""` so it stays distinct from NULL (an empty field), as COPY … CSV does.
final class CSVWriter: ResultWriter {
    private let sink: OutputSink

    init(sink: OutputSink) { self.sink = sink }

    func begin(columns: [OutputColumn]) throws {
        try sink.write(columns.map { CSVWriter.field($0.name) }.joined(separator: ",") + "\n")
    }

    func write(row: [String?]) throws {
        var line = ""
        for (i, value) in row.enumerated() {
            if i > 0 { line += "," }
            if let value { line += value.isEmpty ? "\"\"" : CSVWriter.field(value) }
        }
        line += "\n"
        try sink.write(line)
    }

    func end() throws { try sink.flush() }

    static func field(_ value: String) -> String {
        let needsQuotes = value == "\\." || value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return value }
        var out = "\""
        for ch in value.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        return out + "\""
    }
}
