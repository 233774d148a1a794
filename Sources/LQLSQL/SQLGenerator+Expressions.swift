import LQLCheck
import LQLSchema
import LQLSyntax

/// Binding strength of SQL operators, for minimal parentheses.
enum Precedence {
    static let lowest = 0
    static let or = 1
    static let and = 2
    static let not = 3
    static let comparison = 4
    static let concat = 5
    static let additive = 6
    static let multiplicative = 7
    static let unary = 8
    static let atom = 9
}

extension StatementBuilder {
    func sqlType(_ t: LQLType) -> SQLType {
        let base: SQLType = switch t.base {
        case .string: .builtin("text")
        case .int: .builtin("integer")
        case .bigInt: .builtin("bigint")
        case .float: .builtin("double precision")
        case .decimal: .builtin("numeric")
        case .boolean: .builtin("boolean")
        case .dateTime: .builtin("timestamptz")
        case .date: .builtin("date")
        case .duration: .builtin("interval")
        case .json: .builtin("jsonb")
        case .bytes: .builtin("bytea")
        case .enumeration(let e): tenancy.enumType(e)
        case .null, .error: .builtin("text")
        }
        return t.isList ? .array(base) : base
    }

    /// PostgreSQL's text input form of a constant.
    func bindText(_ c: Constant) -> String? {
        switch c {
        case .string(let s): return s
        case .integer(let d), .decimal(let d), .float(let d): return d
        case .boolean(let b): return b ? "true" : "false"
        case .null: return nil
        case .date(let d): return d
        case .timestamp(let t): return t
        case .duration(let amount, let unit): return "\(amount) \(unit.rawValue)s"
        case .enumValue(let e, let v): return catalog.enumType(named: e)?.value(named: v)?.databaseName ?? v
        case .list(let items):
            // An array literal: every element double-quoted, `\` and `"` escaped with `\`.
            let parts = items.map { item -> String in
                guard let text = bindText(item) else { return "NULL" }
                return "\"" + text.escapingArrayElement + "\""
            }
            return "{" + parts.joined(separator: ",") + "}"
        }
    }

    func writeConstant(_ c: Constant, type: LQLType, into w: inout SQLWriter) {
        if case .null = c {
            w.write("NULL")
            return
        }
        if let native = nativeBindCast {
            w.write(bind: bindText(c), type: type.isList ? .array(native) : native)
            return
        }
        w.write(bind: bindText(c), type: sqlType(type.required.isNull ? .string : type.required))
    }

    func precedence(of e: TypedExpr) -> Int {
        switch e.kind {
        case .binary(let op, _, _):
            switch op {
            case .or: Precedence.or
            case .and: Precedence.and
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .contains: Precedence.comparison
            case .concat: Precedence.concat
            case .add, .subtract: Precedence.additive
            case .multiply, .divide, .remainder: Precedence.multiplicative
            case .coalesce: Precedence.atom
            }
        case .not: Precedence.not
        case .negate: Precedence.unary
        case .isNull, .inList, .inExprs, .has, .inQuery: Precedence.comparison
        case .inRange(_, _, _, let negated): negated ? Precedence.not : Precedence.and
        case .parameter(let name):
            if case .defaultValue(let d)? = parameters[name]?.value, !isConstant(d) { precedence(of: d) } else { Precedence.atom }
        default: Precedence.atom
        }
    }

    func isConstant(_ e: TypedExpr) -> Bool {
        if case .constant = e.kind { return true }
        return false
    }

    /// Writes `e`, in parentheses when it binds looser than its position needs.
    func write(_ e: TypedExpr, _ ctx: ExprContext, into w: inout SQLWriter, precedence needed: Int) {
        let own = precedence(of: e)
        if own < needed {
            w.write("(")
            writeBare(e, ctx, into: &w)
            w.write(")")
        } else {
            writeBare(e, ctx, into: &w)
        }
    }

