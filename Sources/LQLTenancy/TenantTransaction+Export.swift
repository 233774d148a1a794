import LQLPostgres
import LQLSQL

extension TenantTransaction {
    /// `Connection.export` for a compiled statement, `$1` being the tenant.
    @discardableResult
    public func export(_ statement: SQLStatement, to receiver: RowReceiver) throws -> StreamSummary {
        try audited(statement, rows: \.rowCount) { sql in
            let (values, types) = arguments(for: sql)
            return try connection.export(sql.text, values, types: types, to: receiver)
        }
    }
}
