import LQLCheck
import LQLSchema

// Conditional aggregates (`… FILTER (WHERE …)`), statistics (`percentile_cont`,
// `stddev_samp`), `x in (query)`, the calendar functions and cut shapes
// (`(orders | sort … | take 3) { … }`).
extension StatementBuilder {
    /// The result type of a statistic over values of type `t` (as the checker types it).
    func statisticResult(_ t: LQLType) -> LQLType {
        switch t.base {
        case .float: LQLType(.float, isOptional: true)
        case .duration: LQLType(.duration, isOptional: true)
        default: LQLType(.decimal, isOptional: true)
        }
    }

    /// `agg(x) FILTER (WHERE e)`; a percentile of exact numbers is cast back to numeric
    /// (`percentile_cont` computes in double precision).
    func writeAggregateCall(_ call: AggregateCall, type: LQLType, _ ctx: ExprContext, into w: inout SQLWriter) {
        let isPercentile = call.function == .median || call.function == .percentile
        let castBack = isPercentile && type.base == .decimal
        if castBack { w.write("(") }
        switch call.function {
        case .median, .percentile:
            writePercentile(call.fraction, call.argument, ctx, into: &w)
        case .stddev:
            w.write("stddev_samp(")
            if let a = call.argument { write(a, ctx, into: &w, precedence: Precedence.lowest) }
            w.write(")")
        default:
            writeAggregate(call.function, call.argument, ctx, into: &w)
        }
        if let f = call.filter {
            w.write(" FILTER (WHERE ")
            write(f, ctx, into: &w, precedence: Precedence.lowest)
            w.write(")")
        }
        if castBack { w.write(")::numeric") }
    }

    /// `percentile_cont($n) WITHIN GROUP (ORDER BY x)`: continuous, the fraction a bind.
    func writePercentile(_ fraction: TypedExpr?, _ value: TypedExpr?, _ ctx: ExprContext, into w: inout SQLWriter) {
        w.write("percentile_cont(")
        let p = fraction ?? TypedExpr(.constant(.decimal("0.5")), type: .float, span: .at(0))
        write(p, ctx, into: &w, precedence: Precedence.lowest)
        w.write(") WITHIN GROUP (ORDER BY ")
        if let value { write(value, ctx, into: &w, precedence: Precedence.lowest) }
        w.write(")")
    }

    /// The select of a collection's subquery for `count_distinct`, `median`, `percentile`, `stddev`.
    func writeCollectionStatistic(_ c: CollectionExpr, _ inner: ExprContext, into w: inout SQLWriter) {
        guard let v = c.value else { return }
        switch c.operation {
        case .countDistinct:
            w.write("count(DISTINCT ")
            write(v, inner, into: &w, precedence: Precedence.lowest)
            w.write(")")
        case .stddev:
            w.write("stddev_samp(")
            write(v, inner, into: &w, precedence: Precedence.lowest)
            w.write(")")
        default:
            let castBack = statisticResult(v.type).base == .decimal
            if castBack { w.write("(") }
            writePercentile(c.fraction, v, inner, into: &w)
            if castBack { w.write(")::numeric") }
        }
    }

    /// `x IN (SELECT …)`: the query compiled in this statement (same binds, fresh aliases), so
    /// every table in it carries the tenant predicate like the outer ones.
    func writeInQuery(_ x: TypedExpr, _ query: CheckedQuery, negated: Bool, _ ctx: ExprContext, into w: inout SQLWriter) {
        write(x, ctx, into: &w, precedence: Precedence.comparison + 1)
        w.write(negated ? " NOT IN " : " IN ")
        let block = build(query)
        writeSubquery(block, into: &w)
    }

