import LQLSchema

/// Tenancy in the SQL, in one place: which table reference carries which tenant predicate.
/// Row-level style: every table reference (FROM, join, subquery) to a scoped model carries its
/// own model's predicate — `alias."<its key column>" = $1`, or for a model scoped through a path
/// an EXISTS chain along the path, every hop scoped — and a join between two keyed models also
/// equates their key columns. Shared and unscoped models carry none (the checker lets an
/// unscoped model be read only as the to-one related record of a row already held).
/// Schema-per-tenant style: tables are unqualified (the scope's `search_path` picks the tenant's
/// schema) and no predicate is written.
struct TenantPredicates {
    let catalog: Catalog
    /// Numbers the aliases of EXISTS hops (`h1`, `h2`, …) across the statement.
    private let hops = HopCounter()

    init(catalog: Catalog) { self.catalog = catalog }

    final class HopCounter {
        var next = 0
        func alias() -> SQLAlias {
            next += 1
            return SQLAlias(prefix: "h", number: next)
        }
    }

    private var isRowLevel: Bool {
        if case .rowLevel = catalog.tenancy { return true }
        return false
    }

    /// The model's own key column, when it is scoped by one.
    private func keyColumn(_ model: Model) -> String? {
        guard isRowLevel, case .key(_, let column) = catalog.scopeRule(of: model) else { return nil }
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

    /// An implicit many-to-many's hidden table (`_PostToTag`), qualified like its first model's
    /// table: in the schema style a link of two tenant-schema models is the tenant's own.
    func writeLinkTable(_ link: ImplicitJoin, into w: inout SQLWriter) {
        if let schema = link.schema {
            var inTenantSchema = false
            if case .schemaPerTenant(let s) = catalog.tenancy, schema == s.tenantSchemaTemplate { inTenantSchema = true }
            if !inTenantSchema {
                w.write(identifier: schema)
                w.write(".")
            }
        }
        w.write(identifier: link.table)
    }

    /// The model's tenant predicate on `alias`, or nothing (shared, unscoped, schema style).
    func rowPredicate(_ model: Model, alias: SQLAlias, table: SQLBindTable) -> SQLWriter? {
        guard isRowLevel else { return nil }
        switch catalog.scopeRule(of: model) {
        case .key(_, let column), .root(let column):
            var w = SQLWriter(table: table)
            w.write(alias: alias, column: column)
            w.write(" = ")
            w.writeTenantBind()
            return w
        case .through(let path):
            // A path the reader accepted always resolves; if one did not, read nothing.
            return throughPredicate(path[...], from: model, alias: alias, table: table) ?? {
                var w = SQLWriter(table: table)
                w.write("FALSE")
                return w
            }()
        case .tenantSchema, .shared, .unscoped:
            return nil
        }
    }

    /// `EXISTS (SELECT 1 FROM "owners" AS h1 WHERE h1."id" = alias."owner_id" AND <h1's scope>)`:
    /// one hop per step of the path; a hop that is keyed also carries its own key predicate, and
    /// the last hop carries its model's full predicate (a key, the root, or another path).
    private func throughPredicate(_ path: ArraySlice<String>, from model: Model, alias: SQLAlias, table: SQLBindTable) -> SQLWriter? {
        guard let step = path.first, let relation = model.field(named: step)?.relation,
              let target = catalog.model(named: relation.targetModel) else { return nil }
        let hop = hops.alias()
        var conditions: [SQLWriter] = relation.joinColumns.map { pair in
            var c = SQLWriter(table: table)
            c.write(alias: hop, column: pair.remote)
            c.write(" = ")
            c.write(alias: alias, column: pair.local)
            return c
        }
        if path.count == 1 {
            guard let p = rowPredicate(target, alias: hop, table: table) else { return nil }
            conditions.append(p)
        } else {
            if keyColumn(target) != nil, let p = rowPredicate(target, alias: hop, table: table) { conditions.append(p) }
            guard let rest = throughPredicate(path.dropFirst(), from: target, alias: hop, table: table) else { return nil }
            conditions.append(rest)
        }
        var w = SQLWriter(table: table)
        w.write("EXISTS (SELECT 1 FROM ")
        writeTable(target, into: &w)
        w.write(" AS ")
        w.write(alias: hop)
        w.write(" WHERE ")
        for (i, c) in conditions.enumerated() {
            if i > 0 { w.write(" AND ") }
            w.write(c)
        }
        w.write(")")
        return w
    }

    /// Conditions a join adds for tenancy: both sides' key columns equal (when both are keyed),
    /// and the joined model's own predicate.
    func joinPredicates(_ model: Model, alias: SQLAlias, parent: Model, parentAlias: SQLAlias, table: SQLBindTable) -> [SQLWriter] {
        var out: [SQLWriter] = []
        if let column = keyColumn(model), let parentColumn = keyColumn(parent) {
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
