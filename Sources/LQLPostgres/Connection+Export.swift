import LQLOutput
import LQLSQL

extension Column {
    public var outputColumn: OutputColumn { OutputColumn(name: name, typeOID: typeOID) }
}

extension Connection {
    /// Streams a statement's rows into a writer (table, csv, json, …): columns, then each row as
    /// it arrives, then `end()`. Nothing is accumulated, so memory stays flat for any row count.
    /// On an error (a cancel included) the writer is not ended; an `AtomicFileSink` behind it
    /// should then be discarded.
    @discardableResult
    public func export(_ sql: String, _ params: [String?] = [], types: [UInt32]? = nil,
                       to writer: ResultWriter) throws -> StreamSummary {
        let summary = try stream(sql, params, types: types,
                                 columns: { try writer.begin(columns: $0.map(\.outputColumn)) },
                                 row: { try writer.write(row: $0.values) })
        try writer.end()
        return summary
    }
}

extension TenantTransaction {
    /// `Connection.export` for a compiled statement, `$1` being the tenant.
    @discardableResult
    public func export(_ statement: SQLStatement, to writer: ResultWriter) throws -> StreamSummary {
        let (values, types) = arguments(for: statement)
        return try connection.export(statement.text, values, types: types, to: writer)
    }
}
