import LQLSchema

/// Tenancy in the SQL, in one place: which table reference carries which tenant predicate.
/// Row-level style: every table reference (FROM, join, subquery) gets `alias."tenant_id" = $1`,
/// and a join also equates the tenant columns of both sides. Schema-per-tenant style: tables are
/// unqualified (the scope's `search_path` picks the tenant's schema) and no predicate is written.
struct TenantPredicates {
    let catalog: Catalog

    var tenantColumn: String? {
        if case .rowLevel(let r) = catalog.tenancy { return r.tenantColumn }
        return nil
    }

    private func scopedColumn(_ model: Model) -> String? {
        guard let column = tenantColumn, model.isTenantScoped,
              model.fields.contains(where: { !$0.isRelation && $0.columnName == column }) else { return nil }
        return column
    }

    /// The table name as written in FROM / JOIN.
    func writeTable(_ model: Model, into w: inout SQLWriter) {
        switch catalog.tenancy {
        case .schemaPerTenant(let s):
            // Models of the tenant template resolve through search_path; shared ones are qualified.
            if let schema = model.schemaName, schema != s.tenantSchemaTemplate {
                w.write(identifier: schema)
                w.write(".")
            }
        case .rowLevel, .none:
            if let schema = model.schemaName {
                w.write(identifier: schema)
                w.write(".")
            }
        }
        w.write(identifier: model.tableName)
    }

    /// `alias."tenant_id" = $1`, or nothing.
    func rowPredicate(_ model: Model, alias: SQLAlias, table: SQLBindTable) -> SQLWriter? {
        guard let column = scopedColumn(model) else { return nil }
        var w = SQLWriter(table: table)
        w.write(alias: alias, column: column)
        w.write(" = ")
        w.writeTenantBind()
        return w
    }

    /// Conditions a join adds for tenancy: both sides' tenant columns equal, and the tenant bind.
    func joinPredicates(_ model: Model, alias: SQLAlias, parent: Model, parentAlias: SQLAlias, table: SQLBindTable) -> [SQLWriter] {
        guard let column = scopedColumn(model) else { return [] }
        var out: [SQLWriter] = []
        if let parentColumn = scopedColumn(parent) {
            var w = SQLWriter(table: table)
            w.write(alias: alias, column: column)
            w.write(" = ")
            w.write(alias: parentAlias, column: parentColumn)
            out.append(w)
        }
        if let p = rowPredicate(model, alias: alias, table: table) { out.append(p) }
        return out
    }

    /// The SQL type of an enum, qualified like its tables.
    func enumType(_ name: String) -> SQLType {
        guard let e = catalog.enumType(named: name) else { return .named(schema: nil, name: name) }
        var schema = e.schemaName
        if case .schemaPerTenant(let s) = catalog.tenancy, schema == s.tenantSchemaTemplate { schema = nil }
        return .named(schema: schema, name: e.databaseName)
    }
}
