import LQLPostgres
import LQLSystem
import LQLDiagnostics
import LQLSQL

/// A tenant as the `tenants` table knows it.
public struct Tenant: Sendable, Hashable {
    public var id: String
    public var slug: String
    /// The tenant's schema as the registry records it (schema-per-tenant style), if it does.
    public var schemaName: String?

    public init(id: String, slug: String, schemaName: String? = nil) {
        self.id = id
        self.slug = slug
        self.schemaName = schemaName
    }
}

public enum TenantError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No tenant was given (empty or blank); refused before any query.
    case blank
    /// No tenant has this slug or id; `similar` are close slugs the role can see.
    case unknown(given: String, similar: [String])
    /// The strategy could not turn the tenant into a scope value (e.g. an invalid schema name).
    case invalidScope(tenant: String, reason: String)
    /// The tenant's schema is missing, lacks a table, or lags behind in migrations.
    case schemaNotReady(tenant: String, schema: String, problem: String)

    public var description: String {
        switch self {
        case .blank:
            return "no tenant given: pass --tenant SLUG, or set LQL_TENANT or DEFAULT_TENANT_SLUG"
        case .unknown(let given, let similar):
            let base = "no tenant with slug or id `\(given)`"
            return similar.isEmpty ? base : base + "; did you mean \(Suggestions.quotedList(similar))?"
        case .invalidScope(let tenant, let reason):
            return "cannot scope to tenant `\(tenant)`: \(reason)"
        case .schemaNotReady(let tenant, let schema, let problem):
            return "tenant `\(tenant)`: schema `\(schema)` \(problem)"
        }
    }
}

/// How a tenant is found and how a transaction is scoped to it. The scope is always set with
/// `set_config(name, value, true)` — transaction-local, so nothing leaks to the next client of
/// a transaction-mode pooler — and both name and value are binds.
public struct TenancyStrategy: Sendable {
    public var name: String
    /// Returns `id, slug` (and, for the schema style, the schema name) for `$1` matching either.
    public var resolveSQL: String
    /// Every slug the role can see, for "did you mean".
    public var listSlugsSQL: String
    /// The setting `set_config` sets: `app.current_tenant_id`, or `search_path`.
    public var settingName: String
    /// The setting's value for a tenant; throws `TenantError.invalidScope` when it cannot be made.
    public var settingValue: @Sendable (Tenant) throws -> String
    /// Runs inside the scoped transaction before the caller's statements; throws
    /// `TenantError.schemaNotReady` when the tenant's data cannot be queried as the schema says.
    public var verify: (@Sendable (Tenant, Connection) throws -> Void)?

    public init(name: String, resolveSQL: String = TenancyStrategy.defaultResolveSQL,
                listSlugsSQL: String = TenancyStrategy.defaultListSlugsSQL,
                settingName: String, settingValue: @escaping @Sendable (Tenant) throws -> String,
                verify: (@Sendable (Tenant, Connection) throws -> Void)? = nil) {
        self.name = name
        self.resolveSQL = resolveSQL
        self.listSlugsSQL = listSlugsSQL
        self.settingName = settingName
        self.settingValue = settingValue
        self.verify = verify
    }

    public static let defaultResolveSQL = "SELECT id, slug FROM tenants WHERE slug = $1 OR id = $1"
    public static let defaultListSlugsSQL = "SELECT slug FROM tenants ORDER BY slug LIMIT 10000"

    /// The Leora style: row-level security keyed on `app.current_tenant_id` = the tenant's id.
    public static let rowLevelSecurity = TenancyStrategy(name: "rls", settingName: "app.current_tenant_id") { $0.id }
}

/// The Leora app's `withTenant(tenantId, tx => …)`: resolve the tenant, then one read-only,
/// repeatable-read transaction scoped to it, in which every statement of a run sees one snapshot.
///
/// ```swift
/// let scope = TenantScope(statementTimeoutMilliseconds: 30_000)
/// try scope.withTenant("well-crafted", on: db) { tx in
///     try tx.stream(statement, columns: { … }, row: { … })
/// }
/// ```
public struct TenantScope: Sendable {
    public var strategy: TenancyStrategy
    /// `statement_timeout` for the transaction (set with `set_config(…, true)`, i.e. SET LOCAL).
    public var statementTimeoutMilliseconds: Int?

