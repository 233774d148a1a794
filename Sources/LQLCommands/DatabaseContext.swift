import LQL
import LQLPostgres
import LQLTenancy
import LQLOutput
import LQLSystem

/// Connection, tenant and scope for commands that run queries, resolved from options and the
/// environment in product.md's order.
struct DatabaseContext {
    let connection: Connection
    let tenant: String
    let scope: TenantScope

    init(options: ConnectionOptions, catalog: Catalog, schemaPath: String?, environment: CommandEnvironment) throws {
        let given = options.tenant ?? environment["LQL_TENANT"] ?? environment["DEFAULT_TENANT_SLUG"] ?? ""
        // Refused before any connection, as the Leora app refuses a request with no tenant.
        if given.trimmingWhitespaceAndNewlines().isEmpty {
            throw CommandFailure(.noSuchTenant, "lql: \(TenantError.blank)")
        }
        do {
            connection = try Connection(options.db ?? environment["DATABASE_URL"])
        } catch let error as PostgresError {
            throw CommandFailure(.serverError, "lql: cannot connect: \(error)")
        }
        connection.verboseErrors = options.verbose
        tenant = given
        let timeout = options.timeout.map { Int(($0 * 1000).rounded()) }
        scope = TenantScope(strategy: DatabaseContext.strategy(for: catalog, schemaPath: schemaPath),
                            statementTimeoutMilliseconds: timeout)
    }

    static func strategy(for catalog: Catalog, schemaPath: String?) -> TenancyStrategy {
        switch catalog.tenancy {
        case .schemaPerTenant(let s): .schemaPerTenant(layout(catalog, s, schemaPath: schemaPath))
        case .rowLevel, .none: .rowLevelSecurity
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
        case let p as PostgresError: CommandFailure(.serverError, "lql: \(p.isQueryCanceled ? "cancelled: " : "")\(p.fullDescription)")
        case let o as OutputError: CommandFailure(.serverError, "lql: writing the output failed: \(o)")
        default: CommandFailure(.serverError, "lql: \(error)")
        }
    }
}
