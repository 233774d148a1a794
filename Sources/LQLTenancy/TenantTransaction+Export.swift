import LQLPostgres
import LQLSQL

extension TenantTransaction {
    /// `Connection.export` for a compiled statement, `$1` being the tenant.
    @discardableResult
    public func export(_ statement: SQLStatement, to receiver: RowReceiver) throws -> StreamSummary {
        let (values, types) = arguments(for: statement)
        return try connection.export(statement.text, values, types: types, to: receiver)
    }
}
