import LQLOutput

/// What the prompt does to a result on its way to the writer, on the streaming side (the
/// writers themselves are LQLOutput's):
/// - booleans print as `true` / `false`, like LQL's literals (PostgreSQL's text is `t` / `f`);
/// - in a table, a value of a row after the first `sizingRows` (which fixed the column widths)
///   that is wider than its column is cut to the column with `…`, so a late wide row never
///   shifts the columns after it;
/// - with `\x auto`, the first `sizingRows` rows decide: a table wider than the terminal is
///   printed expanded instead.
final class PromptResultWriter: ResultWriter {
    private var target: ResultWriter?
    private let makeTarget: (OutputFormat) -> ResultWriter
    private let format: OutputFormat
    private let autoExpandWidth: Int?
    private let sizingRows: Int
    /// False when the table writer fits the table to the terminal and cuts late values itself.
    private let cutsLateValues: Bool
    private var isBoolean: [Bool] = []
    private var columns: [OutputColumn] = []
    /// Widest line per column over the header and the sizing rows (as the table measures).
    private var widths: [Int] = []
    private var seen = 0
    /// Rows held back while `\x auto` decides.
    private var held: [[String?]] = []

    /// `autoExpandWidth`: the terminal's width when `\x auto` is on and the format is a table.
    init(format: OutputFormat, autoExpandWidth: Int?, sizingRows: Int = OutputOptions().sizingRows,
         cutsLateValues: Bool = true, makeTarget: @escaping (OutputFormat) -> ResultWriter) {
        self.format = format
        self.cutsLateValues = cutsLateValues
        self.autoExpandWidth = format == .table ? autoExpandWidth : nil
        self.sizingRows = sizingRows
        self.makeTarget = makeTarget
        if self.autoExpandWidth == nil { target = makeTarget(format) }
    }

    func begin(columns: [OutputColumn]) throws {
        self.columns = columns
        isBoolean = columns.map { $0.typeOID == PostgresType.bool }
        widths = columns.map { DisplayWidth.of($0.name) }
        try target?.begin(columns: columns)
    }

    func write(row: [String?]) throws {
        var row = row
        for i in row.indices where i < isBoolean.count && isBoolean[i] {
            if row[i] == "t" { row[i] = "true" } else if row[i] == "f" { row[i] = "false" }
        }
        seen += 1
        if format == .table && (cutsLateValues || autoExpandWidth != nil) {
            if seen <= sizingRows {
                for (i, value) in row.enumerated() where i < widths.count {
                    if let value { widths[i] = max(widths[i], DisplayWidth.of(value)) }
                }
            } else if target != nil {
                for (i, value) in row.enumerated() where i < widths.count {
                    if let value, DisplayWidth.of(value) > widths[i] { row[i] = Self.cut(value, to: widths[i]) }
                }
            }
        }
        if target == nil {
            held.append(row)
            if held.count >= sizingRows { try decide() }
            return
        }
        try target!.write(row: row)
    }

    func end() throws {
        if target == nil { try decide() }
        try target!.end()
    }

    /// `\x auto`: a table as wide as psql's border-1 layout would be, against the terminal.
    private func decide() throws {
        let tableWidth = widths.reduce(0, +) + 3 * max(widths.count - 1, 0) + 2
        let chosen: OutputFormat = tableWidth > (autoExpandWidth ?? .max) ? .expanded : format
        let writer = makeTarget(chosen)
        target = writer
        try writer.begin(columns: columns)
        for row in held { try writer.write(row: row) }
        held = []
    }

    /// Each line of `value` cut to `width` columns, the last kept column an `…`.
    static func cut(_ value: String, to width: Int) -> String {
        value.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let text = String(line)
            guard DisplayWidth.of(text) > width else { return text }
            var out = ""
            var used = 0
            for scalar in text.unicodeScalars {
                let w = scalar == "\t" ? 8 - used % 8 : DisplayWidth.of(scalar)
                if used + w > width - 1 { break }
                out.unicodeScalars.append(scalar)
                used += w
            }
            return out + (width > 0 ? "…" : "")
        }.joined(separator: "\n")
    }
}
