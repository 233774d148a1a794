import LQLCheck
import LQLSchema

// SQL for design v2's stages and expressions: `derive`, `take n by`, `append`, windows, `case`,
// and keeping a sort's order when a later stage wraps the block in another SELECT.
extension StatementBuilder {
    /// `inner`'s ORDER BY, re-written for `outer`, the block just nested around it. Whole model
    /// rows keep every column, so the same keys apply; a projection keeps the keys that are
    /// among its columns (the leading ones, so the order stays a refinement of the sort).
    func carryOrder(from inner: Block, to outer: Block) {
        guard !inner.orderBy.isEmpty, inner.orderBy.count == inner.sortKeys.count else { return }
        var carried: [TypedSortKey] = []
        if let items = inner.items {
            for (key, written) in zip(inner.sortKeys, inner.orderBy) {
                var name: String?
                if case .output(let n) = key.expr.kind, inner.orderByOutputsOnly {
                    name = n
                } else {
                    let suffix = key.descending ? " DESC NULLS LAST" : " NULLS LAST"
                    name = items.first { $0.sql.text + suffix == written.text }?.name
                }
                guard let n = name, let column = inner.columns.first(where: { $0.name == n }) else { break }
                carried.append(TypedSortKey(expr: TypedExpr(.output(n), type: column.type, span: key.expr.span),
                                            descending: key.descending))
            }
        } else {
            carried = inner.sortKeys
        }
        if inner.limit == nil && inner.offset == nil {
            // Only the outer order is seen; sorting the inner rows as well would be wasted work.
            inner.orderBy = []
            inner.sortKeys = []
        }
        guard !carried.isEmpty else { return }
        setOrder(carried, on: outer)
    }

    func setOrder(_ keys: [TypedSortKey], on block: Block) {
        let ctx = context(of: block)
        block.orderBy = keys.map { key in
            var w = writer()
            write(key.expr, ctx, into: &w, precedence: Precedence.lowest)
            direction(key, into: &w)
            return w
        }
        block.sortKeys = keys
        block.orderByOutputsOnly = false
    }

    /// On model rows only windows are materialised (other items are inlined where used): the
    /// block gains them after `t.*` and is nested, so later stages read them as columns. On
    /// columns, a new SELECT over the block adds every item.
    func applyDerive(_ items: [OutputItem], to block: inout Block) {
        // Model rows (straight from a table): plain items are inlined where used. Output columns
        // under a block without a select list (after a sort by an expression of them) take the
        // general path below, or the derived columns would go missing.
        if block.items == nil, case .table = block.from {
            let windows = items.filter { if case .expr(let e) = $0.value { e.isMaterializedByDerive } else { false } }
            guard !windows.isEmpty else { return }
            if block.limit != nil || block.offset != nil || !block.extras.isEmpty { block = nest(block) }
            let ctx = context(of: block)
            block.extras = windows.map { item in
                var w = writer()
                if case .expr(let e) = item.value { write(e, ctx, into: &w, precedence: Precedence.lowest) }
                return (w, item.name)
            }
            block = nest(block)
            return
        }
        block = nest(block)
        passThrough(block)
        let ctx = context(of: block)
        for item in items {
            var w = writer()
            if case .expr(let e) = item.value { write(e, ctx, into: &w, precedence: Precedence.lowest) }
            block.items?.append((w, item.name, true))
            block.columns.append(QueryColumn(name: item.name, type: item.type))
        }
    }

    /// `take n by k`: `row_number() OVER (PARTITION BY k ORDER BY <sort>, <tie-break>)` one level
    /// down, `<= n` one level up, and the sort's order kept on top.
    func applyTakeBy(_ n: TypedExpr, keys: [TypedExpr], tieBreak: [TypedSortKey], to block: inout Block) {
        let rowNumber = "__rn\(nextAlias("r").number)"
        var rows = block.items == nil
        if rows, case .derived = block.from {
            // Output columns under a block with no select list yet (a sort by an expression of
            // them makes one, its ORDER BY written against the inner alias): list them here, so
            // the row number sees that order; nest only what a limit already cut.
            rows = false
            if block.limit != nil || block.offset != nil { block = nest(block) }
            passThrough(block)
        } else if rows {
            if block.limit != nil || block.offset != nil || !block.extras.isEmpty { block = nest(block) }
        } else {
            block = nest(block)
            passThrough(block)
        }
        let ctx = context(of: block)
        var w = writer()
        w.write("row_number() OVER (")
        if !keys.isEmpty {
            w.write("PARTITION BY ")
            writeArgs(keys, ctx, into: &w)
            w.write(" ")
        }
        w.write("ORDER BY ")
        var order = block.orderBy
        let carried = block.sortKeys.count == block.orderBy.count ? block.sortKeys : []
        let sortedOutputs = Set(carried.compactMap { key -> String? in if case .output(let n) = key.expr.kind { n } else { nil } })
        let tieBreak = tieBreak.filter { key in
            if case .output(let n) = key.expr.kind { !sortedOutputs.contains(n) } else { true }
        }
        for key in tieBreak {
            var k = writer()
            write(key.expr, ctx, into: &k, precedence: Precedence.lowest)
            direction(key, into: &k)
            order.append(k)
        }
        for (i, k) in order.enumerated() {
            if i > 0 { w.write(", ") }
            w.write(k)
        }
        w.write(")")
        block.orderBy = []
        block.sortKeys = []
        let inner = block
        let outer: Block
        if rows {
            inner.extras.append((w, rowNumber))
            guard case .table(let t) = inner.from else { preconditionFailure("whole rows come from a table") }
            outer = Block(from: .table(TableContext(model: t.model, alias: nextAlias("t"), rows: inner)))
        } else {
            inner.items?.append((w, rowNumber, true))
            outer = Block(from: .derived(inner, nextAlias("s")))
            outer.columns = inner.columns
        }
        let octx = context(of: outer)
        var cond = writer()
        cond.write(alias: octx.derived ?? octx.table!.alias, column: rowNumber)
        cond.write(" <= ")
        write(n, octx, into: &cond, precedence: Precedence.comparison + 1)
        outer.wheres.append(cond)
        setOrder(carried + tieBreak, on: outer)
        block = outer
    }

