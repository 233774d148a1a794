/// A result column as the writers need it: its name and PostgreSQL type OID.
public struct OutputColumn: Sendable, Hashable {
    public var name: String
    public var typeOID: UInt32

    public init(name: String, typeOID: UInt32) {
        self.name = name
        self.typeOID = typeOID
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
    case table, expanded, csv, json, ndjson, markdown
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

    public init(decimalsAsNumbers: Bool = false, nullDisplay: String = "", sizingRows: Int = 1000) {
        self.decimalsAsNumbers = decimalsAsNumbers
        self.nullDisplay = nullDisplay
        self.sizingRows = sizingRows
    }
}

/// The writer for a format.
public func makeWriter(_ format: OutputFormat, to sink: OutputSink, options: OutputOptions = OutputOptions()) -> ResultWriter {
    switch format {
    case .table: TableWriter(sink: sink, options: options)
    case .expanded: ExpandedWriter(sink: sink, options: options)
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
