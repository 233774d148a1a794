import LQLPostgres
import LQLSystem
import LQLSchema

/// What the schema-per-tenant scope needs to know about the database, from the Prisma schema
/// and its migrations directory. Every name here comes from the schema, never from the user.
public struct SchemaPerTenantLayout: Sendable, Hashable {
    /// Tenant schemas are `prefix + slug` (`tenant_acme`); a registry value without it is refused.
    public var schemaPrefix: String
    /// The registry, e.g. `public.tenants`, and its id, slug and schema-name columns (the last
    /// optional: without it the schema is `prefix + slug`).
    public var registrySchema: String
    public var registryTable: String
    public var idColumn: String
    public var slugColumn: String
    public var schemaColumn: String?
    /// Tables every tenant schema must have (the per-tenant models).
    public var requiredTables: [String]
    /// Migrations every tenant schema's `_prisma_migrations` must have finished (those in the
    /// migrations directory beside the schema); empty = not checked.
    public var requiredMigrations: [String]

    public init(schemaPrefix: String = "tenant_", registrySchema: String = "public", registryTable: String = "tenants",
                idColumn: String = "id", slugColumn: String = "slug", schemaColumn: String? = "schema_name",
                requiredTables: [String] = [], requiredMigrations: [String] = []) {
        self.schemaPrefix = schemaPrefix
        self.registrySchema = registrySchema
        self.registryTable = registryTable
        self.idColumn = idColumn
        self.slugColumn = slugColumn
        self.schemaColumn = schemaColumn
        self.requiredTables = requiredTables
        self.requiredMigrations = requiredMigrations
    }

    /// Prisma's migration history table, kept in each tenant schema.
    public static let historyTable = "_prisma_migrations"
}

extension TenancyStrategy {
    /// The schema-per-tenant style: `search_path` = the tenant's schema, as the registry records it,
    /// validated (a plain identifier with the tenant prefix, and — inside the transaction — an
    /// existing schema with every table and migration) and quoted as an identifier inside the
    /// bind value. `pg_temp` goes last so no temporary table can stand in for a tenant table.
    public static func schemaPerTenant(_ layout: SchemaPerTenantLayout) -> TenancyStrategy {
        let registry = quoteIdentifier(layout.registrySchema) + "." + quoteIdentifier(layout.registryTable)
        let id = quoteIdentifier(layout.idColumn), slug = quoteIdentifier(layout.slugColumn)
        let schemaColumn = layout.schemaColumn.map { ", " + quoteIdentifier($0) } ?? ""
        return TenancyStrategy(
            name: "schema",
            resolveSQL: "SELECT \(id), \(slug)\(schemaColumn) FROM \(registry) WHERE \(slug) = $1 OR \(id) = $1",
            listSlugsSQL: "SELECT \(slug) FROM \(registry) ORDER BY \(slug) LIMIT 10000",
            settingName: "search_path",
            settingValue: { tenant in quoteIdentifier(try schemaName(of: tenant, layout: layout)) + ", pg_temp" },
            verify: { tenant, connection in try verifySchema(of: tenant, layout: layout, on: connection) })
    }

    /// Kept for callers that only know the prefix: no registry schema column, nothing required.
    public static func schemaPerTenant(prefix: String = "tenant_") -> TenancyStrategy {
        schemaPerTenant(SchemaPerTenantLayout(schemaPrefix: prefix, schemaColumn: nil))
    }

    static func schemaName(of tenant: Tenant, layout: SchemaPerTenantLayout) throws -> String {
        let schema = tenant.schemaName ?? layout.schemaPrefix + tenant.slug.replacingAll("-", with: "_")
        let plain = !schema.isEmpty && schema.utf8.count <= 63
            && schema.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            && !("0"..."9").contains(schema.unicodeScalars.first!)
        guard plain, schema.hasPrefix(layout.schemaPrefix), schema.count > layout.schemaPrefix.count else {
            throw TenantError.invalidScope(tenant: tenant.slug,
                reason: "`\(schema)` is not a tenant schema name (`\(layout.schemaPrefix)` + lowercase letters, digits and _)")
        }
        return schema
    }

