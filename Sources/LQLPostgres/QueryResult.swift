import CLibPQ

/// Owns one PGresult and clears it in `deinit`.
final class ResultHandle {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { PQclear(pointer) }
}

/// A result column as the server describes it.
public struct Column: Sendable, Hashable {
    public var name: String
    /// The type's OID (`pg_type.oid`): 23 int4, 1700 numeric, 3802 jsonb, …
    public var typeOID: UInt32
    /// The type modifier (`numeric(12,2)`, `varchar(n)`), -1 when none.
    public var typeModifier: Int32
    /// The table the column comes from (0 when computed) and its attribute number.
    public var tableOID: UInt32
    public var tableColumn: Int32

    public init(name: String, typeOID: UInt32, typeModifier: Int32 = -1, tableOID: UInt32 = 0, tableColumn: Int32 = 0) {
        self.name = name
        self.typeOID = typeOID
        self.typeModifier = typeModifier
        self.tableOID = tableOID
        self.tableColumn = tableColumn
    }

    static func columns(of result: OpaquePointer) -> [Column] {
        (0..<PQnfields(result)).map { i in
            Column(name: PQfname(result, i).map { String(cString: $0) } ?? "?column?",
                   typeOID: UInt32(PQftype(result, i)),
                   typeModifier: PQfmod(result, i),
                   tableOID: UInt32(PQftable(result, i)),
                   tableColumn: PQftablecol(result, i))
        }
    }
}

/// One row of a result, values in PostgreSQL's text form (nil is SQL NULL).
public struct Row {
    let handle: ResultHandle
    let index: Int32
    public let count: Int

    init(handle: ResultHandle, index: Int32) {
        self.handle = handle
        self.index = index
        self.count = Int(PQnfields(handle.pointer))
    }

    public func isNull(_ column: Int) -> Bool {
        PQgetisnull(handle.pointer, index, Int32(column)) != 0
    }

    public subscript(column: Int) -> String? {
        guard !isNull(column), let p = PQgetvalue(handle.pointer, index, Int32(column)) else { return nil }
        return String(cString: p)
    }

    /// All values; a plain loop because it runs once per streamed row.
    public var values: [String?] {
        var out: [String?] = []
        out.reserveCapacity(count)
        let result = handle.pointer
        var i: Int32 = 0
        while i < Int32(count) {
            if PQgetisnull(result, index, i) != 0 {
                out.append(nil)
            } else {
                out.append(PQgetvalue(result, index, i).map { String(cString: $0) })
            }
            i += 1
        }
        return out
    }

    /// The raw UTF-8 bytes of a value without making a String (nil for NULL); valid only inside `body`.
    public func withValueBytes<R>(_ column: Int, _ body: (UnsafeRawBufferPointer?) throws -> R) rethrows -> R {
        guard !isNull(column), let p = PQgetvalue(handle.pointer, index, Int32(column)) else { return try body(nil) }
        let length = Int(PQgetlength(handle.pointer, index, Int32(column)))
        return try body(UnsafeRawBufferPointer(start: p, count: length))
    }
}

/// A complete result held in memory: for small statements (tenant lookup, BEGIN, status).
/// Use `Connection.stream` for anything that can be large.
public final class QueryResult {
    let handle: ResultHandle
    public let columns: [Column]
    public let rowCount: Int
    /// `SELECT 3`, `BEGIN`, …
    public let commandTag: String

    init(handle: ResultHandle) {
        self.handle = handle
        columns = Column.columns(of: handle.pointer)
        rowCount = Int(PQntuples(handle.pointer))
        commandTag = PQcmdStatus(handle.pointer).map { String(cString: $0) } ?? ""
    }

    public func row(_ index: Int) -> Row { Row(handle: handle, index: Int32(index)) }

    public subscript(row: Int, column: Int) -> String? { self.row(row)[column] }

    public var rows: [[String?]] { (0..<rowCount).map { row($0).values } }

    /// The first column of the first row, for one-value queries.
    public var scalar: String? { rowCount > 0 && !columns.isEmpty ? self[0, 0] : nil }
}