    func writeBare(_ e: TypedExpr, _ ctx: ExprContext, into w: inout SQLWriter) {
        switch e.kind {
        case .constant(let c):
            writeConstant(c, type: e.type, into: &w)

        case .column(let ref):
            guard let table = ctx.table else { preconditionFailure("a column outside a table context") }
            w.write(alias: table.alias(for: ref.path, builder: self), column: ref.column)

        case .output(let name):
            // A derived table's column, or a column `derive` added to whole model rows.
            guard let alias = ctx.derived ?? ctx.table?.alias else { preconditionFailure("an output column outside a derived table") }
            w.write(alias: alias, column: name)

        case .parameter(let name):
            writeParameter(name, type: e.type, ctx, into: &w)

        case .not(let x):
            w.write("NOT ")
            write(x, ctx, into: &w, precedence: Precedence.not)

        case .negate(let x):
            w.write("-")
            write(x, ctx, into: &w, precedence: Precedence.unary + 1)

        case .binary(let op, let l, let r):
            writeBinary(op, l, r, ctx, into: &w)

        case .isNull(let x, let negated):
            write(x, ctx, into: &w, precedence: Precedence.comparison + 1)
            w.write(negated ? " IS NOT NULL" : " IS NULL")

        case .inList(let x, let list, let negated):
            write(x, ctx, into: &w, precedence: Precedence.comparison + 1)
            w.write(negated ? " <> ALL(" : " = ANY(")
            withNativeCast(comparisonCast(of: x, for: list), for: list) { write(list, ctx, into: &w, precedence: Precedence.lowest) }
            w.write(")")

        case .inExprs(let x, let items, let negated):
            write(x, ctx, into: &w, precedence: Precedence.comparison + 1)
            w.write(negated ? " NOT IN (" : " IN (")
            for (i, item) in items.enumerated() {
                if i > 0 { w.write(", ") }
                withNativeCast(comparisonCast(of: x, for: item), for: item) { write(item, ctx, into: &w, precedence: Precedence.lowest) }
            }
            w.write(")")

        case .inRange(let x, let lower, let upper, let negated):
            // Half-open: lower <= x < upper.
            if negated { w.write("NOT (") }
            write(x, ctx, into: &w, precedence: Precedence.comparison + 1)
            w.write(" >= ")
            withNativeCast(comparisonCast(of: x, for: lower), for: lower) { write(lower, ctx, into: &w, precedence: Precedence.comparison + 1) }
            w.write(" AND ")
            write(x, ctx, into: &w, precedence: Precedence.comparison + 1)
            w.write(" < ")
            withNativeCast(comparisonCast(of: x, for: upper), for: upper) { write(upper, ctx, into: &w, precedence: Precedence.comparison + 1) }
            if negated { w.write(")") }

        case .has(let list, let element):
            write(element, ctx, into: &w, precedence: Precedence.comparison + 1)
            w.write(" = ANY(")
            write(list, ctx, into: &w, precedence: Precedence.lowest)
            w.write(")")

        case .call(let fn, let args):
            writeCall(fn, args, type: e.type, ctx, into: &w)

        case .aggregate(let agg, let arg):
            writeAggregate(agg, arg, ctx, into: &w)

        case .collection(let c):
            writeCollection(c, ctx, into: &w)

        case .aggregateCall(let call):
            writeAggregateCall(call, type: e.type, ctx, into: &w)

        case .inQuery(let x, let query, let negated):
            writeInQuery(x, query, negated: negated, ctx, into: &w)
        case .caseWhen(let branches, let otherwise):
            writeCase(branches, otherwise: otherwise, type: e.type, ctx, into: &w)

        case .window(let window):
            writeWindow(window, ctx, into: &w)
        }
    }