    /// Inside the scoped transaction: the schema exists, holds every required table, and its
    /// history has every required migration. Catalog lookups take the names as binds; the history
    /// is read unqualified, i.e. through the search_path just set.
    static func verifySchema(of tenant: Tenant, layout: SchemaPerTenantLayout, on connection: Connection) throws {
        let schema = try schemaName(of: tenant, layout: layout)
        func notReady(_ problem: String) -> TenantError { .schemaNotReady(tenant: tenant.slug, schema: schema, problem: problem) }
        let tables = layout.requiredTables + (layout.requiredMigrations.isEmpty ? [] : [SchemaPerTenantLayout.historyTable])
        let found = try connection.execute("""
            SELECT n.nspname, c.relname FROM pg_catalog.pg_namespace n
            LEFT JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                AND c.relname = ANY ($2::text[])
            WHERE n.nspname = $1
            """, [schema, arrayLiteral(tables)])
        guard found.rowCount > 0 else { throw notReady("does not exist") }
        let present = Set(found.rows.compactMap { $0[1] })
        let missingTables = tables.filter { !present.contains($0) }
        if !missingTables.isEmpty {
            let migrations = missingTables.contains(SchemaPerTenantLayout.historyTable) ? " (it has never been migrated)" : ""
            throw notReady("has no table \(missingTables.map { "`\($0)`" }.joined(separator: ", "))\(migrations)")
        }
        guard !layout.requiredMigrations.isEmpty else { return }
        let applied = Set(try connection.execute("""
            SELECT migration_name FROM \(quoteIdentifier(SchemaPerTenantLayout.historyTable))
            WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
            """).rows.compactMap { $0[0] })
        let missing = layout.requiredMigrations.filter { !applied.contains($0) }
        if !missing.isEmpty {
            throw notReady("lags behind in migrations: \(missing.map { "`\($0)`" }.joined(separator: ", ")) not applied")
        }
    }
}

/// `"name"` with embedded quotes doubled: identifiers from the schema, never user text.
public func quoteIdentifier(_ name: String) -> String {
    "\"" + name.replacingAll("\"", with: "\"\"") + "\""
}

/// A PostgreSQL text[] literal (`{"a","b"}`) for a bind value.
public func arrayLiteral(_ items: [String]) -> String {
    "{" + items.map { "\"" + $0.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\"" }
        .joined(separator: ",") + "}"
}

extension SchemaPerTenantLayout {
    /// From the catalog: the registry is the tenant model's table, the required tables are the
    /// per-tenant models', the required migrations those of `migrationsDirectory` (Prisma keeps
    /// `migrations/` beside `schema.prisma`), if given.
    public init(catalog: Catalog, tenancy s: SchemaTenancy, migrationsDirectory: String?) {
        let root = catalog.model(named: s.tenantModel)
        func column(_ field: String) -> String? { root?.field(named: field)?.columnName }
        self.init(
            schemaPrefix: s.schemaPrefix,
            registrySchema: root?.schemaName ?? s.sharedSchema,
            registryTable: root?.tableName ?? "tenants",
            idColumn: column("id") ?? "id", slugColumn: column("slug") ?? "slug", schemaColumn: column("schemaName"),
            requiredTables: catalog.models.filter { $0.isTenantScoped && !$0.isView && $0.schemaName == s.tenantSchemaTemplate }.map(\.tableName),
            requiredMigrations: migrationsDirectory.map(PrismaMigrations.names(in:)) ?? [])
    }

    /// `migrations/` beside a schema file.
    public static func migrationsDirectory(besideSchema schemaPath: String) -> String {
        FilePath.join(FilePath.parent(schemaPath), "migrations")
    }
}
