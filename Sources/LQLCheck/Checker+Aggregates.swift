import LQLDiagnostics
import LQLSchema
import LQLSyntax

// Conditional aggregates (`count(where e)`, `sum(x where e)`) and the statistics (`median`,
// `percentile`, `stddev`), in `aggregate` and `group … aggregate`. Plain `sum(x)` and friends
// stay in Checker+Calls; this file takes every aggregate call that has a `where`, a fraction,
// or a statistic, and types it as an `AggregateCall`.
extension Checker {
    static let statisticNames: Set<String> = ["median", "percentile", "stddev"]

    /// Whether `checkAggregateCall` (rather than the plain aggregate path) types this call.
    func isAggregateCall(_ agg: AggregateFunction, filter: Expr?) -> Bool {
        filter != nil || agg == .median || agg == .percentile || agg == .stddev
    }

    /// Whether an aggregate may appear in `scope`; reports why not.
    func aggregateAllowed(_ f: Identifier, _ args: [Expr], _ scope: Scope, span: Span) -> Bool {
        switch scope.aggregates {
        case .allowed: return true
        case .forbidden:
            error(.aggregateOutsideGrouping, "`\(f.name)(…)` aggregates many rows; it needs a grouping", at: span,
                  hints: ["use it in `aggregate name: \(f.name)(…)` or `group by … aggregate name: \(f.name)(…)`",
                          "over a related list, write `\(f.name)(orders.total where …)` with a to-many relation"])
            for a in args { _ = checkExpr(a, scope) }
            return false
        case .inside:
            error(.nestedAggregate, "`\(f.name)(…)` inside another aggregate", at: span,
                  hints: ["aggregate in two steps: `group by … aggregate …` then `| aggregate …`"])
            return false
        }
    }

    func checkAggregateCall(_ agg: AggregateFunction, _ f: Identifier, _ args: [Expr], filter: Expr?, _ scope: Scope,
                            span: Span) -> TypedExpr {
        guard aggregateAllowed(f, args, scope, span: span) else { return errorExpr(span) }
        let inner = scope.with(aggregates: .inside)
        // The condition reads the same rows as the aggregate, never another aggregate.
        var typedFilter: TypedExpr? = nil
        if let filter {
            let t = checkExpr(filter, scope.with(aggregates: .forbidden))
            requireBoolean(t, what: "`where` in `\(f.name)`")
            typedFilter = t
        }
        if agg == .count && args.isEmpty {
            return TypedExpr(.aggregateCall(AggregateCall(function: .count, argument: nil, filter: typedFilter)), type: .bigInt, span: span)
        }
        if args.isEmpty && filter != nil {
            error(.wrongArity, "`\(f.name)(where …)` needs a value before `where`", at: span,
                  hints: ["write `\(f.name)(x where condition)`; only `count(where condition)` counts rows"])
            return errorExpr(span)
        }
        let usage = agg == .percentile ? "percentile(x, p)" : agg == .count ? "count(where e) or count(x where e)" : "\(f.name)(x where e)"
        guard arity(f, args, agg == .percentile ? 2...2 : 1...1, span: span, usage: usage) else { return errorExpr(span) }
        let arg = checkExpr(args[0], inner)
        if agg == .count, rejectCountOfBoolean(arg) { return errorExpr(span) }
        guard let type = aggregateType(agg, arg, f: f) else { return errorExpr(span) }
        var fraction: TypedExpr? = nil
        switch agg {
        case .median: fraction = TypedExpr(.constant(.decimal("0.5")), type: .float, span: f.span)
        case .percentile:
            guard let p = checkFraction(args[1]) else { return errorExpr(span) }
            fraction = p
        default: break
        }
        let call = AggregateCall(function: agg, argument: arg, fraction: fraction, filter: typedFilter)
        return TypedExpr(.aggregateCall(call), type: type, span: span)
    }

    /// `count(b)` with `b` Boolean counts the rows where `b` is not null, true or false: never
    /// what an analyst means.
    func rejectCountOfBoolean(_ arg: TypedExpr) -> Bool {
        guard !arg.type.isError, arg.type.isBoolean, !arg.type.isList else { return false }
        let text = source.text(in: arg.span)
        error(.countOfBoolean, "`count(\(text))` counts the rows where the condition is true or false, not where it holds",
              at: arg.span, hints: ["to count the rows where it holds, write `count(where \(text))`"],
              fixIts: [FixIt(span: .at(arg.span.start), replacement: "where ")])
        return true
    }

    /// The result type of a statistic over `t` (nil when it cannot take one).
    func statisticType(_ agg: AggregateFunction, _ t: LQLType) -> LQLType? {
        guard !t.isList else { return nil }
        switch t.base {
        case .int, .bigInt, .decimal: return LQLType(.decimal, isOptional: true)
        case .float: return LQLType(.float, isOptional: true)
        case .duration where agg != .stddev: return LQLType(.duration, isOptional: true)
        default: return nil
        }
    }

    /// `percentile`'s fraction: a number literal in [0, 1] or a parameter (checked when supplied).
    func checkFraction(_ e: Expr) -> TypedExpr? {
        let hint = "write a fraction between 0 and 1, as in `percentile(x, 0.9)` for the 90th percentile"
        switch e.kind {
        case .literal(.integer(let d)), .literal(.decimal(let d)):
            guard let v = Double(d), (0...1).contains(v) else {
                error(.fractionOutOfRange, "`percentile` needs a fraction between 0 and 1, not \(d)", at: e.span, hints: [hint])
                return nil
            }
            return TypedExpr(.constant(.decimal(d)), type: .float, span: e.span)
        case .parameter:
            let t = checkExpr(e, Scope(kind: .constant), expected: .float)
            if t.type.isError { return nil }
            guard t.type.isNumeric, !t.type.isList else {
                error(.typeMismatch, "`percentile` needs a number between 0 and 1, but `\(source.text(in: e.span))` is \(t.type)",
                      at: e.span, hints: [hint])
                return nil
            }
            if case .parameter(let name) = t.kind, let p = parameters[name], case .supplied(let c) = p.value {
                var text: String? = nil
                switch c {
                case .integer(let d), .decimal(let d), .float(let d): text = d
                default: break
                }
                if let text, let v = Double(text), !(0...1).contains(v) {
                    error(.fractionOutOfRange, "`percentile` needs a fraction between 0 and 1, but `$\(name)` is \(text)",
                          at: e.span, hints: [hint])
                    return nil
                }
            }
            return t
        default:
            error(.fractionOutOfRange, "`percentile`'s fraction must be a number literal or a parameter", at: e.span, hints: [hint])
            return nil
        }
    }
}

extension DiagnosticCode {
    public static let countOfBoolean = DiagnosticCode("E0260", "`count` of a Boolean")
    public static let fractionOutOfRange = DiagnosticCode("E0261", "percentile fraction outside [0, 1]")
    public static let misplacedSubquery = DiagnosticCode("E0262", "misplaced or mismatched query value")
    public static let invalidShapeStage = DiagnosticCode("E0263", "stage not allowed in a shape")
    static let analyticsFilterCodes: [DiagnosticCode] = [.countOfBoolean, .fractionOutOfRange, .misplacedSubquery, .invalidShapeStage]
}
