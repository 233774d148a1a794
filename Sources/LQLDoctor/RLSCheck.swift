import LQLPostgres
import LQLSchema

/// Row-level tenancy: every tenant-scoped table must have RLS enabled and forced, and a policy
/// that compares the tenant column with the tenant setting without the known holes.
struct RLSCheck {
    let tenancy: RowLevelTenancy
    let connection: Connection

    func run(tables: [TableLocation]) throws -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        for table in tables {
            let flags = try connection.execute("""
                SELECT c.relrowsecurity, c.relforcerowsecurity FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')
                """, [table.schema, table.model.tableName])
            guard flags.rowCount > 0 else { continue } // missing: DriftCheck reports it
            let subject = table.displayName
            if flags[0, 0] != "t" {
                findings.append(DoctorFinding(.failure, "rls-not-enabled", subject,
                    "row-level security is off: every role that may read the table sees every tenant (ALTER TABLE … ENABLE ROW LEVEL SECURITY)"))
            } else if flags[0, 1] != "t" {
                findings.append(DoctorFinding(.failure, "rls-not-forced", subject,
                    "row-level security is not forced: the table owner sees every tenant (ALTER TABLE … FORCE ROW LEVEL SECURITY)"))
            }
            findings += try checkPolicies(table)
            findings += try checkEmptyTenantGuard(table)
        }
        return findings
    }

    private func checkPolicies(_ table: TableLocation) throws -> [DoctorFinding] {
        let policies = try connection.execute("""
            SELECT policyname, permissive, cmd, qual FROM pg_catalog.pg_policies
            WHERE schemaname = $1 AND tablename = $2 ORDER BY policyname
            """, [table.schema, table.model.tableName])
        var findings: [DoctorFinding] = []
        var hasTenantPolicy = false
        let setting = tenancy.settingName.lowercased()
        let column = tenancy.tenantColumn.lowercased()
        for row in policies.rows {
            let name = row[0] ?? "?"
            let permissive = row[1] == "PERMISSIVE"
            let readsRows = row[2] == "ALL" || row[2] == "SELECT"
            guard readsRows, let qualText = row[3] else { continue }
            let qual = qualText.lowercased()
            let subject = "\(table.displayName) (policy \(name))"
            if qual.contains(setting) || qual.contains(column) { hasTenantPolicy = true }
            guard permissive else { continue }
            let bare = PolicyText.normalized(qual)
            if bare == "true" {
                findings.append(DoctorFinding(.failure, "policy-always-true", subject,
                    "USING (true) lets every row through; permissive policies are OR-ed, so the tenant policy no longer matters"))
            }
            if bare.contains("is null or") {
                findings.append(DoctorFinding(.failure, "policy-null-bypass", subject,
                    "`… IS NULL OR …` shows every tenant when the setting is unset: \(qualText)"))
            }
            if qual.contains("current_setting(") && !qual.contains("nullif(") {
                findings.append(DoctorFinding(.failure, "policy-empty-string-trap", subject,
                    "current_setting(…) reads back as '' (not NULL) once an earlier transaction set it, so rows whose \(tenancy.tenantColumn) is '' become visible; compare with NULLIF(current_setting('\(tenancy.settingName)', true), '')"))
            }
        }
        if !hasTenantPolicy {
            findings.append(DoctorFinding(.failure, "rls-no-tenant-policy", table.displayName,
                "no SELECT policy mentions \(tenancy.tenantColumn) or \(tenancy.settingName)"))
        }
        return findings
    }
}

extension RLSCheck {
    /// `CHECK (tenant_id <> '')` makes the empty-string trap harmless even under a plain
    /// `current_setting(…)` policy: no row can carry the '' a reused session reads back.
    fileprivate func checkEmptyTenantGuard(_ table: TableLocation) throws -> [DoctorFinding] {
        let checks = try connection.execute("""
            SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint k
            JOIN pg_catalog.pg_class c ON c.oid = k.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND c.relname = $2 AND k.contype = 'c'
            """, [table.schema, table.model.tableName])
        let column = tenancy.tenantColumn.lowercased()
        let guarded = checks.rows.contains { row in
            let text = PolicyText.normalized(row[0] ?? "")
            return text.contains(column) && (text.contains("<> ''") || text.contains("<> ''::text"))
        }
        guard !guarded else { return [] }
        return [DoctorFinding(.warning, "tenant-column-allows-empty", "\(table.displayName).\(tenancy.tenantColumn)",
            "no CHECK (\(tenancy.tenantColumn) <> '') guards against rows that an empty tenant setting would match")]
    }
}

enum PolicyText {
    /// The expression without parentheses and with single spaces, so the shapes PostgreSQL's
    /// deparser writes (`((x IS NULL) OR (…))`) can be matched as words.
    static func normalized(_ text: String) -> String {
        let stripped = text.lowercased().filter { $0 != "(" && $0 != ")" }
        return stripped.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
