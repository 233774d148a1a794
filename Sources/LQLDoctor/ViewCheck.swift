import LQLPostgres
import LQLSchema

/// Views run with their owner's rights unless `security_invoker = true` (PostgreSQL 15+): a view
/// owned by the migration role shows every tenant's rows. Materialized views have no RLS at all.
struct ViewCheck {
    let catalog: Catalog
    let connection: Connection

    func run(schemas: [String]) throws -> [DoctorFinding] {
        let rowLevel: Bool = if case .rowLevel = catalog.tenancy { true } else { false }
        var findings: [DoctorFinding] = []
        for schema in schemas {
            let result = try connection.execute("""
                SELECT c.relname, c.relkind, array_to_string(c.reloptions, ',') FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relkind IN ('v', 'm') ORDER BY c.relname
                """, [schema])
            for row in result.rows {
                guard let name = row[0] else { continue }
                let subject = schema == "public" ? name : "\(schema).\(name)"
                if row[1] == "m" {
                    findings.append(DoctorFinding(.warning, "materialized-view", subject,
                        "a materialized view ignores row-level security: everyone who may read it sees every tenant"))
                    continue
                }
                let options = (row[2] ?? "").lowercased().split(separator: ",")
                let invoker = options.contains { ["security_invoker=true", "security_invoker=on", "security_invoker=1", "security_invoker=yes"].contains(String($0)) }
                if !invoker {
                    findings.append(DoctorFinding(rowLevel ? .failure : .warning, "view-not-security-invoker", subject,
                        "the view runs with its owner's rights, so row-level security checks the owner, not the reader (ALTER VIEW … SET (security_invoker = true))"))
                }
            }
        }
        return findings
    }
}
