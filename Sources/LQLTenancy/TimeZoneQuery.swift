import LQLSchema

/// Where a schema records each tenant's own time zone, for `--time-zone tenant`.
public enum TimeZoneQuery {
    /// Names a tenant's zone field may have.
    public static let fieldNames: Set<String> = ["timezone", "timeZone", "time_zone"]

    /// The statement reading the tenant's zone: a `timezone` field on the tenant model itself
    /// (`WHERE id = $1`), else on a tenant-scoped model with one row per tenant (Leora:
    /// `TenantSettings.timezone`), scoped like every lql statement. Identifiers come from the schema.
    public static func tenantZoneQuery(_ catalog: Catalog) -> (String, Bool)? {
        func zoneField(_ m: Model) -> Field? {
            m.fields.first { !$0.isRelation && fieldNames.contains($0.name) && { if case .scalar(.string) = $0.type { true } else { false } }($0) }
        }
        func table(_ m: Model, qualified: Bool) -> String {
            (qualified ? m.schemaName.map { quote($0) + "." } ?? "" : "") + quote(m.tableName)
        }
        if let root = catalog.models.first(where: \.isTenantRoot), let f = zoneField(root),
           let key = root.primaryKey.first.flatMap({ root.field(named: $0) }) {
            return ("SELECT \(quote(f.columnName))::text FROM \(table(root, qualified: true)) WHERE \(quote(key.columnName))::text = $1", true)
        }
        guard let settings = catalog.models.first(where: { $0.isTenantScoped && zoneField($0) != nil }),
              let f = zoneField(settings) else { return nil }
        switch catalog.tenancy {
        case .rowLevel:
            // The settings model's own key column: models may use different ones.
            guard case .key(_, let column) = catalog.scopeRule(of: settings) else { return nil }
            return ("SELECT \(quote(f.columnName))::text FROM \(table(settings, qualified: true)) WHERE \(quote(column)) = $1 LIMIT 1", true)
        case .schemaPerTenant(let s):
            // Unqualified: the scope's search_path names the tenant's schema.
            let qualified = settings.schemaName != nil && settings.schemaName != s.tenantSchemaTemplate
            return ("SELECT \(quote(f.columnName))::text FROM \(table(settings, qualified: qualified)) LIMIT 1", false)
        case .none:
            return nil
        }
    }

    static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
