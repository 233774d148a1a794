import LQLCheck
import LQLSchema

extension StatementBuilder {
    /// A clause break: a new line at `indent`, or a space inside a one-line subquery.
    func brk(_ w: inout SQLWriter, _ indent: Int, _ oneLine: Bool) {
        if oneLine { w.write(" ") } else { w.newline(indent: indent) }
    }

    func render(_ b: Block, into w: inout SQLWriter, indent: Int, oneLine: Bool) {
        if !b.unionBranches.isEmpty {
            renderUnion(b, into: &w, indent: indent, oneLine: oneLine)
            return
        }
        renderSelect(b, into: &w, indent: indent, oneLine: oneLine)
    }

    func renderSelect(_ b: Block, into w: inout SQLWriter, indent: Int, oneLine: Bool) {
        w.write("SELECT ")
        if b.distinct { w.write("DISTINCT ") }
        if let items = b.items {
            for (i, item) in items.enumerated() {
                if i > 0 {
                    w.write(",")
                    if oneLine { w.write(" ") } else { w.newline(indent: indent + (b.distinct ? 16 : 7)) }
                }
                w.write(item.sql)
                if item.needsAlias {
                    w.write(" AS ")
                    w.write(identifier: item.name)
                }
            }
        } else {
            guard case .table(let t) = b.from else { preconditionFailure("whole rows come from a table") }
            w.write(alias: t.alias)
            w.write(".*")
            for extra in b.extras {
                w.write(", ")
                w.write(extra.sql)
                w.write(" AS ")
                w.write(identifier: extra.name)
            }
        }
        brk(&w, indent, oneLine)
        w.write("FROM ")
        var conditions: [SQLWriter] = []
        switch b.from {
        case .table(let t):
            if let rows = t.rows {
                w.write("(")
                brk(&w, indent + 2, oneLine)
                render(rows, into: &w, indent: indent + 2, oneLine: oneLine)
                brk(&w, indent, oneLine)
                w.write(") AS ")
                w.write(alias: t.alias)
            } else {
                tenancy.writeTable(t.model, into: &w)
                w.write(" AS ")
                w.write(alias: t.alias)
                if let p = tenancy.rowPredicate(t.model, alias: t.alias, table: binds) { conditions.append(p) }
            }
            writeJoins(t, into: &w, indent: indent, oneLine: oneLine)
        case .derived(let inner, let alias):
            w.write("(")
            brk(&w, indent + 2, oneLine)
            render(inner, into: &w, indent: indent + 2, oneLine: oneLine)
            brk(&w, indent, oneLine)
            w.write(") AS ")
            w.write(alias: alias)
        }
        conditions += b.wheres
        writeWhere(conditions, into: &w, indent: indent, oneLine: oneLine)
        if b.groupKeyCount > 0 {
            brk(&w, indent, oneLine)
            w.write("GROUP BY ")
            for i in 1...b.groupKeyCount {
                if i > 1 { w.write(", ") }
                w.write(ordinal: i)
            }
        }
        if !b.orderBy.isEmpty {
            brk(&w, indent, oneLine)
            w.write("ORDER BY ")
            for (i, k) in b.orderBy.enumerated() {
                if i > 0 { w.write(", ") }
                w.write(k)
            }
        }
        if let limit = b.limit {
            brk(&w, indent, oneLine)
            w.write("LIMIT ")
            w.write(limit)
        }
        if let offset = b.offset {
            brk(&w, indent, oneLine)
            w.write("OFFSET ")
            w.write(offset)
        }
    }

    func writeWhere(_ conditions: [SQLWriter], into w: inout SQLWriter, indent: Int, oneLine: Bool) {
        for (i, c) in conditions.enumerated() {
            if i == 0 {
                brk(&w, indent, oneLine)
                w.write("WHERE ")
            } else {
                brk(&w, indent + 2, oneLine)
                w.write("AND ")
            }
            w.write(c)
        }
    }

    /// `LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND <tenancy>`
    func writeJoins(_ t: TableContext, into w: inout SQLWriter, indent: Int, oneLine: Bool) {
        for j in t.joins {
            brk(&w, indent, oneLine)
            w.write("LEFT JOIN ")
            tenancy.writeTable(j.model, into: &w)
            w.write(" AS ")
            w.write(alias: j.alias)
            w.write(" ON ")
            var conds: [SQLWriter] = j.relation.joinColumns.map { pair in
                var c = writer()
                c.write(alias: j.alias, column: pair.remote)
                c.write(" = ")
                c.write(alias: j.parentAlias, column: pair.local)
                return c
            }
            conds += tenancy.joinPredicates(j.model, alias: j.alias, parent: j.parentModel, parentAlias: j.parentAlias, table: binds)
            for (i, c) in conds.enumerated() {
                if i > 0 { w.write(" AND ") }
                w.write(c)
            }
        }
    }
}
