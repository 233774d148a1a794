import LQLDiagnostics
import LQLSchema
import LQLSyntax

extension Checker {
    static let collectionNames: Set<String> = ["count", "sum", "avg", "min", "max", "any", "all",
                                               "count_distinct", "median", "percentile", "stddev"]
    static let truncUnits = ["microseconds", "milliseconds", "second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century", "millennium"]

    var allFunctionNames: [String] {
        ScalarFunction.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue) + ["any", "all"]
    }

    func checkCall(_ f: Identifier, _ args: [Expr], filter: Expr?, _ scope: Scope, span: Span, expected: LQLType?) -> TypedExpr {
        let name = f.name
        // A to-many relation as the first argument makes a collection function.
        if Checker.collectionNames.contains(name), let first = args.first, case .row(let model, let prefix) = scope.kind,
           let segments = first.pathSegments, model.field(named: segments[0].name) != nil {
            guard let walk = walkPathQuietly(segments, from: model, prefix: prefix, manyRun: true) else {
                // A broken path (an unknown field further on, a to-one step between to-many
                // ones): its own error says more than "needs a grouping" would.
                _ = walkPath(segments, from: model, prefix: prefix, manyRun: true)
                return errorExpr(span)
            }
            if walk.manyIndex != nil {
                return checkCollection(f, args, filter: filter, walk: walk, scope, span: span)
            }
        }
        if name == "any" || name == "all" {
            error(.misplacedCollection, "`\(name)` needs a to-many relation, as in `\(name)(orders where …)`", at: args.first?.span ?? span)
            return errorExpr(span)
        }
        if let agg = AggregateFunction(rawValue: name), isAggregateCall(agg, filter: filter) {
            return checkAggregateCall(agg, f, args, filter: filter, scope, span: span)
        }
        if let filter {
            error(.misplacedCollection, "`where` inside `\(name)(…)` needs an aggregate or a to-many relation", at: filter.span,
                  hints: ["as in `count(where status == PENDING)`, `sum(total where …)` or `count(orders where status == PENDING)`"])
            return errorExpr(span)
        }
        if let agg = AggregateFunction(rawValue: name) {
            return checkAggregate(agg, f, args, scope, span: span)
        }
        if let fn = ScalarFunction(rawValue: name) {
            return checkScalarFunction(fn, f, args, scope, span: span, expected: expected)
        }
        if WindowFunction(rawValue: name) != nil {
            error(.windowNeedsSort, "`\(name)` is a window function: it needs `over (sort …)`", at: span,
                  hints: ["as in `\(name)(\(args.map { source.text(in: $0.span) }.joined(separator: ", "))) over (sort …)`, in `select` or `derive`"])
            return errorExpr(span)
        }
        let close = Suggestions.closest(to: name, among: allFunctionNames + WindowFunction.allCases.map(\.rawValue),
                                        maxDistance: name.count <= 4 ? 1 : 2)
        error(.unknownFunction, "unknown function `\(name)`", at: f.span,
              hints: close.isEmpty ? ["functions: " + allFunctionNames.joined(separator: ", ")] : ["did you mean \(Suggestions.quotedList(close))?"])
        for a in args { _ = checkExpr(a, scope) }
        return errorExpr(span)
    }

    /// Walks a path without reporting: used to decide whether a call is a collection function.
    func walkPathQuietly(_ segments: [Identifier], from model: Model, prefix: [RelationStep], manyRun: Bool = false) -> PathWalk? {
        let saved = diagnostics
        defer { diagnostics = saved }
        return walkPath(segments, from: model, prefix: prefix, manyRun: manyRun)
    }

    func arity(_ f: Identifier, _ args: [Expr], _ range: ClosedRange<Int>, span: Span, usage: String) -> Bool {
        guard range.contains(args.count) else {
            error(.wrongArity, "`\(f.name)` takes \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)") argument\(range.upperBound == 1 ? "" : "s"), not \(args.count)",
                  at: span, hints: ["usage: `\(usage)`"])
            return false
        }
        return true
    }

    func checkCollection(_ f: Identifier, _ args: [Expr], filter: Expr?, walk: PathWalk, _ scope: Scope, span: Span) -> TypedExpr {
        guard let op = CollectionExpr.Operation(rawValue: f.name), let m = walk.manyIndex else { return errorExpr(span) }
        let last = walk.lastManyIndex ?? m
        let relText = walk.segments.map(\.name).joined(separator: ".")
        guard args.count == (op == .percentile ? 2 : 1) else {
            error(.wrongArity, "`\(f.name)` over a relation takes \(op == .percentile ? "two arguments" : "one argument")", at: span,
                  hints: [op == .percentile ? "usage: `percentile(\(relText), p where …)`" : "usage: `\(f.name)(\(relText) where …)`"])
            return errorExpr(span)
        }
        // `orders.lines`: every step from m to last is to-many; the collection is the last one's
        // rows, reached through the earlier ones.
        let manyStep = walk.steps[last]
        let hops = Array(walk.steps[m..<last])
        let prefix = Array(walk.steps[..<m])
        let after = Array(walk.steps[(last + 1)...])
        guard let target = catalog.model(named: manyStep.target) else { return errorExpr(span) }
        // Everything inside the collection is in the related row's scope.
        let inner = Scope(kind: .row(model: target, prefix: []), aggregates: .forbidden, stage: scope.stage)
        var typedFilter: TypedExpr? = nil
        if let filter {
            let t = checkExpr(filter, inner)
            requireBoolean(t, what: "`where` in `\(f.name)`")
            typedFilter = t
        }
        let manyField = walk.steps[m...last].map(\.field).joined(separator: ".")
        switch op {
        case .count, .any, .all:
            if walk.field != nil || !after.isEmpty {
                error(.misplacedCollection, "`\(f.name)` takes the relation itself: `\(f.name)(\(manyField)\(op == .count ? "" : " where …"))`",
                      at: args[0].span, hints: op == .count ? ["to count non-null values, filter: `count(\(manyField) where … is not null)`"] : [])
                return errorExpr(span)
            }
            if op == .all && typedFilter == nil {
                error(.misplacedCollection, "`all` needs a condition: `all(\(manyField) where …)`", at: span)
                return errorExpr(span)
            }
            let c = CollectionExpr(operation: op, path: prefix, hops: hops, relation: manyStep, filter: typedFilter, value: nil)
            return TypedExpr(.collection(c), type: op == .count ? .bigInt : .boolean, span: span)
        case .sum, .avg, .min, .max, .countDistinct, .median, .percentile, .stddev:
            guard let field = walk.field, let ftype = LQLType(field: field) else {
                error(.misplacedCollection, "`\(f.name)` needs a field of the related rows, like `\(f.name)(\(relText).\(visibleFieldNames(target).first ?? "field"))`",
                      at: args[0].span)
                return errorExpr(span)
            }
            let ref = ColumnRef(path: after, model: walk.fieldModel.name, field: field.name, column: field.columnName)
            let value = TypedExpr(.column(ref), type: ftype, span: args[0].span)
            guard let agg = AggregateFunction(rawValue: f.name), let type = aggregateType(agg, value, f: f) else { return errorExpr(span) }
            var fraction: TypedExpr? = nil
            if op == .median { fraction = TypedExpr(.constant(.decimal("0.5")), type: .float, span: f.span) }
            if op == .percentile {
                guard let p = checkFraction(args[1]) else { return errorExpr(span) }
                fraction = p
            }
            let c = CollectionExpr(operation: op, path: prefix, hops: hops, relation: manyStep, filter: typedFilter, value: value,
                                   fraction: fraction)
            return TypedExpr(.collection(c), type: type, span: span)
        }
    }

    /// The result type of an aggregate over `arg` (nil after reporting a mismatch).
    func aggregateType(_ agg: AggregateFunction, _ arg: TypedExpr, f: Identifier) -> LQLType? {
        let t = arg.type
        if t.isError { return .error }
        switch agg {
        case .count, .countDistinct: return .bigInt
        case .sum:
            // PostgreSQL widens: sum(int) is bigint, sum(bigint) numeric.
            switch t.isList ? LQLType.Base.error : t.base {
            case .int: return LQLType(.bigInt, isOptional: true)
            case .bigInt, .decimal: return LQLType(.decimal, isOptional: true)
            case .float: return LQLType(.float, isOptional: true)
            case .duration: return LQLType(.duration, isOptional: true)
            default: break
            }
        case .avg:
            switch t.isList ? LQLType.Base.error : t.base {
            case .int, .bigInt, .decimal: return LQLType(.decimal, isOptional: true)
            case .float: return LQLType(.float, isOptional: true)
            case .duration: return LQLType(.duration, isOptional: true)
            default: break
            }
        case .min, .max:
            if !t.isList && t.base != .json && t.base != .bytes && t.base != .boolean && !t.isNull { return t.optional }
        case .median, .percentile, .stddev:
            if let type = statisticType(agg, t) { return type }
            error(.typeMismatch, "`\(f.name)` needs numbers\(agg == .stddev ? "" : " or durations"), but `\(source.text(in: arg.span))` is \(t)",
                  at: arg.span)
            return nil
        }
        error(.typeMismatch, "`\(f.name)` cannot aggregate \(t) values (`\(source.text(in: arg.span))`)", at: arg.span,
              hints: agg == .sum || agg == .avg ? ["`\(f.name)` needs numbers or durations"] : [])
        return nil
    }

    func checkAggregate(_ agg: AggregateFunction, _ f: Identifier, _ args: [Expr], _ scope: Scope, span: Span) -> TypedExpr {
        switch scope.aggregates {
        case .forbidden:
            error(.aggregateOutsideGrouping, "`\(f.name)(…)` aggregates many rows; it needs a grouping", at: span,
                  hints: ["use it in `aggregate name: \(f.name)(…)` or `group by … aggregate name: \(f.name)(…)`"]
                      + (args.first.flatMap { $0.pathSegments }.map { _ in ["over a related list, write `\(f.name)(orders.total)` with a to-many relation"] } ?? []))
            for a in args { _ = checkExpr(a, scope) }
            return errorExpr(span)
        case .inside:
            error(.nestedAggregate, "`\(f.name)(…)` inside another aggregate", at: span,
                  hints: ["aggregate in two steps: `group by … aggregate …` then `| aggregate …`"])
            return errorExpr(span)
        case .allowed: break
        }
        let inner = scope.with(aggregates: .inside)
        if agg == .count && args.isEmpty {
            return TypedExpr(.aggregate(.count, nil), type: .bigInt, span: span)
        }
        let usage = agg == .count ? "count() or count(e)" : "\(f.name)(e)"
        guard arity(f, args, 1...1, span: span, usage: usage) else { return errorExpr(span) }
        let arg = checkExpr(args[0], inner)
        if agg == .count, rejectCountOfBoolean(arg) { return errorExpr(span) }
        guard let type = aggregateType(agg, arg, f: f) else { return errorExpr(span) }
        return TypedExpr(.aggregate(agg, arg), type: type, span: span)
    }
}