    /// `append q`: `(left) UNION ALL (right)` as a derived table; names are the left's.
    func applyAppend(_ other: CheckedQuery, to block: inout Block) {
        passThrough(block)
        if block.items == nil || block.distinct && !block.unionBranches.isEmpty { block = nest(block); passThrough(block) }
        let right = build(other)
        for branch in [block, right] where branch.limit == nil && branch.offset == nil {
            branch.orderBy = []
            branch.sortKeys = []
        }
        block.sortKeys = []
        block.unionBranches = [right]
        let outer = Block(from: .derived(block, nextAlias("s")))
        outer.columns = block.columns
        passThrough(outer)
        block = outer
    }

    func renderUnion(_ b: Block, into w: inout SQLWriter, indent: Int, oneLine: Bool) {
        w.write("(")
        brk(&w, indent + 2, oneLine)
        renderSelect(b, into: &w, indent: indent + 2, oneLine: oneLine)
        brk(&w, indent, oneLine)
        w.write(")")
        for branch in b.unionBranches {
            brk(&w, indent, oneLine)
            w.write("UNION ALL")
            brk(&w, indent, oneLine)
            w.write("(")
            brk(&w, indent + 2, oneLine)
            render(branch, into: &w, indent: indent + 2, oneLine: oneLine)
            brk(&w, indent, oneLine)
            w.write(")")
        }
    }

    func writeCase(_ branches: [TypedCaseBranch], otherwise: TypedExpr?, type: LQLType, _ ctx: ExprContext, into w: inout SQLWriter) {
        w.write("CASE")
        for b in branches {
            w.write(" WHEN ")
            write(b.condition, ctx, into: &w, precedence: Precedence.lowest)
            w.write(" THEN ")
            writeCaseValue(b.value, type: type, ctx, into: &w)
        }
        if let otherwise {
            w.write(" ELSE ")
            writeCaseValue(otherwise, type: type, ctx, into: &w)
        }
        w.write(" END")
    }

    /// A constant branch value takes the case's type, so `then 1 … else 2.5` is numeric throughout.
    private func writeCaseValue(_ v: TypedExpr, type: LQLType, _ ctx: ExprContext, into w: inout SQLWriter) {
        if case .constant(let c) = v.kind, !type.isError {
            writeConstant(c, type: type, into: &w)
        } else {
            write(v, ctx, into: &w, precedence: Precedence.lowest)
        }
    }

    func writeWindow(_ window: WindowExpr, _ ctx: ExprContext, into w: inout SQLWriter) {
        var readsFrame = false
        switch window.function {
        case .ranking(let f, let args):
            switch f {
            case .rowNumber: w.write("row_number(")
            case .rank: w.write("rank(")
            case .denseRank: w.write("dense_rank(")
            case .percentRank: w.write("percent_rank(")
            case .ntile: w.write("ntile(")
            case .lag: w.write("lag(")
            case .lead: w.write("lead(")
            case .first: w.write("first_value(")
            case .last: w.write("last_value(")
            }
            for (i, a) in args.enumerated() {
                if i > 0 { w.write(", ") }
                if f == .ntile || i == 1 { writeInteger(a, ctx, into: &w) } else { write(a, ctx, into: &w, precedence: Precedence.lowest) }
            }
            w.write(")")
            readsFrame = f.readsFrame
        case .aggregate(let a):
            writeBare(a, ctx, into: &w)
            readsFrame = true
        }
        w.write(" OVER (")
        if !window.partition.isEmpty {
            w.write("PARTITION BY ")
            writeArgs(window.partition, ctx, into: &w)
        }
        if !window.order.isEmpty {
            if !window.partition.isEmpty { w.write(" ") }
            w.write("ORDER BY ")
            for (i, key) in window.order.enumerated() {
                if i > 0 { w.write(", ") }
                write(key.expr, ctx, into: &w, precedence: Precedence.lowest)
                direction(key, into: &w)
            }
            if readsFrame {
                if let rows = window.rows {
                    // `rows n`: the n rows ending here, so n - 1 before the current one.
                    w.write(" ROWS BETWEEN ")
                    if case .constant(.integer(let d)) = rows.kind, let n = Int64(d) {
                        w.write(bind: String(n - 1), type: .builtin("bigint"))
                    } else {
                        w.write("(")
                        write(rows, ctx, into: &w, precedence: Precedence.additive)
                        w.write(" - 1)")
                    }
                    w.write(" PRECEDING AND CURRENT ROW")
                } else if case .ranking = window.function {
                    // first/last of the whole partition in sort order, not "so far"
                    w.write(" ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING")
                } else {
                    w.write(" ROWS UNBOUNDED PRECEDING")
                }
            }
        }
        w.write(")")
    }

    /// ntile's bucket count and lag/lead's offset are `integer` in PostgreSQL.
    private func writeInteger(_ e: TypedExpr, _ ctx: ExprContext, into w: inout SQLWriter) {
        if case .constant(let c) = e.kind {
            writeConstant(c, type: .int, into: &w)
        } else {
            write(e, ctx, into: &w, precedence: Precedence.atom)
            if e.type.base != .int { w.write("::integer") }
        }
    }
}
