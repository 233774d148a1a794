import LQLPostgres
import LQLSchema

/// `--tenant VALUE` matches any of the root's lookup columns (`slug = $1 OR id = $1`), so a
/// value one tenant holds in one column and another tenant in another (a slug equal to another
/// tenant's id) names two tenants. lql refuses such a value rather than pick by row order, but a
/// sign-up that may choose its slug could still make a tenant unreachable by its id: the doctor
/// wants a CHECK that keeps each non-key lookup column from taking the ids' form, and reports
/// values that already collide. Names reach SQL text only as quoted identifiers from the schema.
struct TenantLookupCheck {
    let schema: String
    let table: String
    let keyColumn: String
    /// Lookup columns in order (the key among them, usually).
    let lookupColumns: [String]
    let keyField: Field?
    let connection: Connection

    func run() throws -> [DoctorFinding] {
        guard lookupColumns.count > 1 else { return [] }
        var findings: [DoctorFinding] = []
        let subjectTable = schema == "public" ? table : "\(schema).\(table)"
        for column in lookupColumns where column != keyColumn {
            let checked = try connection.execute("""
                SELECT count(*) FROM pg_catalog.pg_constraint k
                JOIN pg_catalog.pg_class c ON c.oid = k.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (k.conkey)
                WHERE n.nspname = $1 AND c.relname = $2 AND k.contype = 'c' AND a.attname = $3
                """, [schema, table, column]).scalar
            guard checked == "0" else { continue }
            findings.append(DoctorFinding(.warning, "tenant-lookup-unconstrained", "\(subjectTable).\(column)",
                "--tenant VALUE matches \(lookupColumns.joined(separator: " or ")), and no CHECK keeps \(column) from holding another tenant's \(keyColumn): "
                + "such a value names two tenants (lql refuses it, so that tenant cannot be named by it); constrain it: \(fixSQL(column: column))"))
        }
        findings += try collisions(subjectTable: subjectTable)
        return findings
    }

    /// Values that name two tenants today: tenant a's column A equals tenant b's column B.
    private func collisions(subjectTable: String) throws -> [DoctorFinding] {
        let qualified = quote(schema) + "." + quote(table), key = quote(keyColumn)
        var found: [String] = []
        // Each unordered pair once: `x.a = y.b` with x and y swapped is `x.b = y.a`.
        for (i, a) in lookupColumns.enumerated() {
            for b in lookupColumns.dropFirst(i + 1) {
                let rows = try connection.execute("""
                    SELECT x.\(quote(a))::text, x.\(key)::text, y.\(key)::text FROM \(qualified) AS x
                    JOIN \(qualified) AS y ON x.\(quote(a))::text = y.\(quote(b))::text AND x.\(key) <> y.\(key)
                    ORDER BY 1, 2, 3 LIMIT 5
                    """)
                for row in rows.rows {
                    found.append("`\(printable(row[0]))` is the \(a) of \(keyColumn) `\(printable(row[1]))` and the \(b) of \(keyColumn) `\(printable(row[2]))`")
                }
            }
        }
        guard !found.isEmpty else { return [] }
        return [DoctorFinding(.warning, "tenant-lookup-ambiguous", subjectTable,
            "--tenant names more than one tenant by these values (lql refuses them): " + found.joined(separator: "; "))]
    }

    /// A CHECK that keeps `column` out of the key's form, from what the schema says of the key.
    func fixSQL(column: String) -> String {
        let pattern: String?
        switch keyField?.type {
        case .scalar(.int)?, .scalar(.bigInt)?:
            pattern = "^[0-9]+$"
        default:
            let defaultValue = keyField?.attributes.first { $0.name == "default" }?.arguments.first?.value.lowercased() ?? ""
            if keyField?.nativeType?.lowercased().hasPrefix("uuid") == true || defaultValue.hasPrefix("uuid(") {
                pattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
            } else if defaultValue.hasPrefix("cuid(2") {
                pattern = "^[a-z][a-z0-9]{23}$"
            } else if defaultValue.hasPrefix("cuid(") {
                pattern = "^c[a-z0-9]{24}$"
            } else {
                pattern = nil
            }
        }
        let name = quote("\(table)_\(column)_not_an_id")
        let check = pattern.map { "\(quote(column)) !~* '\($0)'" }
            ?? "\(quote(column)) !~ '<a pattern every \(keyColumn) matches>'"
        return "ALTER TABLE \(quote(schema)).\(quote(table)) ADD CONSTRAINT \(name) CHECK (\(check));"
    }

    private func quote(_ name: String) -> String {
        var out = "\""
        for ch in name { out.append(ch); if ch == "\"" { out.append("\"") } }
        return out + "\""
    }

    /// A value from the table, with control characters written as `\u{…}`, for one line.
    private func printable(_ value: String?) -> String {
        var out = ""
        for scalar in (value ?? "NULL").unicodeScalars.prefix(80) {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
