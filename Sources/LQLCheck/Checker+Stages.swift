import LQLDiagnostics
import LQLSchema
import LQLSyntax

extension Checker {
    /// Checks a query. `final` queries produce output: a query that ends on model rows selects
    /// the model's default columns, and its stages are the inlined `let` stages and its own.
    /// A `let` (not `final`) keeps only its own stages; `prefix` is its source `let`'s chain.
    func checkQuery(_ query: Query, final: Bool)
        -> (query: CheckedQuery, scope: Scope.Kind, derived: [DerivedColumn], prefix: StageChain?, overLimit: Bool, weight: Int)? {
        var stages: [TypedStage] = []
        var scopeKind: Scope.Kind
        var derived: [DerivedColumn] = []
        var prefix: StageChain?
        let modelName: String
        let sourceName = query.source.name
        if let letDef = lets[sourceName] {
            if letDef.overLimit { return nil }
            prefix = letDef.chain
            scopeKind = letDef.endScope
            derived = letDef.derived
            modelName = letDef.model
        } else if let model = catalog.model(named: sourceName) {
            if model.isTenantRoot {
                error(.unqueryableModel, "lql refuses to query `\(sourceName)`: it holds the tenants themselves",
                      at: query.source.span, hints: ["a query always runs inside one tenant's scope"])
                return nil
            }
            if !catalog.canStartQuery(model) {
                refuseUnscoped(model, at: query.source.span)
                return nil
            }
            scopeKind = .row(model: model, prefix: [])
            modelName = model.name
        } else if let later = letsLater[sourceName] {
            error(.useBeforeDefinition, "`\(sourceName)` is used before its `let`", at: query.source.span,
                  hints: ["move `let \(sourceName) = …` above this query"],
                  notes: [DiagnosticNote("`\(sourceName)` is defined here", span: later)])
            return nil
        } else {
            let candidates = catalog.queryableModels.map(\.name) + lets.keys.sorted()
            let close = Suggestions.closest(to: sourceName, among: candidates)
            error(.unknownModel, "unknown model `\(sourceName)`", at: query.source.span,
                  hints: close.isEmpty ? ["models: " + catalog.queryableModels.map(\.name).joined(separator: ", ")]
                                       : ["did you mean \(Suggestions.quotedList(close))?"])
            return nil
        }

        // Count toward the statement's limit what this query inlines: its `let`'s stages (with
        // what they append) and its own, each nested `append`/`in` query adding its own count.
        let start = statementStages
        let inlined = prefix?.weight ?? 0
        statementStages += inlined
        let nested = start > 0
        func tooLarge() -> (query: CheckedQuery, scope: Scope.Kind, derived: [DerivedColumn], prefix: StageChain?, overLimit: Bool, weight: Int)? {
            // A `let` over the limit is still defined, so queries built on it fail quietly.
            if !final { return (CheckedQuery(model: modelName, stages: [], columns: [], span: query.span), scopeKind, derived, prefix, true, 0) }
            return nil
        }
        let hints = ["combine stages (one `where a and b` for `where a | where b`, one `derive` with several columns) or split the work into separate queries"]
            + (nested || inlined > (prefix?.count ?? 0) ? ["each `append` or `in` of a `let` compiles all of its stages again: append it once, or split the work into separate queries"] : [])
        if statementOverLimit { return tooLarge() }
        if statementStages + query.stages.count > CheckLimits.maxInlinedStages {
            let total = statementStages + query.stages.count
            let message = nested
                ? "this statement has \(total) stages counting each query it appends or tests with `in` (\(inlined + query.stages.count) from `\(source.text(in: query.span))`)"
                : "this query has \(total) stages" + (inlined > 0 ? ", \(inlined) of them from its chain of `let`s" : "")
            error(.queryTooLarge, message + "; lql compiles at most \(CheckLimits.maxInlinedStages) stages into one statement",
                  at: inlined > 0 ? query.source.span : query.span, hints: hints)
            statementOverLimit = true
            return tooLarge()
        }
        let outer = inlinedPrefix
        inlinedPrefix = prefix
        defer { inlinedPrefix = outer }
        for stage in query.stages {
            statementStages += 1
            checkStage(stage, scope: &scopeKind, derived: &derived, into: &stages)
            if statementOverLimit { return tooLarge() }
            if statementStages > CheckLimits.maxInlinedStages {
                error(.queryTooLarge, "with this stage the statement has \(statementStages) stages, counting each query it appends or tests with `in`; lql compiles at most \(CheckLimits.maxInlinedStages) stages into one statement",
                      at: stage.span, hints: hints)
                statementOverLimit = true
                return tooLarge()
            }
        }
        let weight = statementStages - start

        var columns: [QueryColumn]
        switch scopeKind {
        case .row(let model, _):
            let items = rowProjection(of: model, derived: derived, span: query.source.span)
            columns = items.map { QueryColumn(name: $0.name, type: $0.type) }
            if final { stages.append(.select(items)) }
        case .columns(let c): columns = c
        case .constant: columns = []
        }
        let chart = query.chart.flatMap { checkChart($0, columns: columns) }
        if final, let prefix { stages = prefix.flattened() + stages }
        return (CheckedQuery(model: modelName, stages: stages, columns: columns, span: query.span, chart: chart), scopeKind, derived,
                final ? nil : prefix, false, weight)
    }

