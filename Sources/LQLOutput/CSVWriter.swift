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
        var i = 0
        while i < row.count {
            if i > 0 { line += "," }
            if let value = row[i] { line += value.isEmpty ? "\"\"" : CSVWriter.field(value) }
            i += 1
        }
        line += "\n"
        try sink.write(line)
    }

    func end() throws { try sink.flush() }

    /// A plain index loop: this runs for every value of every row.
    private static func needsQuotes(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var i = 0
            while i < bytes.count {
                let b = base[i]
                if b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { return true }
                i += 1
            }
            return false
        }
    }

    static func field(_ value: String) -> String {
        guard value == "\\." || needsQuotes(value) else { return value }
        var out = "\""
        for ch in value.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        return out + "\""
    }
}