    public init(strategy: TenancyStrategy = .rowLevelSecurity, statementTimeoutMilliseconds: Int? = nil) {
        self.strategy = strategy
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
    }

    static let textOID: UInt32 = 25

    /// Finds the tenant by slug or id. A blank name is refused without touching the database.
    public func resolve(_ given: String, on connection: Connection) throws -> Tenant {
        let name = given.trimmingWhitespaceAndNewlines()
        guard !name.isEmpty else { throw TenantError.blank }
        let result = try connection.execute(strategy.resolveSQL, [name], types: [TenantScope.textOID])
        if result.rowCount > 0, let id = result[0, 0] {
            return Tenant(id: id, slug: result[0, 1] ?? id, schemaName: result.columns.count > 2 ? result[0, 2] : nil)
        }
        let slugs = (try? connection.execute(strategy.listSlugsSQL).rows.compactMap { $0.first ?? nil }) ?? []
        throw TenantError.unknown(given: name, similar: Suggestions.closest(to: name, among: slugs))
    }

    /// Resolves `given`, then runs `body` in the tenant's transaction.
    public func withTenant<T>(_ given: String, on connection: Connection,
                              _ body: (TenantTransaction) throws -> T) throws -> T {
        let tenant = try resolve(given, on: connection)
        return try withTenant(tenant, on: connection, body)
    }

    /// Runs `body` in one `REPEATABLE READ, READ ONLY` transaction scoped to `tenant`: COMMIT
    /// when it returns, ROLLBACK when it throws (a cancel included).
    public func withTenant<T>(_ tenant: Tenant, on connection: Connection,
                              _ body: (TenantTransaction) throws -> T) throws -> T {
        let value = try strategy.settingValue(tenant)
        guard connection.transactionStatus == .idle else {
            throw PostgresError(kind: .client, message: "a tenant scope cannot start inside an open transaction")
        }
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        do {
            try connection.execute("SELECT set_config($1, $2, true)", [strategy.settingName, value],
                                   types: [TenantScope.textOID, TenantScope.textOID])
            try strategy.verify?(tenant, connection)
            if let ms = statementTimeoutMilliseconds {
                try connection.execute("SELECT set_config('statement_timeout', $1, true)", [String(ms)],
                                       types: [TenantScope.textOID])
            }
            let result = try body(TenantTransaction(tenant: tenant, connection: connection))
            try connection.execute("COMMIT")
            return result
        } catch {
            rollback(connection)
            throw error
        }
    }

    private func rollback(_ connection: Connection) {
        // A lost connection has no transaction left to roll back; the original error matters.
        guard connection.isConnected, connection.transactionStatus != .idle else { return }
        _ = try? connection.execute("ROLLBACK")
    }
}

/// The handle `withTenant` gives its body: the connection inside the scoped transaction.
public struct TenantTransaction {
    public let tenant: Tenant
    public let connection: Connection

    /// The binds of a compiled statement with `$1` = the tenant id (typed text, so a statement
    /// that does not mention `$1`, as in the schema style, still has a known parameter type).
    public func arguments(for statement: SQLStatement) -> (values: [String?], types: [UInt32]) {
        let types: [UInt32] = statement.binds.map { if case .tenant = $0 { TenantScope.textOID } else { 0 } }
        return (statement.parameterValues(tenant: tenant.id), types)
    }

    @discardableResult
    public func execute(_ statement: SQLStatement) throws -> QueryResult {
        let (values, types) = arguments(for: statement)
        return try connection.execute(statement.text, values, types: types)
    }

    public func query(_ statement: SQLStatement) throws -> RowStream {
        let (values, types) = arguments(for: statement)
        return try connection.query(statement.text, values, types: types)
    }

    @discardableResult
    public func stream(_ statement: SQLStatement, columns: ([Column]) throws -> Void,
                       row: (Row) throws -> Void) throws -> StreamSummary {
        let (values, types) = arguments(for: statement)
        return try connection.stream(statement.text, values, types: types, columns: columns, row: row)
    }
}