    /// The model's scalar fields in schema order, minus secrets, the tenant key and unsupported types.
    func defaultItems(of model: Model, span: Span) -> [OutputItem] {
        model.columnFields.compactMap { field in
            guard !field.isForbidden, let type = LQLType(field: field) else { return nil }
            let ref = ColumnRef(path: [], model: model.name, field: field.name, column: field.columnName)
            return OutputItem(name: field.name, value: .expr(TypedExpr(.column(ref), type: type, span: span)), span: span)
        }
    }

    func checkStage(_ stage: Stage, scope kind: inout Scope.Kind, derived: inout [DerivedColumn],
                    into stages: inout [TypedStage]) {
        var scope = Scope(kind: kind, stage: stage.keyword)
        if case .row = kind { scope.derived = derived }
        defer { if case .columns = kind { derived = [] } }
        switch stage.kind {
        case .where(let e):
            let typed = checkExpr(e, scope)
            requireBoolean(typed, what: "`where`")
            stages.append(.filter(typed))

        case .select(let items):
            scope.windows = true
            let out = checkItems(items, scope)
            stages.append(.select(out))
            kind = .columns(out.map { QueryColumn(name: $0.name, type: $0.type) })

        case .sort(let keys):
            var typedKeys: [TypedSortKey] = []
            for key in keys {
                let typed = checkExpr(key.expr, scope)
                if !typed.type.isError && (typed.type.isList || typed.type.base == .json) {
                    error(.typeMismatch, "cannot sort by a \(typed.type) value", at: key.expr.span)
                }
                typedKeys.append(TypedSortKey(expr: typed, descending: key.direction == .desc))
            }
            stages.append(.sort(typedKeys))

        case .take(let e):
            stages.append(.take(checkLimit(e, scope, keyword: "take")))
        case .skip(let e):
            stages.append(.skip(checkLimit(e, scope, keyword: "skip")))

        case .group(let keys, let aggregates):
            var names = OutputNames(checker: self)
            var keyItems: [OutputItem] = []
            for key in keys {
                let typed = checkExpr(key.expr, scope)
                if typed.type.isList || typed.type.base == .json, !typed.type.isError {
                    error(.typeMismatch, "cannot group by a \(typed.type) value", at: key.expr.span)
                }
                keyItems.append(OutputItem(name: names.name(for: key.name, expr: key.expr), value: .expr(typed), span: key.span))
            }
            scope.aggregates = .allowed
            let aggItems = aggregates.map { checkAggregateItem($0, scope, names: &names) }
            stages.append(.group(keys: keyItems, aggregates: aggItems))
            kind = .columns((keyItems + aggItems).map { QueryColumn(name: $0.name, type: $0.type) })

        case .aggregate(let aggregates):
            var names = OutputNames(checker: self)
            scope.aggregates = .allowed
            let aggItems = aggregates.map { checkAggregateItem($0, scope, names: &names) }
            stages.append(.aggregate(aggItems))
            kind = .columns(aggItems.map { QueryColumn(name: $0.name, type: $0.type) })

        case .count:
            stages.append(.count)
            kind = .columns([QueryColumn(name: "count", type: .bigInt)])

        case .distinct:
            // Distinct rows of a model are distinct default columns: make that projection explicit.
            if case .row(let model, _) = kind {
                let items = rowProjection(of: model, derived: derived, span: stage.span)
                stages.append(.select(items))
                kind = .columns(items.map { QueryColumn(name: $0.name, type: $0.type) })
            }
            // Shapes are `json`, which has no equality in PostgreSQL: DISTINCT over one fails at run time.
            let lastProjection = StageChain.lastProjection(stages) ?? inlinedPrefix?.lastProjection
            if case .select(let items)? = lastProjection,
               items.contains(where: { if case .shape = $0.value { true } else { false } }) {
                error(.distinctOverShape, "`distinct` cannot compare rows that contain a nested shape", at: stage.span,
                      hints: ["apply `distinct` before the `select` with the shape, or select the shape's fields as plain columns"])
            }
            stages.append(.distinct)

        case .derive(let items):
            checkDerive(items, scope, kind: &kind, derived: &derived, into: &stages)
        case .takeBy(let n, let keys):
            checkTakeBy(n, keys, scope, span: stage.span, into: &stages)
        case .append(let other):
            checkAppend(other, scope, kind: &kind, derived: derived, into: &stages, span: stage.span)
        }
    }

