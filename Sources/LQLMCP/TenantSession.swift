import Foundation
import LQL
import LQLOutput
import LQLPostgres
import LQLTenancy
import LQLAudit
import LQLSystem
import MCP

/// The one connection and tenant a server was started with, and the run path of `lql run`:
/// the compiled statement, tagged with its query id, in one `READ ONLY, REPEATABLE READ`
/// transaction scoped to the tenant (`TenantScope.withTenant`), its rows streamed in single-row
/// mode and cut at the row cap. Calls take turns: a libpq connection serves one statement at a
/// time, and the SDK handles requests concurrently.
public final class TenantSession: @unchecked Sendable {
    let connection: Connection
    let scope: TenantScope
    public let tenant: Tenant
    let lock = NSLock()

    /// `tenant` was resolved once, before the server started (an unknown one never serves).
    public init(connection: Connection, scope: TenantScope, tenant: Tenant) {
        self.connection = connection
        self.scope = scope
        self.tenant = tenant
    }

    public var databaseRole: String { connection.user }

    /// Rows of one statement, at most `limit`; `truncated` when the statement had more.
    struct Rows {
        var columns: [Column]
        var rows: [[String?]]
        var truncated: Bool
    }

    func run(_ statement: SQLStatement, limit: Int, queryID: String) throws -> Rows {
        lock.lock()
        defer { lock.unlock() }
        _ = try connection.reconnectIfNeeded()
        var tagged = statement
        tagged.text = AuditLog.tagged(statement.text, queryID: queryID)
        return try scope.withTenant(tenant, on: connection) { tx in
            let stream = try tx.query(tagged)
            defer { stream.close() }
            var rows: [[String?]] = []
            rows.reserveCapacity(min(limit, 256))
            var truncated = false
            while let row = try stream.next() {
                if rows.count == limit {
                    truncated = true
                    break
                }
                rows.append(row.values)
            }
            return Rows(columns: stream.columns, rows: rows, truncated: truncated)
        }
    }
}