    func writeParameter(_ name: String, type: LQLType, _ ctx: ExprContext, into w: inout SQLWriter) {
        guard let p = parameters[name] else {
            w.write("NULL")
            return
        }
        switch p.value {
        case .supplied(.null):
            // A parameter is always a bind, null included, so its type is known to the server.
            w.write(bind: nil, type: nativeBindCast ?? sqlType(p.type.required))
        case .supplied(let c):
            writeConstant(c, type: p.type, into: &w)
        case .defaultValue(let d):
            if case .constant(let c) = d.kind {
                // A constant default takes the declared type: `param min: Decimal = 0` is numeric.
                writeConstant(c, type: p.type, into: &w)
            } else {
                // A computed default (`today() - 90 days`) keeps its own types inside.
                let saved = nativeBindCast
                nativeBindCast = nil
                defer { nativeBindCast = saved }
                writeBare(d, ExprContext(table: nil, derived: nil), into: &w)
            }
        case .missing:
            w.write(bind: nil, type: nativeBindCast ?? sqlType(p.type.required))
        }
    }

    func writeBinary(_ op: TypedBinaryOperator, _ l: TypedExpr, _ r: TypedExpr, _ ctx: ExprContext, into w: inout SQLWriter) {
        switch op {
        case .coalesce:
            w.write("COALESCE(")
            write(l, ctx, into: &w, precedence: Precedence.lowest)
            w.write(", ")
            write(r, ctx, into: &w, precedence: Precedence.lowest)
            w.write(")")
            return
        case .contains:
            // Case-insensitive substring: the pattern's own `%`, `_` and `\` are escaped, in the
            // bind value when it is known, in SQL otherwise (`\` is LIKE's default escape).
            if nativeCast(of: l) != nil {
                // ILIKE is text's: a uuid or inet column is searched by its text form.
                write(l, ctx, into: &w, precedence: Precedence.atom)
                w.write("::text")
            } else {
                write(l, ctx, into: &w, precedence: Precedence.comparison + 1)
            }
            w.write(" ILIKE ('%' || ")
            if case .constant(.string(let s)) = r.kind {
                w.write(bind: likeEscaped(s), type: .builtin("text"))
            } else if case .parameter(let name) = r.kind, case .supplied(.string(let s))? = parameters[name]?.value {
                w.write(bind: likeEscaped(s), type: .builtin("text"))
            } else {
                w.write("replace(replace(replace(")
                write(r, ctx, into: &w, precedence: Precedence.lowest)
                w.write(", '\\', '\\\\'), '%', '\\%'), '_', '\\_')")
            }
            w.write(" || '%')")
            return
        default: break
        }
        let own = precedence(of: TypedExpr(.binary(op, l, r), type: .boolean, span: .at(0)))
        let isComparison = own == Precedence.comparison
        let leftNeeded = isComparison ? own + 1 : own
        let rightNeeded = (op == .and || op == .or) ? own : own + 1
        // Date ± Duration is a timestamp with time zone, like DateTime ± Duration.
        let castDate = (op == .add || op == .subtract) && (l.type.base == .duration || r.type.base == .duration)
        // Exact division: Int / Int is numeric, never truncated.
        let exactDivision = op == .divide && l.type.isInteger && r.type.isInteger
        withNativeCast(isComparison ? comparisonCast(of: r, for: l) : nil, for: l) {
            write(l, ctx, into: &w, precedence: (castDate && l.type.base == .date) || exactDivision ? Precedence.atom : leftNeeded)
        }
        if castDate && l.type.base == .date { w.write("::timestamptz") }
        if exactDivision { w.write("::numeric") }
        switch op {
        case .or: w.write(" OR ")
        case .and: w.write(" AND ")
        case .equal: w.write(" = ")
        case .notEqual: w.write(" <> ")
        case .less: w.write(" < ")
        case .lessOrEqual: w.write(" <= ")
        case .greater: w.write(" > ")
        case .greaterOrEqual: w.write(" >= ")
        case .add: w.write(" + ")
        case .subtract: w.write(" - ")
        case .multiply: w.write(" * ")
        case .divide: w.write(" / ")
        case .remainder: w.write(" % ")
        case .concat: w.write(" || ")
        case .contains, .coalesce: break
        }
        withNativeCast(isComparison ? comparisonCast(of: l, for: r) : nil, for: r) {
            write(r, ctx, into: &w, precedence: castDate && r.type.base == .date ? Precedence.atom : rightNeeded)
        }
        if castDate && r.type.base == .date { w.write("::timestamptz") }
    }