    func checkAggregateItem(_ item: NamedExpr, _ scope: Scope, names: inout OutputNames) -> OutputItem {
        let typed = checkExpr(item.expr, scope)
        if !typed.type.isError, let bare = firstBareReference(typed) {
            error(.nonAggregate, "`\(source.text(in: bare.span))` is not aggregated: every `aggregate` item must be computed from aggregates",
                  at: bare.span,
                  hints: bareHints(bare))
        }
        return OutputItem(name: names.name(for: item.name, expr: item.expr), value: .expr(typed), span: item.span)
    }

    func bareHints(_ bare: TypedExpr) -> [String] {
        if case .collection = bare.kind {
            let text = source.text(in: bare.span)
            return ["`\(text)` is one value per row; to add it up over all rows, aggregate it: `sum(\(text))`",
                    "or start from the related model: `… | where … | aggregate total: sum(…)`"]
        }
        return ["wrap it in an aggregate such as `min(…)`, `max(…)` or `count_distinct(…)`, or move it to `group by`"]
    }

    /// A row or column reference not inside an aggregate function.
    func firstBareReference(_ e: TypedExpr) -> TypedExpr? {
        switch e.kind {
        case .column, .output: return e
        case .constant, .parameter, .aggregate, .aggregateCall: return nil
        case .inQuery(let x, _, _): return firstBareReference(x)
        case .collection: return e
        case .not(let x), .negate(let x), .isNull(let x, _): return firstBareReference(x)
        case .binary(_, let a, let b), .inList(let a, let b, _), .has(let a, let b):
            return firstBareReference(a) ?? firstBareReference(b)
        case .inExprs(let a, let xs, _): return firstBareReference(a) ?? xs.lazy.compactMap(firstBareReference).first
        case .inRange(let a, let l, let u, _):
            return firstBareReference(a) ?? firstBareReference(l) ?? firstBareReference(u)
        case .call(_, let args): return args.lazy.compactMap(firstBareReference).first
        case .caseWhen, .window: return e.children.lazy.compactMap(firstBareReference).first
        }
    }

    func checkItems(_ items: [SelectItem], _ scope: Scope) -> [OutputItem] {
        var names = OutputNames(checker: self)
        names.headedByPath = OutputNames.sharedNames(items)
        var out: [OutputItem] = []
        var earlier: [String: Span] = [:]
        for item in items {
            switch item.kind {
            case .expr(let named):
                if let id = sameStageReference(named.expr, earlier: earlier, scope) {
                    reportSameStageReference(id, stage: "select")
                    out.append(OutputItem(name: names.name(for: named.name, expr: named.expr),
                                          value: .expr(errorExpr(named.expr.span)), span: item.span))
                    continue
                }
                let typed = checkExpr(named.expr, scope)
                if let n = named.name { earlier[n.name] = n.span }
                out.append(OutputItem(name: names.name(for: named.name, expr: named.expr), value: .expr(typed), span: item.span))
            case .shape(let shape):
                let value = checkShape(shape, scope)
                let fallback = shape.path.pathSegments?.last?.name ?? "shape"
                out.append(OutputItem(name: names.name(for: shape.name, fallback: fallback, span: shape.span),
                                      value: value.map { .shape($0) } ?? .expr(TypedExpr(.constant(.null), type: .error, span: shape.span)),
                                      span: item.span))
            }
        }
        return out
    }

