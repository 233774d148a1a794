import LQL
import LQLAudit
import LQLPostgres
import LQLTenancy
import LQLOutput
import LQLSystem
import Synchronization

/// Connection, tenant and scope for commands that run queries, resolved from options and the
/// environment in product.md's order.
struct DatabaseContext {
    let connection: Connection
    let tenant: String
    let scope: TenantScope

    init(options: ConnectionOptions, catalog: Catalog, schemaPath: String?, environment: CommandEnvironment,
         allowsNoTenant: Bool = false, applicationName: String = "lql",
         allowUnscoped: Bool = false, defaultTenant: String? = nil, suggestsTenants: Bool = false) throws {
        let unscoped = catalog.tenancy == .none
        // A tenant-aware tool that finds no tenancy would read every tenant's rows: refused
        // unless the user says the database holds no tenants (`--tenancy none`).
        if unscoped && !allowUnscoped {
            throw CommandFailure(.usage, "lql: no tenancy found in \(schemaPath ?? "the schema"), so every query would read all tenants' rows; "
                + "name the tenancy root in lql.toml ([tenancy] model = \"Team\"; `lql init` proposes one), "
                + "or pass --tenancy none (style = \"none\") if the database really holds a single tenant")
        }
        let given = options.tenant ?? environment["LQL_TENANT"] ?? environment["DEFAULT_TENANT_SLUG"] ?? defaultTenant ?? ""
        // Refused before any connection, as the Leora app refuses a request with no tenant
        // (the prompt at a terminal opens in its "no tenant" state instead).
        if !unscoped && given.trimmingWhitespaceAndNewlines().isEmpty && !allowsNoTenant {
            throw CommandFailure(.noSuchTenant, "lql: \(TenantError.blank)")
        }
        do {
            // application_name tells lql's sessions apart in pg_stat_activity (a URL's or
            // PGAPPNAME's own name wins, as libpq's fallback_application_name does).
            connection = try Connection(options.db ?? environment["DATABASE_URL"], applicationName: applicationName)
        } catch let error as PostgresError {
            throw CommandFailure(.serverError, "lql: cannot connect: \(error)")
        }
        connection.verboseErrors = options.verbose
        tenant = given
        let timeout = options.timeoutMilliseconds
        var scope = TenantScope(strategy: DatabaseContext.strategy(for: catalog, schemaPath: schemaPath),
                                statementTimeoutMilliseconds: timeout,
                                timeZone: try TimeZoneChoice.resolve(options.timeZone ?? environment["LQL_TIME_ZONE"], catalog: catalog))
        // "did you mean" names other tenants' slugs: only where the caller says so (the prompt
        // at a terminal, or lql.toml's `[tenancy] suggest_tenants = true`).
        scope.suggestsTenants = suggestsTenants
        if !options.quiet {
            scope.rowSecurityTables = catalog.models.filter { $0.isTenantScoped && !$0.isView }
                .map { quoteIdentifier($0.schemaName ?? "public") + "." + quoteIdentifier($0.tableName) }
            scope.onRowSecurityBypass = { DatabaseContext.warnOnce("lql: warning: \($0)") }
        }
        // Every statement run in this scope, by any path (the prompt, `\i`, stdin, run, -e, mcp),
        // is written to the audit log from the scope itself.
        scope.onStatement = AuditLog(path: AuditLog.defaultPath(environment: environment.variables)).recorder()
        self.scope = scope
    }

    private static let warned = Atomic<Bool>(false)

    /// Once per process: the prompt scopes every query, and one warning says it.
    static func warnOnce(_ message: String) {
        guard warned.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
        StandardStreams.error(message)
    }

    static func strategy(for catalog: Catalog, schemaPath: String?) -> TenancyStrategy {
        switch catalog.tenancy {
        case .schemaPerTenant(let s): .schemaPerTenant(layout(catalog, s, schemaPath: schemaPath))
        case .rowLevel(let r): .rowLevel(r, catalog: catalog)
        case .none: .unscoped
        }
    }

    static func layout(_ catalog: Catalog, _ s: SchemaTenancy, schemaPath: String?) -> SchemaPerTenantLayout {
        SchemaPerTenantLayout(catalog: catalog, tenancy: s,
                              migrationsDirectory: schemaPath.map(SchemaPerTenantLayout.migrationsDirectory(besideSchema:)))
    }

    /// Maps execution errors to lql's exit statuses and one-line messages.
    static func failure(for error: Error) -> CommandFailure {
        switch error {
        case let f as CommandFailure: f
        case let t as TenantError: CommandFailure(.noSuchTenant, "lql: \(t)")
        case let z as TimeZoneError: CommandFailure(.usage, "lql: \(z)")
        case let p as PostgresError: CommandFailure(.serverError, "lql: \(p.isQueryCanceled ? "cancelled: " : "")\(p.fullDescription)")
        case let o as OutputError: CommandFailure(.serverError, "lql: writing the output failed: \(o)")
        default: CommandFailure(.serverError, "lql: \(error)")
        }
    }
}
