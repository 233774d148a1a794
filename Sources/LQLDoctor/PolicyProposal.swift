import LQLSchema

/// The row-level security an app without RLS would need for its configured tenancy, as SQL for
/// a person to review (`lql doctor` prints it; nothing runs it). One policy per scoped table:
/// keyed tables compare their own key column with the setting, through-scoped tables an EXISTS
/// chain along their path, the root its own key. Identifiers come from the schema, quoted.
public enum PolicyProposal {
    /// The setting the proposed policies read: the configured one, else `app.current_<root>_id`.
    public static func settingName(for tenancy: RowLevelTenancy) -> String {
        if let s = tenancy.policySetting { return s }
        var snake = ""
        for (i, ch) in tenancy.tenantModel.enumerated() {
            if ch.isUppercase && i > 0 { snake += "_" }
            snake += ch.lowercased()
        }
        return "app.current_\(snake)_id"
    }

    public static func sql(for catalog: Catalog) -> String? {
        guard case .rowLevel(let tenancy) = catalog.tenancy else { return nil }
        let setting = settingName(for: tenancy)
        let cast = switch tenancy.keyType {
        case .text: ""
        case .uuid: "::uuid"
        case .int4: "::int4"
        case .int8: "::int8"
        }
        let current = "NULLIF(current_setting('\(setting.replacingQuotes)', true), '')\(cast)"
        var out = ["-- Row-level security for tenancy by \(tenancy.tenantModel), reading the setting \(setting)",
                   "-- (lql sets it in each transaction it runs: add `setting = \"\(setting)\"` to lql.toml).",
                   "-- Review, then run as the tables' owner. The role lql connects as must not own them or BYPASSRLS."]
        var hop = 0
        func predicate(_ model: Model, alias: String) -> String? {
            switch catalog.scopeRule(of: model) {
            case .key(_, let column), .root(let column):
                return "\(alias).\(quote(column)) = \(current)"
            case .through(let path):
                var current = model
                var currentAlias = alias
                var opened: [String] = []
                for (i, step) in path.enumerated() {
                    guard let r = current.field(named: step)?.relation, let target = catalog.model(named: r.targetModel) else { return nil }
                    hop += 1
                    let h = "h\(hop)"
                    let join = r.joinColumns.map { "\(h).\(quote($0.remote)) = \(currentAlias).\(quote($0.local))" }.joined(separator: " AND ")
                    var text = "EXISTS (SELECT 1 FROM \(table(target)) AS \(h) WHERE \(join)"
                    if i == path.count - 1 {
                        guard let last = predicate(target, alias: h) else { return nil }
                        text += " AND " + last
                    }
                    opened.append(text)
                    current = target
                    currentAlias = h
                }
                return opened.joined(separator: " AND ") + String(repeating: ")", count: opened.count)
            case .tenantSchema, .shared, .unscoped:
                return nil
            }
        }
        for m in catalog.models where !m.isView {
            hop = 0
            let name = table(m)
            guard let p = predicate(m, alias: name) else { continue }
            out.append("")
            out.append("ALTER TABLE \(name) ENABLE ROW LEVEL SECURITY;")
            out.append("ALTER TABLE \(name) FORCE ROW LEVEL SECURITY;")
            out.append("CREATE POLICY tenant_isolation ON \(name) FOR SELECT USING (\(p));")
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func table(_ m: Model) -> String {
        (m.schemaName.map { quote($0) + "." } ?? "") + quote(m.tableName)
    }

    static func quote(_ name: String) -> String {
        var out = "\""
        for ch in name { out.append(ch); if ch == "\"" { out.append("\"") } }
        return out + "\""
    }
}

private extension String {
    var replacingQuotes: String {
        var out = ""
        for ch in self { out.append(ch); if ch == "'" { out.append("'") } }
        return out
    }
}