    func writeCalendarCall(_ fn: ScalarFunction, _ args: [TypedExpr], _ ctx: ExprContext, into w: inout SQLWriter) {
        switch fn {
        case .daysBetween:
            // Whole days between the two dates (in the session's zone): date - date is an integer.
            w.write("(")
            write(args[1], ctx, into: &w, precedence: Precedence.atom)
            if args[1].type.base != .date { w.write("::date") }
            w.write(" - ")
            write(args[0], ctx, into: &w, precedence: Precedence.atom)
            if args[0].type.base != .date { w.write("::date") }
            w.write(")")
        case .quarter, .week, .weekday, .hour:
            switch fn {
            case .quarter: w.write("extract(quarter FROM ")
            case .week: w.write("extract(week FROM ")  // ISO 8601 week number
            case .weekday: w.write("extract(isodow FROM ")  // Monday 1 … Sunday 7
            default: w.write("extract(hour FROM ")
            }
            write(args[0], ctx, into: &w, precedence: Precedence.lowest)
            w.write(")::integer")
        default:
            writeString(args[0], ctx, into: &w)
        }
    }

    /// `string(x)`: `x::text`, except an enum whose values are mapped (`@map`) to other database
    /// names, which gives the LQL value name through a CASE of binds.
    func writeString(_ x: TypedExpr, _ ctx: ExprContext, into w: inout SQLWriter) {
        if case .enumeration(let name) = x.type.base, let e = catalog.enumType(named: name),
           e.values.contains(where: { $0.databaseName != $0.name }) {
            w.write("CASE ")
            write(x, ctx, into: &w, precedence: Precedence.atom)
            for v in e.values {
                w.write(" WHEN ")
                w.write(bind: v.databaseName, type: tenancy.enumType(name))
                w.write(" THEN ")
                w.write(bind: v.name, type: .builtin("text"))
            }
            w.write(" END")
            return
        }
        write(x, ctx, into: &w, precedence: Precedence.atom)
        w.write("::text")
    }

    func writeList(_ items: [SQLWriter], into w: inout SQLWriter) {
        for (i, item) in items.enumerated() {
            if i > 0 { w.write(", ") }
            w.write(item)
        }
    }

    /// A shape's order: its `sort` keys, then the related model's id (ascending), so items come
    /// in the same order every run.
    func shapeOrder(_ sort: [TypedSortKey], model target: Model, alias: SQLAlias, _ ctx: ExprContext) -> [SQLWriter] {
        var order: [SQLWriter] = sort.map { key in
            var k = writer()
            write(key.expr, ctx, into: &k, precedence: Precedence.lowest)
            direction(key, into: &k)
            return k
        }
        for column in target.primaryKey.compactMap({ target.field(named: $0)?.columnName }) {
            var k = writer()
            k.write(alias: alias, column: column)
            order.append(k)
        }
        return order
    }

    /// `(orders | … | take 3) { … }`: the related rows are cut in a subquery of whole rows
    /// (`SELECT c1.* … ORDER BY … LIMIT … OFFSET …`), then aggregated in the same order.
    func writeCutShape(_ s: ShapeValue, many: RelationStep, _ ctx: ExprContext, into w: inout SQLWriter) {
        let target = model(many.target)
        let (rows, rowCtx) = relatedRows(many, path: s.path, ctx)
        guard case .table(let sub) = rows.from else { return }
        rows.wheres += s.filters.map { f in
            var c = writer()
            write(f, rowCtx, into: &c, precedence: Precedence.and)
            return c
        }
        rows.orderBy = shapeOrder(s.sort, model: target, alias: sub.alias, rowCtx)
        if let take = s.take {
            var l = writer()
            write(take, rowCtx, into: &l, precedence: Precedence.lowest)
            rows.limit = l
        }
        if let skip = s.skip {
            var o = writer()
            write(skip, rowCtx, into: &o, precedence: Precedence.lowest)
            rows.offset = o
        }
        let cut = TableContext(model: target, alias: nextAlias("c"), rows: rows)
        let outerCtx = ExprContext(table: cut, derived: nil)
        let block = Block(from: .table(cut))
        var select = writer()
        select.write("coalesce(json_agg(")
        writeObject(s.items, outerCtx, into: &select)
        select.write(" ORDER BY ")
        writeList(shapeOrder(s.sort, model: target, alias: cut.alias, outerCtx), into: &select)
        select.write("), '[]'::json)")
        block.items = [(select, "", false)]
        writeSubquery(block, into: &w)
    }
}