    func checkLimit(_ e: Expr, _ scope: Scope, keyword: String) -> TypedExpr {
        let hint = "write a whole number like `\(keyword) 20`, or an `Int` parameter"
        switch e.kind {
        case .literal(.integer(let digits)):
            guard Int64(digits) != nil else {
                error(.invalidLimit, "`\(keyword) \(digits)` is too large", at: e.span, hints: [hint])
                return TypedExpr(.constant(.integer("0")), type: .error, span: e.span)
            }
            return TypedExpr(.constant(.integer(digits)), type: .bigInt, span: e.span)
        case .parameter:
            let typed = checkExpr(e, Scope(kind: .constant), expected: .bigInt)
            if typed.type.isError { return typed }
            guard typed.type.isInteger else {
                error(.invalidLimit, "`\(keyword)` needs an integer, but `\(source.text(in: e.span))` is \(typed.type)",
                      at: e.span, hints: [hint])
                return TypedExpr(typed.kind, type: .error, span: e.span)
            }
            if case .parameter(let name) = typed.kind, let p = parameters[name], case .supplied(.integer(let v)) = p.value, v.hasPrefix("-") {
                error(.invalidLimit, "`\(keyword)` needs a non-negative integer, but `$\(name)` is \(v)", at: e.span, hints: [hint])
            }
            return typed
        case .unary(.negate, _):
            error(.invalidLimit, "`\(keyword)` needs a non-negative integer", at: e.span, hints: [hint])
        default:
            error(.invalidLimit, "`\(keyword)` needs a non-negative integer literal or parameter, not `\(source.text(in: e.span))`",
                  at: e.span, hints: [hint])
        }
        return TypedExpr(.constant(.integer("0")), type: .error, span: e.span)
    }

    func requireBoolean(_ e: TypedExpr, what: String) {
        guard !e.type.isError, !e.type.isBoolean else { return }
        error(.nonBooleanCondition, "\(what) needs a Boolean condition, but `\(source.text(in: e.span))` is \(e.type)",
              at: e.span, hints: ["compare it, as in `\(source.text(in: e.span)) == …`"])
    }
}

/// Output column names for one stage: the written name, else the last path segment, else the
/// function name. A path whose last segment another column of the stage also has (its own
/// name or a written one) is headed by its whole path instead (`customer.name`,
/// `product.name`); other collisions among derived names get `_2`, `_3`… in order. The names
/// are the table headings, csv headers and JSON keys alike.
struct OutputNames {
    let checker: Checker
    var used: [String: Span] = [:]
    /// Derived names more than one item of the stage would get: paths with them use the path.
    var headedByPath: Set<String> = []

    init(checker: Checker) { self.checker = checker }

    mutating func name(for written: Identifier?, expr: Expr) -> String {
        var fallback = OutputNames.derived(from: expr)
        if written == nil, headedByPath.contains(fallback), case .member = expr.kind,
           let segments = expr.pathSegments, segments.count > 1 {
            fallback = segments.map(\.name).joined(separator: ".")
        }
        return name(for: written, fallback: fallback, span: expr.span)
    }

    /// The names (written, or derived from a path's last segment) that several items share.
    static func sharedNames(_ items: [SelectItem]) -> Set<String> {
        var counts: [String: Int] = [:]
        for item in items {
            let name: String = switch item.kind {
            case .expr(let named): named.name?.name ?? derived(from: named.expr)
            case .shape(let shape): shape.name?.name ?? shape.path.pathSegments?.last?.name ?? "shape"
            }
            counts[name, default: 0] += 1
        }
        return Set(counts.filter { $0.value > 1 }.keys)
    }

    mutating func name(for written: Identifier?, fallback: String, span: Span) -> String {
        if let written {
            if let earlier = used[written.name] {
                checker.error(.redefinition, "output column `\(written.name)` is defined twice", at: written.span,
                              hints: ["rename one of them"],
                              notes: [DiagnosticNote("first defined here", span: earlier)])
            }
            used[written.name] = written.span
            return written.name
        }
        var candidate = fallback
        var n = 2
        while used[candidate] != nil { candidate = "\(fallback)_\(n)"; n += 1 }
        used[candidate] = span
        return candidate
    }

    static func derived(from expr: Expr) -> String {
        switch expr.kind {
        case .name(let id): return id.name
        case .member(_, let id): return id.name
        case .parameter(let id): return id.name
        case .call(let f, _, _): return f.name
        default: return "value"
        }
    }
}
