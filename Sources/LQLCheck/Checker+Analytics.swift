import LQLDiagnostics
import LQLSchema
import LQLSyntax

// The stages of design v2: `derive`, `take n by`, `append`; and the projection of model rows
// that carry derived columns.
extension DiagnosticCode {
    public static let windowMisplaced = DiagnosticCode("E0270", "window function outside `select`/`derive`")
    public static let notAWindowFunction = DiagnosticCode("E0271", "`over` after a function that is not a window function")
    public static let windowNeedsSort = DiagnosticCode("E0272", "ranking or offset function without `sort`")
    public static let takeByWithoutSort = DiagnosticCode("E0273", "`take … by` without a `sort`")
    public static let appendMismatch = DiagnosticCode("E0274", "`append` of a different shape")
    public static let caseBranchTypes = DiagnosticCode("E0275", "`case` branches of different types")
    public static let sameStageName = DiagnosticCode("E0276", "name made in the same `select`")
    public static let invalidWindow = DiagnosticCode("E0277", "invalid window")

    public static let analyticsCatalog: [DiagnosticCode] = [
        .windowMisplaced, .notAWindowFunction, .windowNeedsSort, .takeByWithoutSort, .appendMismatch,
        .caseBranchTypes, .sameStageName, .invalidWindow,
    ]
}

extension Checker {
    /// What a query ending on model rows outputs: the default columns, then derived ones.
    func rowProjection(of model: Model, derived: [DerivedColumn], span: Span) -> [OutputItem] {
        defaultItems(of: model, span: span) + derived.map { d in
            OutputItem(name: d.name, value: .expr(d.inline ?? TypedExpr(.output(d.name), type: d.type, span: d.span)), span: d.span)
        }
    }

    /// `derive a: …, b: …`. Items that read a column derived earlier in the same stage start a
    /// new `derive` stage, so the SQL never refers to a select-list alias of its own level.
    func checkDerive(_ items: [NamedExpr], _ base: Scope, kind: inout Scope.Kind, derived: inout [DerivedColumn],
                     into stages: inout [TypedStage]) {
        var scope = base
        scope.windows = true
        var group: [OutputItem] = []
        var groupNames: Set<String> = []
        var names = OutputNames(checker: self)
        func flush() {
            if !group.isEmpty { stages.append(.derive(group)) }
            group = []
            groupNames = []
        }
        for item in items {
            scope.derived = derived
            if case .columns(let c) = kind { scope.kind = .columns(c) }
            let typed = checkExpr(item.expr, scope)
            let name = names.name(for: item.name, expr: item.expr)
            let nameSpan = item.name?.span ?? item.expr.span
            switch kind {
            case .row(let model, _):
                if let field = model.fields.first(where: { $0.name == name || $0.columnName == name }) {
                    error(.redefinition, "`\(name)` is already a field of `\(model.name)`; `derive` adds new columns",
                          at: nameSpan, hints: ["choose another name, such as `\(name)2`, or replace it in a `select`: `select \(field.name): …`"])
                    continue
                }
                if let earlier = derived.first(where: { $0.name == name }) {
                    error(.redefinition, "`\(name)` is already derived", at: nameSpan,
                          hints: ["choose another name"], notes: [DiagnosticNote("first derived here", span: earlier.span)])
                    continue
                }
                if !typed.outputReferences.isDisjoint(with: groupNames) { flush() }
                let window = typed.isMaterializedByDerive
                derived.append(DerivedColumn(name: name, type: typed.type, inline: window ? nil : typed, span: nameSpan))
                group.append(OutputItem(name: name, value: .expr(typed), span: item.span))
                if window { groupNames.insert(name) }
            case .columns(let columns):
                if columns.contains(where: { $0.name == name }) {
                    error(.redefinition, "`\(name)` is already a column here; `derive` adds new columns", at: nameSpan,
                          hints: ["choose another name, or replace it with `select`"])
                    continue
                }
                if !typed.outputReferences.isDisjoint(with: groupNames) {
                    flush()
                }
                group.append(OutputItem(name: name, value: .expr(typed), span: item.span))
                groupNames.insert(name)
                kind = .columns(columns + [QueryColumn(name: name, type: typed.type)])
            case .constant:
                break
            }
        }
        flush()
    }

    /// `take n by k, …`: needs an order to say which rows come first.
    func checkTakeBy(_ n: Expr, _ keys: [Expr], _ scope: Scope, span: Span, into stages: inout [TypedStage]) {
        let count = checkLimit(n, scope, keyword: "take")
        var typedKeys: [TypedExpr] = []
        for key in keys {
            let typed = checkExpr(key, scope)
            if !typed.type.isError && (typed.type.isList || typed.type.base == .json) {
                error(.typeMismatch, "cannot take rows by a \(typed.type) value", at: key.span)
            }
            typedKeys.append(typed)
        }
        if !sortInEffect(stages) {
            let keyText = keys.map { source.text(in: $0.span) }.joined(separator: ", ")
            error(.takeByWithoutSort, "`take \(source.text(in: n.span)) by \(keyText)` needs a `sort` before it: the first rows of each group in which order?",
                  at: span, hints: ["sort first, as in `| sort total desc | take \(source.text(in: n.span)) by \(keyText)`"])
        }
        var tieBreak: [TypedSortKey] = []
        switch scope.kind {
        case .row(let model, _):
            for name in model.primaryKey {
                guard let field = model.field(named: name), let type = LQLType(field: field) else { continue }
                let ref = ColumnRef(path: [], model: model.name, field: field.name, column: field.columnName)
                tieBreak.append(TypedSortKey(expr: TypedExpr(.column(ref), type: type, span: span), descending: false))
            }
        case .columns(let columns):
            for c in columns where !c.type.isList && c.type.base != .json {
                tieBreak.append(TypedSortKey(expr: TypedExpr(.output(c.name), type: c.type, span: span), descending: false))
            }
        case .constant: break
        }
        stages.append(.takeBy(count, keys: typedKeys, tieBreak: tieBreak))
    }

