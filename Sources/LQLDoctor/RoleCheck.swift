import LQLPostgres
import LQLSchema

/// The connected role: it should be neither superuser nor BYPASSRLS (both skip RLS), own no
/// tenant-scoped table (owners skip RLS unless it is forced, and may turn it off), and be unable
/// to write anything (lql only reads).
struct RoleCheck {
    let catalog: Catalog
    let connection: Connection

    func run(scopedTables: [TableLocation]) throws -> [DoctorFinding] {
        let role = try connection.execute(
            "SELECT rolname, rolsuper, rolbypassrls FROM pg_catalog.pg_roles WHERE rolname = current_user")
        guard role.rowCount > 0 else { return [] }
        let name = role[0, 0] ?? "?"
        let rowLevel: Bool = if case .rowLevel = catalog.tenancy { true } else { false }
        let isolation: DoctorFinding.Severity = rowLevel ? .failure : .warning
        if role[0, 1] == "t" {
            // A superuser owns and may write everything: the finer findings would only repeat it.
            return [DoctorFinding(.failure, "role-superuser", name,
                "the connected role is a superuser: it bypasses row-level security and may change anything; connect as a read-only role")]
        }
        var findings: [DoctorFinding] = []
        if role[0, 2] == "t" {
            findings.append(DoctorFinding(isolation, "role-bypassrls", name,
                "the connected role has BYPASSRLS: policies do not apply to it"))
        }
        for table in scopedTables {
            // Members that inherit the owner's rights count as the owner for RLS too.
            let owned = try connection.execute("""
                SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relname = $2 AND pg_catalog.pg_has_role(current_user, c.relowner, 'USAGE')
                """, [table.schema, table.model.tableName])
            if owned.rowCount > 0 {
                findings.append(DoctorFinding(isolation, "role-owns-table", "\(name) on \(table.displayName)",
                    "the connected role owns this tenant-scoped table (or inherits its owner): it can turn row-level security off"))
            }
        }
        findings += try writePrivileges(role: name, tenantSchemas: Set(scopedTables.map(\.schema)))
        return findings
    }

    private func writePrivileges(role: String, tenantSchemas: Set<String>) throws -> [DoctorFinding] {
        var schemas = Set(catalog.models.map { $0.schemaName ?? "public" }).union(tenantSchemas)
        schemas.formUnion(catalog.datasourceSchemas)
        if case .schemaPerTenant(let s) = catalog.tenancy { schemas.insert(s.sharedSchema) }
        var findings: [DoctorFinding] = []
        for schema in schemas.sorted() {
            let result = try connection.execute("""
                SELECT c.relname,
                       pg_catalog.has_table_privilege(c.oid, 'INSERT'), pg_catalog.has_table_privilege(c.oid, 'UPDATE'),
                       pg_catalog.has_table_privilege(c.oid, 'DELETE'), pg_catalog.has_table_privilege(c.oid, 'TRUNCATE')
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') ORDER BY c.relname
                """, [schema])
            for row in result.rows {
                let granted = zip(["INSERT", "UPDATE", "DELETE", "TRUNCATE"], row.dropFirst()).filter { $0.1 == "t" }.map(\.0)
                guard !granted.isEmpty, let table = row[0] else { continue }
                let subject = schema == "public" ? table : "\(schema).\(table)"
                findings.append(DoctorFinding(.failure, "role-can-write", "\(role) on \(subject)",
                    "the connected role may \(granted.joined(separator: ", ")); lql needs SELECT only"))
            }
        }
        return findings
    }
}
