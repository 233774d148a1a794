import LQLCheck
import LQLSchema

// To-many relations never join: each use is a correlated subquery, so a row is never repeated
// and `count(rel)` is 0 (not 1) when nothing is related.
extension StatementBuilder {
    /// `c1."customer_id" = t."id"` for each join column pair of a to-many step. An implicit
    /// many-to-many step correlates through Prisma's hidden table instead:
    /// `EXISTS (SELECT 1 FROM "_PostToTag" AS l1 WHERE l1."A" = t."id" AND l1."B" = c1."id")`.
    /// The link table has no tenant column: the parent row is already scoped and `child`
    /// carries its own model's predicate, so a link to another tenant's row finds nothing.
    func correlation(_ step: RelationStep, child: SQLAlias, parent: SQLAlias) -> [SQLWriter] {
        if let link = step.relation.implicitJoin {
            var w = writer()
            writeLinkExists(link, remote: child, into: &w) { w in
                w.write(" = ")
                w.write(alias: parent, column: link.localKey)
            }
            return [w]
        }
        return step.relation.joinColumns.map { pair in
            var w = writer()
            w.write(alias: child, column: pair.remote)
            w.write(" = ")
            w.write(alias: parent, column: pair.local)
            return w
        }
    }

    /// A one-line subquery over the related rows of `step`, reached from `ctx` through `path`.
    func relatedRows(_ step: RelationStep, path: [RelationStep], _ ctx: ExprContext) -> (Block, ExprContext) {
        guard let table = ctx.table else { preconditionFailure("a relation outside a table context") }
        let parent = table.alias(for: path, builder: self)
        let sub = TableContext(model: model(step.target), alias: nextAlias("c"))
        let block = Block(from: .table(sub))
        block.wheres = correlation(step, child: sub.alias, parent: parent)
        return (block, ExprContext(table: sub, derived: nil))
    }

    /// The rows of `c.relation` for a collection with `hops` (`count(orders.lines)`): each hop
    /// is a subquery of the previous one's keys, `c2."order_id" IN (SELECT c1."id" FROM … c1
    /// WHERE <correlated to the row>)`, so every related row counts once and nothing joins.
    func hoppedRows(_ c: CollectionExpr, _ ctx: ExprContext) -> (Block, ExprContext) {
        var (block, inner) = relatedRows(c.hops[0], path: c.path, ctx)
        for step in c.hops.dropFirst() + [c.relation] {
            guard let outer = inner.table else { preconditionFailure("a hop outside a table context") }
            let sub = TableContext(model: model(step.target), alias: nextAlias("c"))
            if let link = step.relation.implicitJoin {
                // `EXISTS (SELECT 1 FROM "_PostToTag" AS l2 WHERE l2."B" = c2."id" AND l2."A" IN (<keys>))`
                var keys = writer()
                keys.write(alias: outer.alias, column: link.localKey)
                block.items = [(keys, "", false)]
                let previous = block
                var membership = writer()
                writeLinkExists(link, remote: sub.alias, into: &membership) { w in
                    w.write(" IN ")
                    self.writeSubquery(previous, into: &w)
                }
                block = Block(from: .table(sub))
                block.wheres = [membership]
                inner = ExprContext(table: sub, derived: nil)
                continue
            }
            let pairs = step.relation.joinColumns
            var keys = writer()
            for (i, pair) in pairs.enumerated() {
                if i > 0 { keys.write(", ") }
                keys.write(alias: outer.alias, column: pair.local)
            }
            block.items = [(keys, "", false)]
            var membership = writer()
            membership.write(pairs.count > 1 ? "(" : "")
            for (i, pair) in pairs.enumerated() {
                if i > 0 { membership.write(", ") }
                membership.write(alias: sub.alias, column: pair.remote)
            }
            membership.write(pairs.count > 1 ? ") IN " : " IN ")
            writeSubquery(block, into: &membership)
            block = Block(from: .table(sub))
            block.wheres = [membership]
            inner = ExprContext(table: sub, derived: nil)
        }
        return (block, inner)
    }

