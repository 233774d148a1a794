import LQLSchema

extension TenancyStrategy {
    /// The row-level style for the catalog's root: `--tenant VALUE` is looked up in the root's
    /// table, matching the lookup fields in order (compared as text, so a uuid or Int key never
    /// meets `uuid = text`), and `$1` is bound as the key's own type. With no setting (an app
    /// without RLS) nothing is set and lql's predicates are the only wall.
    public static func rowLevel(_ tenancy: RowLevelTenancy, catalog: Catalog) -> TenancyStrategy {
        guard let root = catalog.model(named: tenancy.tenantModel) else { return .rowLevelSecurity }
        let lookup = RootLookup(root: root, tenancy: tenancy)
        var strategy = lookup.isLeoraDefault
            ? TenancyStrategy(name: "rls", settingName: tenancy.settingName) { $0.id }
            : TenancyStrategy(name: "rls", resolveSQL: lookup.resolveSQL, listSlugsSQL: lookup.listSQL,
                              settingName: tenancy.settingName) { $0.id }
        strategy.tenantTypeOID = tenancy.keyType.oid
        strategy.reliesOnRowSecurity = !tenancy.settingName.isEmpty
        return strategy
    }
}

/// The statements that find a tenant in the configured root table.
struct RootLookup {
    let table: String
    /// Lookup columns in order, the key column among them where configured.
    let columns: [String]
    let keyColumn: String
    /// What "did you mean" lists and the prompt shows: the first lookup column that is not the key.
    let displayColumn: String
    let isLeoraDefault: Bool

    init(root: Model, tenancy: RowLevelTenancy) {
        // Qualified (`public` when the model names no schema): the lookup runs before the scope
        // pins search_path.
        table = RootLookup.quote(root.schemaName ?? "public") + "." + RootLookup.quote(root.tableName)
        let key = tenancy.rootKeyColumn
        let named = tenancy.lookupFields.compactMap { name in root.field(named: name).flatMap { $0.isRelation ? nil : $0.columnName } }
        let columns = named.isEmpty ? [key] : named
        keyColumn = key
        self.columns = columns
        displayColumn = columns.first { $0 != key } ?? key
        isLeoraDefault = root.tableName == "tenants" && root.schemaName == nil && columns == ["slug", "id"]
            && key == "id" && tenancy.keyType == .text
    }

    /// `SELECT key, display FROM root WHERE c1::text = $1 OR c2::text = $1 ORDER BY (first match)`:
    /// every match (up to a few), so a value two tenants answer to is refused, not picked.
    var resolveSQL: String {
        let key = "r." + RootLookup.quote(keyColumn)
        let matches = columns.map { "r." + RootLookup.quote($0) + "::text = $1" }
        var order = "CASE"
        for (i, m) in matches.enumerated() { order += " WHEN \(m) THEN \(i)" }
        order += " END"
        return "SELECT \(key)::text, r.\(RootLookup.quote(displayColumn))::text FROM \(table) AS r WHERE "
            + matches.joined(separator: " OR ") + " ORDER BY \(order), 1 LIMIT 10"
    }

    var listSQL: String {
        "SELECT r.\(RootLookup.quote(displayColumn))::text FROM \(table) AS r ORDER BY 1 LIMIT 10000"
    }

    /// Identifiers come from the schema only; quoted, quotes doubled.
    static func quote(_ name: String) -> String {
        var out = "\""
        for ch in name { out.append(ch); if ch == "\"" { out.append("\"") } }
        return out + "\""
    }
}
