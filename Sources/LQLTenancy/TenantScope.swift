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
    /// More than one tenant matches (one's slug is another's id): refused, never picked by row
    /// order. `matches` are every tenant found, in the lookup's order.
    case ambiguous(given: String, matches: [Tenant])
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
        case .ambiguous(let given, let matches):
            let list = matches.map { "id `\(TenantScope.printable($0.id))` slug `\(TenantScope.printable($0.slug))`" }
            return "`\(given)` matches \(matches.count) tenants (\(list.joined(separator: "; "))): "
                + "name one by a value only it has; `lql doctor` shows the constraint that keeps slugs from looking like ids"
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
    /// The type `$1` (the tenant's key) is bound as: text, or uuid / int4 / int8 for a root
    /// keyed so, so the server never compares `uuid = text`.
    public var tenantTypeOID: UInt32 = TenantScope.textOID
    /// No tenant to find: the user chose `--tenancy none` (or `style = "none"`); statements run
    /// unscoped in the read-only transaction.
    public var isUnscoped = false

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

    /// Qualified: the lookup runs before the scope pins `search_path`, and a role's default or a
    /// pooled session's `pg_temp` must not decide which `tenants` is read.
    public static let defaultResolveSQL = "SELECT id, slug FROM public.tenants WHERE slug = $1 OR id = $1"
    public static let defaultListSlugsSQL = "SELECT slug FROM public.tenants ORDER BY slug LIMIT 10000"

    /// `search_path` inside the scope when the strategy's own setting is not it (row-level and
    /// unscoped styles): the schema unqualified models live in, then `pg_temp` last, so neither a
    /// role default, `PGOPTIONS`, URL options nor a temporary table decides which table is read.
    /// nil leaves it to the setting (the schema style sets `search_path` itself).
    public var searchPath: String? = TenancyStrategy.publicSearchPath
    public static let publicSearchPath = "\"public\", pg_temp"

    /// Whether the tenant's rows are walled off by row-level security (so a role it does not
    /// apply to deserves a warning), rather than by the setting itself (`search_path`).
    public var reliesOnRowSecurity = false

    /// The Leora style: row-level security keyed on `app.current_tenant_id` = the tenant's id.
    public static let rowLevelSecurity: TenancyStrategy = {
        var strategy = TenancyStrategy(name: "rls", settingName: "app.current_tenant_id") { $0.id }
        strategy.reliesOnRowSecurity = true
        return strategy
    }()

    /// `--tenancy none`: no tenant, no setting, no lookup.
    public static let unscoped: TenancyStrategy = {
        var s = TenancyStrategy(name: "none", resolveSQL: "", listSlugsSQL: "", settingName: "") { _ in "" }
        s.isUnscoped = true
        return s
    }()
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
    /// The zone dates are read in (SessionTimeZone.swift); nil keeps the server's (UTC).
    public var timeZone: SessionTimeZone?
    /// An unknown tenant's error lists close slugs ("did you mean"). They are other tenants'
    /// names: the prompt keeps them for support staff; `lql.toml`'s `[tenancy] suggest_tenants`
    /// decides elsewhere, and `lql mcp` never suggests.
    public var suggestsTenants = true

    /// Told (once per scoped transaction) when row-level security does not apply to the
    /// connected role: a superuser, BYPASSRLS, or the owner of a table in `rowSecurityTables`
    /// that does not force it. Checked in the round trip that sets the tenant, and only when
    /// this is set and the strategy relies on row-level security.
    public var onRowSecurityBypass: (@Sendable (RowSecurityBypass) -> Void)?
    /// The tenant-scoped tables, as `"schema"."table"`, whose owner row-level security skips.
    public var rowSecurityTables: [String] = []
    /// The audit hook: told of every statement run through the scope's `TenantTransaction`, with
    /// the resolved tenant, when the scope ends (ScopeAudit.swift). While it is set, statements
    /// are sent tagged with the scope's query id.
    public var onStatement: (@Sendable (ScopedStatement) -> Void)?

    public init(strategy: TenancyStrategy = .rowLevelSecurity, statementTimeoutMilliseconds: Int? = nil,
                timeZone: SessionTimeZone? = nil) {
        self.strategy = strategy
        self.statementTimeoutMilliseconds = statementTimeoutMilliseconds
        self.timeZone = timeZone
    }

    public static let textOID: UInt32 = 25
    static let textArrayOID: UInt32 = 1009

    /// Sets `count` settings (names and values binds, transaction-local) and, with
    /// `inspectingRole`, says in the same round trip whether row-level security applies to the
    /// role: scalar subqueries, so the settings are made whatever they find. Everything is
    /// qualified with pg_catalog: the search_path is only pinned by this very statement.
    static func settingSQL(count: Int, inspectingRole: Bool) -> String {
        var columns = (0..<count).map { "pg_catalog.set_config($\(2 * $0 + 1), $\(2 * $0 + 2), true)" }
        if inspectingRole {
            let tables = "$\(2 * count + 1)::text[]"
            columns += ["current_user::text",
                        "(SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)",
                        "(SELECT r.rolbypassrls FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)",
                        """
                        (SELECT pg_catalog.string_agg(c.relname::text, ', ' ORDER BY c.relname) FROM pg_catalog.pg_class c
                         WHERE c.oid IN (SELECT pg_catalog.to_regclass(t) FROM pg_catalog.unnest(\(tables)) t)
                           AND NOT c.relforcerowsecurity AND pg_catalog.pg_has_role(current_user, c.relowner, 'USAGE'))
                        """]
        }
        return "SELECT " + columns.joined(separator: ", ")
    }

    /// Finds the tenant by slug or id. A blank name is refused without touching the database.
    public func resolve(_ given: String, on connection: Connection) throws -> Tenant {
        let name = given.trimmingWhitespaceAndNewlines()
        if strategy.isUnscoped { return Tenant(id: "", slug: name) }
        guard !name.isEmpty else { throw TenantError.blank }
        // No tenant can have a name PostgreSQL text cannot hold (a NUL, e.g. from `.env`): it is
        // "no such tenant", found without asking the server.
        guard !name.utf8.contains(0) else { throw TenantError.unknown(given: TenantScope.printable(name), similar: []) }
        let result: QueryResult
        do {
            result = try connection.execute(strategy.resolveSQL, [name], types: [TenantScope.textOID])
        } catch let error as PostgresError where error.sqlState?.hasPrefix("22") == true {
            // A data exception (a value the id column's type cannot even compare with): no such tenant.
            throw TenantError.unknown(given: TenantScope.printable(name), similar: [])
        }
        var matches: [Tenant] = []
        for row in result.rows {
            guard let id = row[0], !matches.contains(where: { $0.id == id }) else { continue }
            matches.append(Tenant(id: id, slug: row.count > 1 ? row[1] ?? id : id, schemaName: row.count > 2 ? row[2] : nil))
        }
        if matches.count > 1 {
            // Sorted for a message that does not depend on the physical row order either.
            throw TenantError.ambiguous(given: TenantScope.printable(name), matches: matches.sorted { $0.id < $1.id })
        }
        if let tenant = matches.first { return tenant }
        guard suggestsTenants else { throw TenantError.unknown(given: TenantScope.printable(name), similar: []) }
        let slugs = (try? connection.execute(strategy.listSlugsSQL).rows.compactMap { $0.first ?? nil }) ?? []
        throw TenantError.unknown(given: TenantScope.printable(name), similar: Self.similarSlugs(to: name, among: slugs))
    }

    /// Slugs close to a mistyped one: by edit distance, and by their start or a hyphenated part
    /// (`harbr` → `harbor-wines`: a slug is often typed by its first word).
    static func similarSlugs(to name: String, among slugs: [String]) -> [String] {
        var found = Suggestions.closest(to: name, among: slugs)
        let lowered = Array(name.lowercased())
        let threshold = max(1, min(2, lowered.count / 3))
        guard lowered.count <= 64 else { return found }
        for slug in slugs where !found.contains(slug) && found.count < 3 {
            let parts = slug.lowercased().split(separator: "-").map { Array($0) }
            let head = Array(slug.lowercased().prefix(lowered.count))
            let close = ([head] + parts).contains { Suggestions.distance(lowered, $0) <= threshold }
            if close && lowered.count >= 3 { found.append(slug) }
        }
        return found
    }

    /// `given` with control characters written as `\u{…}` and a long one cut to its head and
    /// tail, for a one-line message on a terminal.
    static func printable(_ given: String) -> String {
        let scalars = given.unicodeScalars
        if scalars.count > 120 {
            return printable(String(String.UnicodeScalarView(scalars.prefix(80)))) + "…"
                + printable(String(String.UnicodeScalarView(scalars.suffix(20))))
        }
        var out = ""
        for scalar in scalars {
            if scalar.properties.generalCategory == .control {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Resolves `given`, then runs `body` in the tenant's transaction.
    public func withTenant<T>(_ given: String, on connection: Connection, source: ScopeSource? = nil,
                              _ body: (TenantTransaction) throws -> T) throws -> T {
        let tenant = try resolve(given, on: connection)
        return try withTenant(tenant, on: connection, source: source, body)
    }

    /// Runs `body` in one `REPEATABLE READ, READ ONLY` transaction scoped to `tenant`: COMMIT
    /// when it returns, ROLLBACK when it throws (a cancel included). `source` is what the
    /// statements came from, for the audit hook.
    public func withTenant<T>(_ tenant: Tenant, on connection: Connection, source: ScopeSource? = nil,
                              _ body: (TenantTransaction) throws -> T) throws -> T {
        let ledger = onStatement.map { _ in StatementLedger(source: source ?? ScopeSource(text: "", origin: "unknown")) }
        defer { if let ledger, let onStatement { ledger.report(to: onStatement, tenant: tenant, role: connection.user, scopeError: nil) } }
        let value = try strategy.settingValue(tenant)
        guard connection.transactionStatus == .idle else {
            throw PostgresError(kind: .client, message: "a tenant scope cannot start inside an open transaction")
        }
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        do {
            // One round trip: the tenant's setting (none when the app has no policies to read
            // one), the pinned search_path and standard_conforming_strings, and — when asked —
            // whether row-level security applies to the role.
            var settings = strategy.settingName.isEmpty ? [] : [(strategy.settingName, value)]
            if let path = strategy.searchPath, strategy.settingName != "search_path" { settings.append(("search_path", path)) }
            settings.append(("standard_conforming_strings", "on"))
            let inspect = onRowSecurityBypass != nil && strategy.reliesOnRowSecurity
            let sql = TenantScope.settingSQL(count: settings.count, inspectingRole: inspect)
            var values = settings.flatMap { [$0.0, $0.1] }
            if inspect { values.append(arrayLiteral(rowSecurityTables)) }
            let types = Array(repeating: TenantScope.textOID, count: settings.count * 2) + (inspect ? [TenantScope.textArrayOID] : [])
            let set = try connection.execute(sql, values, types: types)
            if inspect, let report = onRowSecurityBypass {
                let c = settings.count
                if let bypass = RowSecurityBypass(role: set[0, c], superuser: set[0, c + 1], bypassRLS: set[0, c + 2], ownedTables: set[0, c + 3]) {
                    report(bypass)
                }
            }
            try strategy.verify?(tenant, connection)
            if let zone = timeZone { try apply(zone, tenant: tenant, on: connection) }
            if let ms = statementTimeoutMilliseconds {
                try connection.execute("SELECT set_config('statement_timeout', $1, true)", [String(ms)],
                                       types: [TenantScope.textOID])
            }
            var transaction = TenantTransaction(tenant: tenant, connection: connection, tenantTypeOID: strategy.tenantTypeOID)
            transaction.ledger = ledger
            let result = try body(transaction)
            try connection.execute("COMMIT")
            return result
        } catch {
            rollback(connection)
            if let ledger, let onStatement { ledger.report(to: onStatement, tenant: tenant, role: connection.user, scopeError: error) }
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
    /// The type `$1` is bound as (the root key's type).
    public var tenantTypeOID: UInt32 = TenantScope.textOID
    /// Set in an audited scope: every statement below goes through it (ScopeAudit.swift).
    var ledger: StatementLedger?

    /// The id the scope's statements are tagged with; nil when the scope is not audited.
    public var queryID: String? { ledger?.source.queryID }

    /// What the next statements were compiled from (`lql run a.lql b.lql`: each file's text in
    /// turn); the scope's origin and query id stay.
    public func attribute(toSource text: String) {
        ledger?.source.text = text
    }

    public init(tenant: Tenant, connection: Connection, tenantTypeOID: UInt32 = TenantScope.textOID) {
        self.tenant = tenant
        self.connection = connection
        self.tenantTypeOID = tenantTypeOID
    }

    /// The binds of a compiled statement with `$1` = the tenant id (typed text, so a statement
    /// that does not mention `$1`, as in the schema style, still has a known parameter type).
    public func arguments(for statement: SQLStatement) -> (values: [String?], types: [UInt32]) {
        let types: [UInt32] = statement.binds.map { if case .tenant = $0 { tenantTypeOID } else { 0 } }
        return (statement.parameterValues(tenant: tenant.id), types)
    }

    @discardableResult
    public func execute(_ statement: SQLStatement) throws -> QueryResult {
        try audited(statement, rows: \.rowCount) { sql in
            let (values, types) = arguments(for: sql)
            return try connection.execute(sql.text, values, types: types)
        }
    }

    public func query(_ statement: SQLStatement) throws -> RowStream {
        let send = { (sql: SQLStatement) throws -> RowStream in
            let (values, types) = arguments(for: sql)
            return try connection.query(sql.text, values, types: types)
        }
        guard let ledger else { return try send(statement) }
        return try ledger.runStreaming(statement, send)
    }

    @discardableResult
    public func stream(_ statement: SQLStatement, columns: ([Column]) throws -> Void,
                       row: (Row) throws -> Void) throws -> StreamSummary {
        try audited(statement, rows: \.rowCount) { sql in
            let (values, types) = arguments(for: sql)
            return try connection.stream(sql.text, values, types: types, columns: columns, row: row)
        }
    }

    /// `send` with the statement as it goes to the server: tagged and noted in an audited scope.
    func audited<T>(_ statement: SQLStatement, rows: (T) -> Int, _ send: (SQLStatement) throws -> T) throws -> T {
        guard let ledger else { return try send(statement) }
        return try ledger.run(statement, rows: rows, send)
    }
}

/// Why row-level security does not apply to the connected role (a superuser and BYPASSRLS skip
/// it; so does a table's owner unless the table forces it).
public struct RowSecurityBypass: Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case superuser
        case bypassRLS
        case owner(tables: String)
    }
    public var role: String
    public var reason: Reason

    public init(role: String, reason: Reason) {
        self.role = role
        self.reason = reason
    }

    /// From the inspection's columns (`t`/`f`, a comma-separated table list); nil when RLS applies.
    init?(role: String?, superuser: String?, bypassRLS: String?, ownedTables: String?) {
        let name = TenantScope.printable(role ?? "?")
        if superuser == "t" {
            self.init(role: name, reason: .superuser)
        } else if bypassRLS == "t" {
            self.init(role: name, reason: .bypassRLS)
        } else if let tables = ownedTables, !tables.isEmpty {
            self.init(role: name, reason: .owner(tables: TenantScope.printable(tables)))
        } else {
            return nil
        }
    }

    /// `connected as postgres, a superuser: row-level security does not apply; lql's own predicates are the only wall`
    public var description: String {
        let who = switch reason {
        case .superuser: "a superuser"
        case .bypassRLS: "a role with BYPASSRLS"
        case .owner(let tables): "the owner of \(tables) (row-level security not forced)"
        }
        return "connected as \(role), \(who): row-level security does not apply; lql's own predicates are the only wall"
    }
}