    /// `EXISTS (SELECT 1 FROM <link> AS lN WHERE lN."<remote side>" = remote."<key>" AND lN."<local side>"<local>)`:
    /// a link row counts only when tied to a row at each end (the audit checks both ties).
    func writeLinkExists(_ link: ImplicitJoin, remote: SQLAlias, into w: inout SQLWriter, local: (inout SQLWriter) -> Void) {
        let l = nextAlias("l")
        w.write("EXISTS (SELECT 1 FROM ")
        tenancy.writeLinkTable(link, into: &w)
        w.write(" AS ")
        w.write(alias: l)
        w.write(" WHERE ")
        w.write(alias: l, column: link.remoteSide)
        w.write(" = ")
        w.write(alias: remote, column: link.remoteKey)
        w.write(" AND ")
        w.write(alias: l, column: link.localSide)
        local(&w)
        w.write(")")
    }

    func writeSubquery(_ block: Block, into w: inout SQLWriter) {
        w.write("(")
        render(block, into: &w, indent: 0, oneLine: true)
        w.write(")")
    }

    func writeCollection(_ c: CollectionExpr, _ ctx: ExprContext, into w: inout SQLWriter) {
        let (block, inner) = c.hops.isEmpty ? relatedRows(c.relation, path: c.path, ctx) : hoppedRows(c, ctx)
        var select = writer()
        switch c.operation {
        case .count: select.write("count(*)")
        case .any, .all: select.write("1")
        case .sum, .avg, .min, .max:
            select.write(c.operation == .sum ? "sum(" : c.operation == .avg ? "avg(" : c.operation == .min ? "min(" : "max(")
            if let v = c.value { write(v, inner, into: &select, precedence: Precedence.lowest) }
            select.write(")")
        case .countDistinct, .median, .percentile, .stddev:
            writeCollectionStatistic(c, inner, into: &select)
        }
        block.items = [(select, "", false)]
        if let f = c.filter {
            var cond = writer()
            if c.operation == .all {
                // all(rel where e): no related row where e is false or null.
                cond.write("(")
                write(f, inner, into: &cond, precedence: Precedence.lowest)
                cond.write(") IS NOT TRUE")
            } else {
                write(f, inner, into: &cond, precedence: Precedence.and)
            }
            block.wheres.append(cond)
        }
        switch c.operation {
        case .any: w.write("EXISTS ")
        case .all: w.write("NOT EXISTS ")
        default: break
        }
        writeSubquery(block, into: &w)
    }

    /// `json_build_object($2::text, v1, …)` with the item names as bound keys.
    func writeObject(_ items: [OutputItem], _ ctx: ExprContext, into w: inout SQLWriter) {
        w.write("json_build_object(")
        for (i, item) in items.enumerated() {
            if i > 0 { w.write(", ") }
            w.write(bind: item.name, type: .builtin("text"))
            w.write(", ")
            switch item.value {
            case .expr(let e): write(e, ctx, into: &w, precedence: Precedence.lowest)
            case .shape(let s): writeShape(s, ctx, into: &w)
            }
        }
        w.write(")")
    }

    func writeShape(_ s: ShapeValue, _ ctx: ExprContext, into w: inout SQLWriter) {
        guard let table = ctx.table else { preconditionFailure("a shape outside a table context") }
        if let many = s.many, s.take != nil || s.skip != nil {
            writeCutShape(s, many: many, ctx, into: &w)
            return
        }
        if let many = s.many {
            let (block, inner) = relatedRows(many, path: s.path, ctx)
            block.wheres += s.filters.map { f in
                var c = writer()
                write(f, inner, into: &c, precedence: Precedence.and)
                return c
            }
            var select = writer()
            select.write("coalesce(json_agg(")
            writeObject(s.items, inner, into: &select)
            if case .table(let sub) = block.from {
                let order = shapeOrder(s.sort, model: model(many.target), alias: sub.alias, inner)
                if !order.isEmpty {
                    select.write(" ORDER BY ")
                    writeList(order, into: &select)
                }
            }
            select.write("), '[]'::json)")
            block.items = [(select, "", false)]
            writeSubquery(block, into: &w)
            return
        }
        // To-one: null when the related row is missing (any link of the path).
        let alias = table.alias(for: s.path, builder: self)
        guard let last = s.path.last, let probe = last.relation.joinColumns.first?.remote else {
            writeObject(s.items, ctx, into: &w)
            return
        }
        w.write("CASE WHEN ")
        w.write(alias: alias, column: probe)
        w.write(" IS NULL THEN NULL ELSE ")
        writeObject(s.items, ctx, into: &w)
        w.write(" END")
    }
}
