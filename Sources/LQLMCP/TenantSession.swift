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

    /// Whether the scope writes the audit records of what it runs (`lql mcp` sets its hook);
    /// the server then writes none of its own for a run that reached the scope.
    var scopeAudits: Bool { scope.onStatement != nil }

    /// `query`: the LQL `statement` was compiled from, for the scope's audit record, which
    /// carries `queryID` as the SQL's tag does. `reachedScope` is set once the statement is sent.
    func run(_ statement: SQLStatement, query: String, limit: Int, queryID: String, reachedScope: inout Bool) throws -> Rows {
        lock.lock()
        defer { lock.unlock() }
        _ = try connection.reconnectIfNeeded()
        let audited = scopeAudits
        // Without the scope's hook (a test's session), the tag is still sent.
        var tagged = statement
        if !audited { tagged.text = AuditLog.tagged(statement.text, queryID: queryID) }
        return try scope.withTenant(tenant, on: connection, source: ScopeSource(text: query, origin: "mcp", queryID: queryID)) { tx in
            reachedScope = audited
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
