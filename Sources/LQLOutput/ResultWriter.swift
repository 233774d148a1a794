import LQL

/// A result column as the writers need it: its name and PostgreSQL type OID.
public struct OutputColumn: Sendable, Hashable {
    public var name: String
    public var typeOID: UInt32
    /// `numeric(12,2)`'s modifier; -1 when the type has none (a computed decimal).
    public var typeModifier: Int32

    public init(name: String, typeOID: UInt32, typeModifier: Int32 = -1) {
        self.name = name
        self.typeOID = typeOID
        self.typeModifier = typeModifier
    }

    /// A nested shape (json/jsonb).
    public var isNested: Bool { typeOID == PostgresType.json || typeOID == PostgresType.jsonb }
    public var isNumeric: Bool { PostgresType.isRightAligned(typeOID) }

    /// The value as a person reads it at a terminal: a decimal without a scale of its own at
    /// most 4 decimals, a midnight timestamp as a date, a nested shape as a summary.
    public func display(_ text: String) -> String {
        switch typeOID {
        case PostgresType.numeric where typeModifier == -1: DisplayValue.decimal(text)
        case DisplayValue.timestamp, DisplayValue.timestamptz: DisplayValue.midnightAsDate(text)
        case PostgresType.json, PostgresType.jsonb: JSONValue.parse(text).map(NestedText.summary) ?? text
        default: text
        }
    }
}

/// A streaming writer: `begin` with the columns, `write` each row (values in PostgreSQL's text
/// form, nil = NULL), then `end`, which writes any footer and flushes the sink. A writer
/// serves one result; make a new one per statement.
public protocol ResultWriter: AnyObject {
    func begin(columns: [OutputColumn]) throws
    func write(row: [String?]) throws
    func end() throws
}

public enum OutputFormat: String, Sendable, CaseIterable {
    case table, expanded, csv, json, ndjson, markdown, html
}

/// `\x`: off, on, or psql's `auto` (expanded only for a result too wide for the terminal).
public enum ExpandedMode: String, Sendable, Hashable {
    case off, on, auto
}

public struct OutputOptions: Sendable {
    /// JSON: numeric (decimal) values as JSON numbers instead of strings (precision is then
    /// up to the reader).
    public var decimalsAsNumbers = false
    /// Table / expanded: how NULL prints (psql's `\pset null`, empty by default).
    public var nullDisplay = ""
    /// Table / expanded: rows read before the column widths are fixed; later rows stream at
    /// those widths (a wider value pushes its line out, nothing is cut).
    public var sizingRows = 1000
    /// Table / expanded at a terminal: its width in columns. Set, the table is fitted to it
    /// (cells cut with `…`, middle columns dropped) and values are shown for people (see
    /// `OutputColumn.display`); nil (files, pipes, `-o`) prints every value whole and exact.
    public var terminalWidth: Int?
    /// Table at a terminal: switch to expanded output when the table would lose columns.
    public var expandedAuto = false
    /// The chart the query ends with (`| chart bar`): drawn after the table at a terminal
    /// and in the HTML report; the data formats ignore it.
    public var chart: ChartSpec?

    public init(decimalsAsNumbers: Bool = false, nullDisplay: String = "", sizingRows: Int = 1000,
                terminalWidth: Int? = nil, expandedAuto: Bool = false, chart: ChartSpec? = nil) {
        self.decimalsAsNumbers = decimalsAsNumbers
        self.nullDisplay = nullDisplay
        self.sizingRows = sizingRows
        self.terminalWidth = terminalWidth
        self.expandedAuto = expandedAuto
        self.chart = chart
    }
}

/// The writer for a format.
public func makeWriter(_ format: OutputFormat, to sink: OutputSink, options: OutputOptions = OutputOptions()) -> ResultWriter {
    let chartsAtTerminal = options.chart != nil && options.terminalWidth != nil
    switch format {
    case .table where chartsAtTerminal: return ChartingWriter(table: TableWriter(sink: sink, options: options), sink: sink, options: options)
    case .expanded where chartsAtTerminal: return ChartingWriter(table: ExpandedWriter(sink: sink, options: options), sink: sink, options: options)
    default: break
    }
    return switch format {
    case .table: TableWriter(sink: sink, options: options)
    case .expanded: ExpandedWriter(sink: sink, options: options)
    case .html: HTMLReport.singleResultWriter(to: sink, options: options)
    case .csv: CSVWriter(sink: sink)
    case .json: JSONWriter(sink: sink, options: options, lines: false)
    case .ndjson: JSONWriter(sink: sink, options: options, lines: true)
    case .markdown: MarkdownWriter(sink: sink)
    }
}

/// PostgreSQL type OIDs the writers treat specially.
public enum PostgresType {
    public static let bool: UInt32 = 16
    public static let int8: UInt32 = 20
    public static let int2: UInt32 = 21
    public static let int4: UInt32 = 23
    public static let text: UInt32 = 25
    public static let oid: UInt32 = 26
    public static let json: UInt32 = 114
    public static let float4: UInt32 = 700
    public static let float8: UInt32 = 701
    public static let money: UInt32 = 790
    public static let numeric: UInt32 = 1700
    public static let jsonb: UInt32 = 3802

    /// psql right-aligns these (print.c column_type_alignment).
    static func isRightAligned(_ type: UInt32) -> Bool {
        [int2, int4, int8, float4, float8, numeric, oid, 28 /* xid */, 5069 /* xid8 */, 29 /* cid */, money].contains(type)
    }
}
