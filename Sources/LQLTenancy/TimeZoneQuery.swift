import LQLSchema

/// Where a schema records each tenant's own time zone, for `--time-zone tenant`.
public enum TimeZoneQuery {
    /// Names a tenant's zone field may have.
    public static let fieldNames: Set<String> = ["timezone", "timeZone", "time_zone"]

    /// The statement reading the tenant's zone: a `timezone` field on the tenant model itself
    /// (`WHERE id = $1`), else on a model keyed to the tenant with one row per tenant (Leora:
    /// `TenantSettings.timezone`), by that model's own key column. In the row-level style `$1` is
    /// bound as the root key's type (uuid, int4, …: TenancyStrategy.tenantTypeOID), so the key is
    /// compared as itself, never as text. Identifiers come from the schema.
    public static func tenantZoneQuery(_ catalog: Catalog) -> (String, Bool)? {
        func zoneField(_ m: Model) -> Field? {
            m.fields.first { !$0.isRelation && fieldNames.contains($0.name) && { if case .scalar(.string) = $0.type { true } else { false } }($0) }
        }
        func table(_ m: Model, qualified: Bool) -> String {
            (qualified ? m.schemaName.map { quote($0) + "." } ?? "" : "") + quote(m.tableName)
        }
        if let root = catalog.models.first(where: \.isTenantRoot), let f = zoneField(root),
           let key = root.primaryKey.first.flatMap({ root.field(named: $0) }) {
            // Row level: the tenant's id is the root key the scoped models point at, bound as its type.
            let keyed: String = if case .rowLevel(let r) = catalog.tenancy { quote(r.rootKeyColumn) } else { quote(key.columnName) + "::text" }
            return ("SELECT \(quote(f.columnName))::text FROM \(table(root, qualified: true)) WHERE \(keyed) = $1", true)
        }
        switch catalog.tenancy {
        case .rowLevel:
            guard let settings = catalog.models.first(where: { m in
                      if case .key = catalog.scopeRule(of: m) { zoneField(m) != nil } else { false } }),
                  case .key(_, let column) = catalog.scopeRule(of: settings), let f = zoneField(settings) else { return nil }
            return ("SELECT \(quote(f.columnName))::text FROM \(table(settings, qualified: true)) WHERE \(quote(column)) = $1 LIMIT 1", true)
        case .schemaPerTenant(let s):
            guard let settings = catalog.models.first(where: { $0.isTenantScoped && zoneField($0) != nil }),
                  let f = zoneField(settings) else { return nil }
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
