import LQLPostgres
import LQLSchema
import LQLTenancy

/// Examines a live database against a Prisma schema: tenant isolation (RLS enabled, forced and
/// sound policies), the connected role's powers, the server version, views that run with their
/// owner's rights, and drift between the schema and the tables. Every catalog query takes its
/// names as bind parameters.
public struct Doctor: Sendable {
    public let catalog: Catalog
    /// Servers below this `server_version_num` get the `server-rls-cves` warning.
    public var minimumServerVersion: Int

    /// Schema-per-tenant: the migrations every tenant schema must have (`migrations/` beside the
    /// Prisma schema), if known.
    public var migrationsDirectory: String?

    public init(catalog: Catalog, minimumServerVersion: Int = Doctor.minimumServerVersion, migrationsDirectory: String? = nil) {
        self.catalog = catalog
        self.minimumServerVersion = minimumServerVersion
        self.migrationsDirectory = migrationsDirectory
    }

    /// PostgreSQL 15.14 fixed the RLS CVEs of 2025 (CVE-2025-8713 and friends: policy bypass
    /// through planner statistics and inheritance).
    public static let minimumServerVersion = 150014

    public func examine(_ connection: Connection) throws -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        findings += checkServerVersion(connection)
        let tables = try tableLocations(connection)
        findings += try DriftCheck(catalog: catalog, connection: connection).run(tables: tables)
        findings += try RoleCheck(catalog: catalog, connection: connection).run(scopedTables: scopedTables(tables))
        if case .rowLevel(let tenancy) = catalog.tenancy {
            if tenancy.policySetting == nil {
                // Configured with no setting: there are no policies to check, and lql is the wall.
                findings.append(DoctorFinding(.warning, "no-row-level-security", tenancy.tenantModel,
                    "the app has no row-level security setting (lql.toml gives none): lql's own predicates are the only wall between tenants, "
                    + "and any other client of this database reads every tenant; the policies it would need follow as SQL to review"))
            } else {
                findings += try RLSCheck(tenancy: tenancy, catalog: catalog, connection: connection).run(tables: scopedTables(tables))
            }
        }
        findings += try tenantLookup(connection)?.run() ?? []
        if case .schemaPerTenant(let tenancy) = catalog.tenancy {
            let layout = SchemaPerTenantLayout(catalog: catalog, tenancy: tenancy, migrationsDirectory: migrationsDirectory)
            let schemas = try tenantSchemas(connection, prefix: tenancy.schemaPrefix)
            findings += try TenantSchemaCheck(layout: layout, connection: connection).run(tenantSchemas: schemas)
        }
        findings += try ViewCheck(catalog: catalog, connection: connection).run(schemas: schemasToInspect(connection))
        return findings
    }

    /// The policies an app without row-level security would need (nil when it has a setting or
    /// is not row-level): SQL to review, printed after the findings.
    public var proposedPolicies: String? {
        guard case .rowLevel(let tenancy) = catalog.tenancy, tenancy.policySetting == nil else { return nil }
        return PolicyProposal.sql(for: catalog)
    }

    /// The root's lookup (`--tenant VALUE`) as the tenancy strategy runs it.
    private func tenantLookup(_ connection: Connection) throws -> TenantLookupCheck? {
        switch catalog.tenancy {
        case .rowLevel(let r):
            guard let root = catalog.model(named: r.tenantModel) else { return nil }
            let named = r.lookupFields.compactMap { root.field(named: $0).flatMap { $0.isRelation ? nil : $0.columnName } }
            return TenantLookupCheck(schema: root.schemaName ?? "public", table: root.tableName, keyColumn: r.rootKeyColumn,
                                     lookupColumns: named.isEmpty ? [r.rootKeyColumn] : named,
                                     keyField: root.fields.first { !$0.isRelation && $0.columnName == r.rootKeyColumn }, connection: connection)
        case .schemaPerTenant(let s):
            let layout = SchemaPerTenantLayout(catalog: catalog, tenancy: s, migrationsDirectory: nil)
            let root = catalog.model(named: s.tenantModel)
            return TenantLookupCheck(schema: layout.registrySchema, table: layout.registryTable, keyColumn: layout.idColumn,
                                     lookupColumns: [layout.slugColumn, layout.idColumn],
                                     keyField: root?.fields.first { !$0.isRelation && $0.columnName == layout.idColumn }, connection: connection)
        case .none:
            return nil
        }
    }

    private func checkServerVersion(_ connection: Connection) -> [DoctorFinding] {
        let version = connection.serverVersionNumber
        guard version > 0, version < minimumServerVersion else { return [] }
        return [DoctorFinding(.warning, "server-rls-cves", "server",
                              "PostgreSQL \(connection.serverVersion) (\(version)) is older than \(minimumServerVersion); 15.14 fixed row-level security bypasses (CVE-2025-8713); upgrade the server")]
    }

    /// Where each model's table lives: its `@@schema`, or `public`; for schema-per-tenant
    /// tenancy, the per-tenant models are looked for in every existing tenant schema.
    func tableLocations(_ connection: Connection) throws -> [TableLocation] {
        var result: [TableLocation] = []
        var tenantSchemas: [String]? = nil
        for model in catalog.models {
            if case .schemaPerTenant(let s) = catalog.tenancy, model.isTenantScoped {
                if tenantSchemas == nil { tenantSchemas = try self.tenantSchemas(connection, prefix: s.schemaPrefix) }
                for schema in tenantSchemas ?? [] { result.append(TableLocation(model: model, schema: schema)) }
            } else {
                result.append(TableLocation(model: model, schema: model.schemaName ?? defaultSchema))
            }
        }
        return result
    }

    private func tenantSchemas(_ connection: Connection, prefix: String) throws -> [String] {
        try connection.execute("SELECT nspname FROM pg_catalog.pg_namespace WHERE starts_with(nspname, $1) ORDER BY nspname",
                               [prefix]).rows.compactMap { $0[0] }
    }

    private var defaultSchema: String {
        if case .schemaPerTenant(let s) = catalog.tenancy { return s.sharedSchema }
        return "public"
    }

    private func scopedTables(_ tables: [TableLocation]) -> [TableLocation] {
        tables.filter { $0.model.isTenantScoped && !$0.model.isView }
    }

    private func schemasToInspect(_ connection: Connection) throws -> [String] {
        var schemas = Set(catalog.models.compactMap(\.schemaName))
        schemas.insert(defaultSchema)
        schemas.formUnion(catalog.datasourceSchemas)
        return schemas.sorted()
    }
}

struct TableLocation: Sendable {
    var model: Model
    var schema: String
    /// `orders`, or `tenant_acme.orders` outside `public`.
    var displayName: String { schema == "public" ? model.tableName : "\(schema).\(model.tableName)" }
}
