import LQLDiagnostics
import LQLSchema
import LQLSyntax

// Windows (`f(…) over (by … sort … rows n)`) and `case` expressions.
extension Checker {
    static let windowFunctionNames = WindowFunction.allCases.map(\.rawValue)

    func checkWindow(_ call: Expr, _ spec: WindowSpec, _ scope: Scope, span: Span) -> TypedExpr {
        guard case .call(let f, let args, let filter) = call.kind else { return errorExpr(span) }
        // Everything inside is checked without windows: they do not nest.
        var inner = scope
        inner.windows = false
        inner.aggregates = .forbidden
        if !scope.windows || scope.aggregates == .inside {
            let place = scope.aggregates == .inside ? "inside an aggregate" : "in `\(scope.stage)`"
            error(.windowMisplaced, "a window function cannot be used \(place)", at: span,
                  hints: ["compute it in a `derive` (or `select`) first, then use its name: `| derive r: \(source.text(in: call.span)) over (…) | where r …`"])
            return errorExpr(span)
        }
        if let filter {
            error(.invalidWindow, "`where` inside a windowed function is not supported", at: filter.span,
                  hints: ["filter the rows before: `| where …`, or use `case when … then x end` as the argument"])
            return errorExpr(span)
        }
        let partition = spec.partition.map { key -> TypedExpr in
            let t = checkExpr(key, inner)
            if !t.type.isError && (t.type.isList || t.type.base == .json) {
                error(.typeMismatch, "cannot partition a window by a \(t.type) value", at: key.span)
            }
            return t
        }
        let order = spec.sort.map { key -> TypedSortKey in
            let t = checkExpr(key.expr, inner)
            if !t.type.isError && (t.type.isList || t.type.base == .json) {
                error(.typeMismatch, "cannot sort by a \(t.type) value", at: key.expr.span)
            }
            return TypedSortKey(expr: t, descending: key.direction == .desc)
        }
        let function: WindowExpr.Function
        let type: LQLType
        if let wf = WindowFunction(rawValue: f.name) {
            if order.isEmpty {
                error(.windowNeedsSort, "`\(f.name)` needs an order: add `sort` inside `over (…)`", at: spec.span,
                      hints: ["for example `\(f.name)(\(args.map { source.text(in: $0.span) }.joined(separator: ", "))) over (\(spec.partition.isEmpty ? "" : "by \(spec.partition.map { source.text(in: $0.span) }.joined(separator: ", ")) ")sort … desc)`"])
                return errorExpr(span)
            }
            guard let (targs, t) = checkWindowArguments(wf, f, args, inner, span: call.span) else { return errorExpr(span) }
            function = .ranking(wf, targs)
            type = t
            if spec.rows != nil && !wf.readsFrame {
                error(.invalidWindow, "`rows` does not change `\(f.name)`; it applies to aggregates, `first` and `last`",
                      at: spec.rows!.span, hints: ["remove `rows …`"])
                return errorExpr(span)
            }
        } else if let agg = AggregateFunction(rawValue: f.name) {
            if agg == .countDistinct || agg == .median || agg == .percentile {
                // PostgreSQL has no DISTINCT or ordered-set (percentile_cont) aggregate over a window.
                error(.invalidWindow, "`\(f.name)` cannot be computed over a window", at: f.span,
                      hints: ["compute it per group with `group by … aggregate x: \(f.name)(…)`"])
                return errorExpr(span)
            }
            let a = checkAggregate(agg, f, args, inner.with(aggregates: .allowed), span: call.span)
            if a.type.isError { return errorExpr(span) }
            function = .aggregate(a)
            type = a.type
        } else {
            let known = ScalarFunction(rawValue: f.name) != nil || Checker.collectionNames.contains(f.name)
            let close = Suggestions.closest(to: f.name, among: Checker.windowFunctionNames + AggregateFunction.allCases.map(\.rawValue))
            error(known ? .notAWindowFunction : .unknownFunction,
                  known ? "`\(f.name)` is not a window function; `over` follows a ranking, offset or aggregate function"
                        : "unknown window function `\(f.name)`",
                  at: known ? Span(f.span.start, spec.span.end) : f.span,
                  hints: (close.isEmpty ? [] : ["did you mean \(Suggestions.quotedList(close))?"])
                      + ["window functions: " + (Checker.windowFunctionNames + ["sum", "avg", "min", "max", "count"]).joined(separator: ", ")]
                      + (known ? ["or drop `over (…)` to call `\(f.name)` on each row"] : []))
            return errorExpr(span)
        }
        var rows: TypedExpr?
        if let r = spec.rows {
            if order.isEmpty {
                error(.invalidWindow, "`rows \(source.text(in: r.span))` needs a `sort` in `over (…)`: which rows come before this one?",
                      at: r.span, hints: ["add `sort key` before `rows`"])
                return errorExpr(span)
            }
            let n = checkLimit(r, Scope(kind: .constant), keyword: "rows")
            if n.type.isError { return errorExpr(span) }
            if case .constant(.integer(let d)) = n.kind, d == "0" {
                error(.invalidWindow, "`rows 0` is an empty window", at: r.span, hints: ["`rows 1` is the current row alone"])
                return errorExpr(span)
            }
            rows = n
        }
        let w = WindowExpr(function: function, partition: partition, order: order, rows: rows)
        return TypedExpr(.window(w), type: type, span: span)
    }

