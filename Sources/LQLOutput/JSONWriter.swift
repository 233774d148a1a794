/// JSON, streamed row by row, never built in memory: an array of objects (one per line,
/// `[` and `]` on their own lines), or with `lines` NDJSON (one object per line).
///
/// Types: int2/int4/int8/float4/float8 are JSON numbers (NaN and ±Infinity, which JSON has
/// no numbers for, are strings); numeric is a string unless `decimalsAsNumbers` (exact
/// decimals survive any reader); bool is true/false; json/jsonb are embedded as JSON (nested
/// shapes) re-written compactly (PostgreSQL's json spacing `{"a" : 1}` dropped, number text
/// kept digit for digit); timestamps are RFC 3339 strings (`2022-11-02T03:53:06.309+00:00`,
/// as PostgreSQL writes them inside json, so a nested and a top-level timestamp read the
/// same); everything else is a string in PostgreSQL's text form; NULL is null.
final class JSONWriter: ResultWriter {
    private enum Kind { case number, decimal, boolean, json, string, timestamp, timestamptz }

    private let sink: OutputSink
    private let options: OutputOptions
    private let lines: Bool
    private var keys: [String] = []
    private var kinds: [Kind] = []
    private var rowCount = 0

    init(sink: OutputSink, options: OutputOptions, lines: Bool) {
        self.sink = sink
        self.options = options
        self.lines = lines
    }

    func begin(columns: [OutputColumn]) throws {
        keys = columns.map { JSONWriter.quoted($0.name) + ":" }
        kinds = columns.map { column in
            switch column.typeOID {
            case PostgresType.int2, PostgresType.int4, PostgresType.int8, PostgresType.float4, PostgresType.float8: .number
            case PostgresType.numeric: options.decimalsAsNumbers ? .decimal : .string
            case PostgresType.bool: .boolean
            case PostgresType.json, PostgresType.jsonb: .json
            case DisplayValue.timestamp: .timestamp
            case DisplayValue.timestamptz: .timestamptz
            default: .string
            }
        }
    }

    func write(row: [String?]) throws {
        var out = lines ? "" : (rowCount == 0 ? "[\n  " : ",\n  ")
        out += "{"
        for (i, value) in row.enumerated() {
            if i > 0 { out += "," }
            out += i < keys.count ? keys[i] : JSONWriter.quoted("column\(i + 1)") + ":"
            guard let value else {
                out += "null"
                continue
            }
            switch i < kinds.count ? kinds[i] : .string {
            case .number, .decimal: out += JSONWriter.isJSONNumber(value) ? value : JSONWriter.quoted(value)
            case .boolean: out += value == "t" ? "true" : (value == "f" ? "false" : JSONWriter.quoted(value))
            case .json: out += JSONValue.parse(value)?.compactText ?? value
            case .timestamp: out += JSONWriter.quoted(DisplayValue.rfc3339(value, hasZone: false) ?? value)
            case .timestamptz: out += JSONWriter.quoted(DisplayValue.rfc3339(value, hasZone: true) ?? value)
            case .string: out += JSONWriter.quoted(value)
            }
        }
        out += lines ? "}\n" : "}"
        rowCount += 1
        try sink.write(out)
    }

    func end() throws {
        if !lines { try sink.write(rowCount == 0 ? "[]\n" : "\n]\n") }
        try sink.flush()
    }

    static func quoted(_ text: String) -> String { JSONText.quoted(text) }

    /// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    static func isJSONNumber(_ text: String) -> Bool {
        let b = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            return i - start
        }
        if i < b.count, b[i] == 0x2D { i += 1 }
        guard i < b.count else { return false }
        if b[i] == 0x30 { i += 1 } else if digits() == 0 { return false }
        if i < b.count, b[i] == 0x2E {
            i += 1
            if digits() == 0 { return false }
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            if digits() == 0 { return false }
        }
        return i == b.count
    }
}