    /// Whether the rows are still in the order of a `sort` (no grouping or union since),
    /// looking back through the inlined `let` stages too.
    func sortInEffect(_ stages: [TypedStage]) -> Bool {
        StageChain.sortDecision(stages) ?? inlinedPrefix?.sortInEffect ?? false
    }

    /// `append q`: the same number of columns, pairwise of one type; names from the left.
    func checkAppend(_ other: Query, _ scope: Scope, kind: inout Scope.Kind, derived: [DerivedColumn],
                     into stages: inout [TypedStage], span: Span) {
        var left: [QueryColumn]
        switch kind {
        case .row(let model, _):
            let items = rowProjection(of: model, derived: derived, span: span)
            stages.append(.select(items))
            left = items.map { QueryColumn(name: $0.name, type: $0.type) }
        case .columns(let c): left = c
        case .constant: return
        }
        guard let right = checkQuery(other, final: true)?.query else {
            kind = .columns(left)
            return
        }
        func list(_ cs: [QueryColumn]) -> String { cs.map { "`\($0.name)`" }.joined(separator: ", ") }
        if left.count != right.columns.count {
            error(.appendMismatch, "`append` needs rows of the same columns: this query has \(left.count) (\(list(left))), `\(source.text(in: other.span))` has \(right.columns.count) (\(list(right.columns)))",
                  at: other.span, hints: ["`select` the same number of columns, in the same order, on both sides"])
            kind = .columns(left)
            return
        }
        var result: [QueryColumn] = []
        for (l, r) in zip(left, right.columns) {
            if l.type.isError || r.type.isError { result.append(l); continue }
            guard let t = commonType(l.type, r.type), !(l.type.base == .json || r.type.base == .json) else {
                error(.appendMismatch, "`append` column `\(l.name)` is \(l.type) here but `\(r.name)` is \(r.type) in the appended rows",
                      at: other.span, hints: ["columns pair up by position; make the types match (for text, `string(…)`)"])
                result.append(l)
                continue
            }
            result.append(QueryColumn(name: l.name, type: t))
        }
        if right.columns.contains(where: { $0.type.base == .json }) || left.contains(where: { $0.type.base == .json }) {
            error(.appendMismatch, "`append` cannot combine rows with nested shapes", at: other.span,
                  hints: ["select the shape's fields as plain columns"])
        }
        stages.append(.append(right))
        kind = .columns(result)
    }

    /// A name an earlier item of the same `select` (or `aggregate`) made, used by a later one:
    /// say to `derive` it, instead of "no field".
    func sameStageReference(_ e: Expr, earlier: [String: Span], _ scope: Scope) -> Identifier? {
        switch e.kind {
        case .name(let id):
            if earlier[id.name] != nil && !nameIsField(id.name, scope) { return id }
            return nil
        case .member(let base, _):
            // only the head of a path can be such a name
            if let segs = e.pathSegments, let head = segs.first, segs.count > 1 {
                return earlier[head.name] != nil && !nameIsField(head.name, scope) ? head : nil
            }
            return sameStageReference(base, earlier: earlier, scope)
        case .literal, .parameter: return nil
        case .unary(_, let x), .isNull(let x, _): return sameStageReference(x, earlier: earlier, scope)
        case .binary(_, let a, let b), .range(let a, let b):
            return sameStageReference(a, earlier: earlier, scope) ?? sameStageReference(b, earlier: earlier, scope)
        case .list(let xs): return xs.lazy.compactMap { self.sameStageReference($0, earlier: earlier, scope) }.first
        case .call(_, let args, let filter):
            // inside a collection function the names are the related row's
            if let first = args.first?.pathSegments?.first, case .row(let model, _) = scope.kind,
               let f = model.field(named: first.name), f.isRelation { return nil }
            return (args + (filter.map { [$0] } ?? [])).lazy.compactMap { self.sameStageReference($0, earlier: earlier, scope) }.first
        case .caseWhen(let branches, let otherwise):
            let parts = branches.flatMap { [$0.condition, $0.value] } + (otherwise.map { [$0] } ?? [])
            return parts.lazy.compactMap { self.sameStageReference($0, earlier: earlier, scope) }.first
        case .window(let call, let spec):
            let parts = [call] + spec.partition + spec.sort.map(\.expr)
            return parts.lazy.compactMap { self.sameStageReference($0, earlier: earlier, scope) }.first
        default: return nil
        }
    }

    func reportSameStageReference(_ id: Identifier, stage: String) {
        error(.sameStageName, "`\(id.name)` is made in this same `\(stage)`; its items cannot use one another",
              at: id.span,
              hints: ["make it first with `derive \(id.name): …`, then use it: `| derive \(id.name): … | \(stage) …`",
                      "or use it in a second stage: `| \(stage) …, \(id.name) | select …`"])
    }
}