    func checkWindowArguments(_ wf: WindowFunction, _ f: Identifier, _ args: [Expr], _ scope: Scope, span: Span) -> ([TypedExpr], LQLType)? {
        switch wf {
        case .rowNumber, .rank, .denseRank, .percentRank:
            guard arity(f, args, 0...0, span: span, usage: "\(f.name)() over (sort …)") else { return nil }
            return ([], wf == .percentRank ? .float : .bigInt)
        case .ntile:
            guard arity(f, args, 1...1, span: span, usage: "ntile(4) over (sort …)") else { return nil }
            let n = checkPositiveCount(args[0], what: "ntile")
            guard let n else { return nil }
            return ([n], .int)
        case .lag, .lead:
            guard arity(f, args, 1...2, span: span, usage: "\(f.name)(x) or \(f.name)(x, n) over (sort …)") else { return nil }
            let x = checkExpr(args[0], scope)
            if x.type.isError { return nil }
            var out = [x]
            if args.count == 2 {
                let n = checkLimit(args[1], Scope(kind: .constant), keyword: f.name)
                if n.type.isError { return nil }
                out.append(n)
            }
            return (out, x.type.optional)
        case .first, .last:
            guard arity(f, args, 1...1, span: span, usage: "\(f.name)(x) over (sort …)") else { return nil }
            let x = checkExpr(args[0], scope)
            if x.type.isError { return nil }
            return ([x], x.type.optional)
        }
    }

    /// A positive whole number written as a literal or an Int parameter (a bind either way).
    func checkPositiveCount(_ e: Expr, what: String) -> TypedExpr? {
        let n = checkLimit(e, Scope(kind: .constant), keyword: what)
        if n.type.isError { return nil }
        if case .constant(.integer(let d)) = n.kind, d == "0" {
            error(.invalidArgument, "`\(what)` needs at least 1", at: e.span, hints: ["for quartiles write `\(what)(4)`"])
            return nil
        }
        return TypedExpr(n.kind, type: .int, span: n.span)
    }

    func checkCase(_ branches: [CaseBranch], otherwise: Expr?, _ scope: Scope, span: Span, expected: LQLType?) -> TypedExpr {
        var typed: [TypedCaseBranch] = []
        var common: LQLType? = nil
        var first: TypedExpr? = nil
        var failed = false
        func unify(_ v: TypedExpr) {
            guard !v.type.isError else { failed = true; return }
            guard let c = common, let f = first else { common = v.type; first = v; return }
            guard let n = commonType(c, v.type) else {
                if !failed {
                    error(.caseBranchTypes, "`case` branches must share one type: `\(source.text(in: f.span))` is \(c) but `\(source.text(in: v.span))` is \(v.type)",
                          at: v.span, hints: ["make every `then` and `else` the same type (numbers mix: Int widens to Decimal)"]
                              + (c.isString || v.type.isString ? ["turn a value into text with `string(…)`"] : []))
                }
                failed = true
                return
            }
            common = n
        }
        for b in branches {
            let c = checkExpr(b.condition, scope)
            requireBoolean(c, what: "`when`")
            let v = checkExpr(b.value, scope, expected: common?.required ?? expected)
            unify(v)
            typed.append(TypedCaseBranch(condition: c, value: v))
        }
        var other: TypedExpr?
        if let otherwise {
            let v = checkExpr(otherwise, scope, expected: common?.required ?? expected)
            unify(v)
            other = v
        }
        if failed { return errorExpr(span) }
        guard var type = common else { return errorExpr(span) }
        if type.isNull { type = LQLType(.string, isOptional: true) }
        if other == nil { type.isOptional = true }
        return TypedExpr(.caseWhen(typed, otherwise: other), type: type, span: span)
    }
}
