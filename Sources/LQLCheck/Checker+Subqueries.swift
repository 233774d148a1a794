import LQLDiagnostics
import LQLSchema
import LQLSyntax

// Queries used inside expressions: `x in (Invoice | where … | select customerId)` (or a `let`
// name), and the pipeline of a to-many shape, `(orders | where … | sort … | take 3) { … }`.
extension Checker {
    /// The query `r` spells, when it is one: a parenthesized pipeline, or a `let` name that is
    /// not a field or column here.
    func queryOperand(_ r: Expr, _ scope: Scope) -> Query? {
        switch r.kind {
        case .subquery(let q): return q
        case .name(let id) where lets[id.name] != nil && !nameIsField(id.name, scope):
            return Query(source: id, stages: [], span: id.span)
        default: return nil
        }
    }

    /// `x in (query)`: the query yields one column of x's type. It is not correlated: it reads
    /// its own rows, in the same tenant scope.
    func checkInQuery(_ l: Expr, _ q: Query, negated: Bool, _ scope: Scope, span: Span) -> TypedExpr {
        let tl = checkExpr(l, scope)
        guard var checked = checkQuery(q, final: true)?.query else { return errorExpr(span) }
        let qtext = source.text(in: q.span)
        guard checked.columns.count == 1, let column = checked.columns.first else {
            error(.misplacedSubquery, "`\(qtext)` yields \(checked.columns.count) columns; `in` needs exactly one",
                  at: q.span, hints: ["end the query with `| select field`, as in `(Invoice | where … | select customerId)`"])
            return errorExpr(span)
        }
        if tl.type.isError || column.type.isError { return errorExpr(span) }
        if column.type.isList || column.type.base == .json || !comparable(tl.type, column.type) {
            error(.misplacedSubquery, "`\(source.text(in: l.span))` is \(tl.type) but the query yields `\(column.name)`, \(column.type)",
                  at: q.span, hints: ["select a column of the same type"])
            return errorExpr(span)
        }
        // `x not in (…)` is never true when the query yields a null: the nulls are left out, so
        // "customers without an overdue invoice" does not come back empty because one has no customer.
        if negated && column.type.isOptional {
            let ref = TypedExpr(.output(column.name), type: column.type, span: q.span)
            checked.stages.append(.filter(TypedExpr(.isNull(ref, negated: true), type: .boolean, span: q.span)))
        }
        return TypedExpr(.inQuery(tl, checked, negated: negated), type: LQLType(.boolean, isOptional: tl.type.isOptional), span: span)
    }

    /// The stages of a to-many shape's pipeline, in the related rows' scope: `where`s, then at
    /// most one `sort`, then `skip` and/or `take` (in that order). Anything else has no meaning
    /// for a nested list.
    func checkShapeStages(_ stages: [Stage], _ inner: Scope, into value: inout ShapeValue) {
        enum Phase: Int { case filtering, sorted, skipped, taken }
        var phase = Phase.filtering
        for stage in stages {
            switch stage.kind {
            case .where(let e):
                if phase != .filtering {
                    error(.invalidShapeStage, "inside a shape, `where` comes before `sort`, `skip` and `take`", at: stage.span,
                          hints: ["move the `where` to the front: `(orders | where … | sort … | take n)`"])
                    continue
                }
                let t = checkExpr(e, inner)
                requireBoolean(t, what: "`where`")
                value.filters.append(t)
            case .sort(let keys):
                if phase != .filtering {
                    error(.invalidShapeStage, "a shape's pipeline has one `sort`, before `skip` and `take`", at: stage.span)
                    continue
                }
                phase = .sorted
                for key in keys {
                    let t = checkExpr(key.expr, inner)
                    if !t.type.isError && (t.type.isList || t.type.base == .json) {
                        error(.typeMismatch, "cannot sort by a \(t.type) value", at: key.expr.span)
                    }
                    value.sort.append(TypedSortKey(expr: t, descending: key.direction == .desc))
                }
            case .skip(let e):
                if phase.rawValue >= Phase.skipped.rawValue {
                    error(.invalidShapeStage, "inside a shape, write `skip` once and before `take`", at: stage.span,
                          hints: ["`(orders | sort … | skip 3 | take 3)` gives the 4th to 6th"])
                    continue
                }
                phase = .skipped
                value.skip = checkLimit(e, inner, keyword: "skip")
            case .take(let e):
                if phase == .taken {
                    error(.invalidShapeStage, "a shape's pipeline has one `take`", at: stage.span)
                    continue
                }
                phase = .taken
                value.take = checkLimit(e, inner, keyword: "take")
            default:
                error(.invalidShapeStage, "`\(stage.keyword)` cannot be used inside a shape", at: stage.span,
                      hints: ["a shape's pipeline takes `where`, `sort`, `skip` and `take`; its items go in `{ … }`"])
            }
        }
    }
}
