/// Plain-text descriptions of the catalog for `lql schema` and `lql schema Model`.
/// Hidden fields (secrets, tenant keys) are named as hidden so users know why a query refuses them,
/// but their types and columns are not shown.
public enum CatalogDescription {
    /// The queryable models (table, visible field and relation counts), then the enums.
    public static func models(_ c: Catalog) -> String {
        var out: [String] = []
        out.append("Models (\(c.queryableModels.count))" + tenancyNote(c.tenancy))
        let scoped = c.tenancy != .none
        var rows = [["model", "table", "fields", "relations"] + (scoped ? ["scope"] : [])]
        for m in c.queryableModels {
            let visible = m.fields.filter { !$0.isForbidden && !c.leadsToTenantRoot($0) }
            rows.append([m.name + (m.isView ? " (view)" : ""), qualifiedTable(m),
                         String(visible.filter { !$0.isRelation }.count), String(visible.filter(\.isRelation).count)]
                        + (scoped ? [scopeText(m, in: c)] : []))
        }
        out.append(align(rows))
        // What decided each scope, and the models lql refuses to read as a set.
        if scoped {
            let root = c.models.first(where: \.isTenantRoot)
            let refused = c.models.filter { !$0.isTenantRoot && !c.canStartQuery($0) }
            out.append("")
            out.append("Scopes, and what decided them" + (root.map { "; root `\($0.name)` (\($0.tenantScopeSource))" } ?? ""))
            var why: [[String]] = []
            for m in c.queryableModels { why.append([m.name, scopeText(m, in: c), m.tenantScopeSource]) }
            for m in refused { why.append([m.name, "unscoped, refused", m.tenantScopeSource]) }
            out.append(align(why))
        }
        if !c.enums.isEmpty {
            out.append("")
            out.append("Enums (\(c.enums.count))")
            out.append(align(c.enums.map { [$0.name, $0.values.map(\.name).joined(separator: " ")] }))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One model: its fields (type, optionality, column), relations (target, cardinality, join)
    /// and hidden fields.
    public static func model(_ m: Model, in c: Catalog) -> String {
        var out: [String] = []
        var facts = ["table \(qualifiedTable(m))"]
        if m.isView { facts.append("view, read-only") }
        if m.isTenantScoped { facts.append("tenant-scoped") }
        if m.isTenantRoot { facts.append("tenancy root, not queryable") }
        out.append("\(m.name) (\(facts.joined(separator: ", ")))")
        if c.tenancy != .none {
            let refused = !m.isTenantRoot && !c.canStartQuery(m) ? ", refused as a query's source" : ""
            out.append("  scope: \(m.isTenantRoot ? "root" : scopeText(m, in: c))\(refused)"
                       + (m.tenantScopeSource.isEmpty ? "" : " (\(m.tenantScopeSource))"))
        }
        if let doc = m.documentation, !doc.isEmpty {
            out.append(contentsOf: doc.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 })
        }

        let columns = m.columnFields.filter { !$0.isForbidden }
        if !columns.isEmpty {
            out.append("")
            out.append("Fields")
            var rows = [["field", "type", "null", "column"]]
            for f in columns {
                rows.append([f.name, typeText(f, in: c), f.isOptional ? "nullable" : "required", f.columnName])
            }
            out.append(align(rows))
        }

        let relations = m.relationFields.filter { !$0.isForbidden && !c.leadsToTenantRoot($0) }
        if !relations.isEmpty {
            out.append("")
            out.append("Relations")
            var rows = [["field", "model", "cardinality", "join"]]
            for f in relations {
                guard let r = f.relation else { continue }
                let target = c.model(named: r.targetModel)
                let cardinality = r.cardinality == .toMany ? "to-many" : (f.isOptional ? "to-one (optional)" : "to-one")
                rows.append([f.name, r.targetModel, cardinality, joinText(r, from: m, to: target)])
            }
            out.append(align(rows))
        }

        let hidden = m.fields.filter { $0.isForbidden || c.leadsToTenantRoot($0) }
        if !hidden.isEmpty {
            out.append("")
            out.append("Hidden (refused in queries)")
            out.append(align(hidden.map { [$0.name, $0.isTenantKey ? "tenant key, set by the tenant scope"
                                                  : $0.isSensitive ? "sensitive" : "leads to the tenancy root"] }))
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func scopeText(_ m: Model, in c: Catalog) -> String {
        c.scopeRule(of: m).label
    }

    static func tenancyNote(_ t: Tenancy) -> String {
        switch t {
        case .rowLevel(let r): return ", tenants kept apart by row (\(r.tenantColumn))"
        case .schemaPerTenant(let s): return ", one schema per tenant (\(s.schemaPrefix)<slug>)"
        case .none: return ""
        }
    }

    static func qualifiedTable(_ m: Model) -> String {
        m.schemaName.map { "\($0).\(m.tableName)" } ?? m.tableName
    }

    static func typeText(_ f: Field, in c: Catalog) -> String {
        var base: String
        switch f.type {
        case .scalar(let s): base = s.rawValue
        case .enumeration(let e): base = e + " (enum)"
        case .relation(let r): base = r.targetModel
        case .unsupported(let u): base = "Unsupported(\"\(u)\")"
        }
        if f.isList { base += "[]" }
        return base
    }

    static func joinText(_ r: Relation, from m: Model, to target: Model?) -> String {
        if let table = r.implicitJoinTable { return "through \(table)" }
        let targetTable = target?.tableName ?? r.targetModel
        return r.joinColumns.map { "\(m.tableName).\($0.local) = \(targetTable).\($0.remote)" }.joined(separator: " and ")
    }

    /// Columns padded to their widest cell, two spaces apart, indented by two; no trailing spaces.
    static func align(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            var line = "  "
            for (i, cell) in row.enumerated() {
                line += i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] + 2 - cell.count)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
