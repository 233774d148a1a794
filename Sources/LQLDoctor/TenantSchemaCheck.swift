import LQLPostgres
import LQLSchema
import LQLTenancy

/// Schema-per-tenant tenancy: the registry and the tenant schemas agree, every tenant schema has
/// the same migrations (each its own `_prisma_migrations`), only intended roles can read a tenant
/// schema, and no table in the shared schema carries a per-tenant table's name (an app whose
/// search_path falls back to `public` would read it whenever the tenant's table is missing).
/// Missing tables per schema are DriftCheck's. Names reach SQL text only as quoted identifiers
/// of schemas read from pg_namespace and filtered to plain names.
struct TenantSchemaCheck {
    let layout: SchemaPerTenantLayout
    let connection: Connection

    func run(tenantSchemas: [String]) throws -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        let registered = try registeredSchemas()
        let existing = Set(tenantSchemas)
        for (slug, schema) in registered where !existing.contains(schema) {
            findings.append(DoctorFinding(.failure, "tenant-schema-missing", schema,
                "tenant `\(slug)` is registered in \(layout.registrySchema).\(layout.registryTable) but its schema does not exist"))
        }
        let registeredNames = Set(registered.map(\.schema))
        for schema in tenantSchemas where !registeredNames.contains(schema) {
            findings.append(DoctorFinding(.warning, "tenant-schema-unregistered", schema,
                "a schema with the tenant prefix that no tenant in \(layout.registrySchema).\(layout.registryTable) names: a leftover, or a tenant lql cannot reach"))
        }
        findings += try migrationHistories(tenantSchemas)
        findings += try access(tenantSchemas, registered: registeredNames)
        findings += try shadowingTables()
        return findings
    }

    /// Slug and schema of every registered tenant (the schema column, else prefix + slug).
    private func registeredSchemas() throws -> [(slug: String, schema: String)] {
        let registry = quoteIdentifier(layout.registrySchema) + "." + quoteIdentifier(layout.registryTable)
        let slug = quoteIdentifier(layout.slugColumn)
        let schema = layout.schemaColumn.map(quoteIdentifier) ?? "$1 || \(slug)"
        let result = try connection.execute("SELECT \(slug), \(schema) FROM \(registry) ORDER BY 1",
                                            layout.schemaColumn == nil ? [layout.schemaPrefix] : [])
        return result.rows.map { ($0[0] ?? "", $0[1] ?? "") }
    }

    /// Every schema must have finished every migration that any other schema (or the migrations
    /// directory beside the Prisma schema) has, with the same checksum.
    private func migrationHistories(_ schemas: [String]) throws -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        var histories: [String: [String: String]] = [:]
        for schema in schemas {
            let table = try connection.execute("""
                SELECT pg_catalog.has_table_privilege(c.oid, 'SELECT') FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2
                """, [schema, SchemaPerTenantLayout.historyTable])
            guard table.rowCount > 0 else {
                findings.append(DoctorFinding(.failure, "migration-history-missing", schema,
                    "no \(SchemaPerTenantLayout.historyTable) table: nobody can tell which migrations this tenant has"))
                continue
            }
            guard table.scalar == "t", isPlainIdentifier(schema) else {
                findings.append(DoctorFinding(.warning, "migration-history-unreadable", schema,
                    "the connected role cannot read \(schema).\(SchemaPerTenantLayout.historyTable), so lql cannot check this tenant's migrations"))
                continue
            }
            let rows = try connection.execute("""
                SELECT migration_name, checksum FROM \(quoteIdentifier(schema)).\(quoteIdentifier(SchemaPerTenantLayout.historyTable))
                WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
                """)
            histories[schema] = Dictionary(rows.rows.map { ($0[0] ?? "", $0[1] ?? "") }, uniquingKeysWith: { a, _ in a })
        }
        let all = Set(histories.values.flatMap(\.keys)).union(layout.requiredMigrations)
        for (schema, history) in histories.sorted(by: { $0.key < $1.key }) {
            for name in all.sorted() where history[name] == nil {
                let source = layout.requiredMigrations.contains(name) ? "the migrations directory has" : "other tenant schemas have"
                findings.append(DoctorFinding(.failure, "migration-missing", "\(schema).\(SchemaPerTenantLayout.historyTable)",
                    "migration `\(name)` is not applied here, but \(source) it: this tenant lags behind"))
            }
        }
        for name in all.sorted() {
            let sums = Set(histories.values.compactMap { $0[name] })
            if sums.count > 1 {
                findings.append(DoctorFinding(.warning, "migration-checksum-differs", name,
                    "tenant schemas recorded \(sums.count) different checksums for this migration: the file changed between tenants"))
            }
        }
        return findings
    }

    /// Who can read which tenant schema: the connected role should read every registered one
    /// (lql scopes it to one per transaction); PUBLIC — every role — none.
    private func access(_ schemas: [String], registered: Set<String>) throws -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        let result = try connection.execute("""
            SELECT n.nspname,
                   pg_catalog.has_schema_privilege(n.oid, 'USAGE'),
                   EXISTS (SELECT 1 FROM pg_catalog.aclexplode(n.nspacl) a WHERE a.grantee = 0 AND a.privilege_type = 'USAGE'),
                   EXISTS (SELECT 1 FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) a
                           WHERE c.relnamespace = n.oid AND a.grantee = 0 AND a.privilege_type = 'SELECT')
            FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY ($1::text[]) ORDER BY n.nspname
            """, [arrayLiteral(schemas)])
        var readable: [String] = []
        for row in result.rows {
            guard let schema = row[0] else { continue }
            if row[1] == "t" { readable.append(schema) }
            if row[2] == "t" && row[3] == "t" {
                findings.append(DoctorFinding(.failure, "tenant-schema-public-access", schema,
                    "PUBLIC has USAGE on this schema and SELECT on its tables: every role can read this tenant's data"))
            } else if row[2] == "t" {
                findings.append(DoctorFinding(.warning, "tenant-schema-public-access", schema,
                    "PUBLIC has USAGE on this schema: a table granted to PUBLIC later would be readable by every role"))
            }
        }
        let unreadable = registered.subtracting(readable).intersection(schemas).sorted()
        if !unreadable.isEmpty && !readable.isEmpty {
            findings.append(DoctorFinding(.warning, "role-cannot-read-tenant", connection.user,
                "the connected role has no USAGE on \(unreadable.joined(separator: ", ")): those tenants' queries will fail"))
        }
        if readable.count > 1 {
            findings.append(DoctorFinding(.note, "role-reads-tenant-schemas", connection.user,
                "the connected role can read \(readable.count) tenant schemas (\(readable.joined(separator: ", "))): tenants are kept apart by lql's search_path scope, not by privileges; intended for lql_reader, not for a per-tenant role"))
        }
        return findings
    }

    private func shadowingTables() throws -> [DoctorFinding] {
        let result = try connection.execute("""
            SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname = ANY ($2::text[]) ORDER BY c.relname
            """, [layout.registrySchema, arrayLiteral(layout.requiredTables + [SchemaPerTenantLayout.historyTable])])
        return result.rows.compactMap { $0[0] }.map { table in
            DoctorFinding(.failure, "shared-table-shadows-tenant-table", "\(layout.registrySchema).\(table)",
                "a per-tenant table's name in the shared schema: a search_path that falls back to \(layout.registrySchema) reads this table, shared by all tenants, whenever the tenant's own is missing")
        }
    }

    private func isPlainIdentifier(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