    func likeEscaped(_ s: String) -> String {
        var out = ""
        for ch in s {
            if ch == "\\" || ch == "%" || ch == "_" { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    func writeArgs(_ args: [TypedExpr], _ ctx: ExprContext, into w: inout SQLWriter) {
        for (i, a) in args.enumerated() {
            if i > 0 { w.write(", ") }
            write(a, ctx, into: &w, precedence: Precedence.lowest)
        }
    }

    func writeCall(_ fn: ScalarFunction, _ args: [TypedExpr], type: LQLType, _ ctx: ExprContext, into w: inout SQLWriter) {
        switch fn {
        case .daysBetween, .quarter, .week, .weekday, .hour, .string:
            writeCalendarCall(fn, args, ctx, into: &w)
        case .lower: w.write("lower("); writeArgs(args, ctx, into: &w); w.write(")")
        case .upper: w.write("upper("); writeArgs(args, ctx, into: &w); w.write(")")
        case .trim: w.write("btrim("); writeArgs(args, ctx, into: &w); w.write(")")
        case .length:
            w.write(args[0].type.isList ? "cardinality(" : "length(")
            writeArgs(args, ctx, into: &w)
            w.write(")")
        case .startsWith: w.write("starts_with("); writeArgs(args, ctx, into: &w); w.write(")")
        case .endsWith:
            w.write("right(")
            write(args[0], ctx, into: &w, precedence: Precedence.lowest)
            w.write(", length(")
            write(args[1], ctx, into: &w, precedence: Precedence.lowest)
            w.write(")) = ")
            write(args[1], ctx, into: &w, precedence: Precedence.comparison + 1)
        case .coalesce: w.write("COALESCE("); writeArgs(args, ctx, into: &w); w.write(")")
        case .round:
            w.write("round(")
            write(args[0], ctx, into: &w, precedence: Precedence.atom)
            if args[0].type.base != .float || args.count == 2 { w.write("::numeric") }
            if args.count == 2 {
                w.write(", ")
                write(args[1], ctx, into: &w, precedence: Precedence.lowest)
            }
            w.write(")")
        case .abs: w.write("abs("); writeArgs(args, ctx, into: &w); w.write(")")
        case .now: w.write("now()")
        case .today: w.write("current_date")
        case .date:
            write(args[0], ctx, into: &w, precedence: Precedence.atom)
            w.write("::date")
        case .trunc:
            w.write("date_trunc(")
            write(args[1], ctx, into: &w, precedence: Precedence.lowest)
            w.write(", ")
            write(args[0], ctx, into: &w, precedence: Precedence.lowest)
            if args[0].type.base == .date { w.write("::timestamptz") }
            w.write(")")
        case .year, .month, .day:
            w.write(fn == .year ? "extract(year FROM " : fn == .month ? "extract(month FROM " : "extract(day FROM ")
            write(args[0], ctx, into: &w, precedence: Precedence.lowest)
            w.write(")::integer")
        case .age:
            w.write("age(")
            for (i, a) in args.enumerated() {
                if i > 0 { w.write(", ") }
                write(a, ctx, into: &w, precedence: Precedence.atom)
                if a.type.base == .date { w.write("::timestamptz") }
            }
            w.write(")")
        }
    }

    func writeAggregate(_ agg: AggregateFunction, _ arg: TypedExpr?, _ ctx: ExprContext, into w: inout SQLWriter) {
        switch agg {
        case .count: w.write("count(")
        case .countDistinct: w.write("count(DISTINCT ")
        case .sum: w.write("sum(")
        case .avg: w.write("avg(")
        case .min: w.write("min(")
        case .max: w.write("max(")
        case .median, .percentile, .stddev:
            writeAggregateCall(AggregateCall(function: agg, argument: arg), type: arg.map { statisticResult($0.type) } ?? .decimal, ctx, into: &w)
            return
        }
        if let arg { write(arg, ctx, into: &w, precedence: Precedence.lowest) } else { w.write("*") }
        w.write(")")
    }
}
