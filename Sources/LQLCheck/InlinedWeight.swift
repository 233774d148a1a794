import LQLSyntax

/// On model rows a plain derived column is written where it is used, so `derive b: a + a`
/// copies `a` twice: a chain of such derives doubles at every step, and 30 of them took the
/// compiler past any time limit. The weight is the number of expression nodes an expression
/// becomes once the derived columns it names are written in place, counted on the source
/// (never on the expansion), so the check itself stays linear.
extension Checker {
    func inlinedWeight(_ e: Expr, derived: [DerivedColumn]) -> Int {
        func sum(_ items: [Expr]) -> Int { items.reduce(0) { saturating($0, weigh($1)) } }
        func weigh(_ e: Expr) -> Int {
            switch e.kind {
            case .literal, .parameter: return 1
            // `x in (query)` writes the query's stages at every use of the column: weigh them
            // (a `let`'s chain with what it appends), or 30 doubling derives of `name in l9`
            // wrote 2,048 copies of 1,023 stages (12.7 s in `lql check`).
            case .subquery(let q): return saturating(1, saturating(q.stages.count, lets[q.source.name]?.chain.weight ?? 0))
            case .name(let id):
                guard let d = derived.last(where: { $0.name == id.name }), d.inline != nil else {
                    return max(1, lets[id.name]?.chain.weight ?? 1)  // a `let` name as `in`'s operand
                }
                return d.weight  // 0 for one already in error: nothing of it will be written
            case .member(let base, _): return saturating(1, weigh(base))
            case .unary(_, let x), .isNull(let x, _): return saturating(1, weigh(x))
            case .binary(_, let a, let b), .range(let a, let b): return saturating(1, sum([a, b]))
            case .list(let items): return saturating(1, sum(items))
            case .call(_, let args, let filter): return saturating(1, sum(args + (filter.map { [$0] } ?? [])))
            case .caseWhen(let branches, let otherwise):
                return saturating(1, sum(branches.flatMap { [$0.condition, $0.value] } + (otherwise.map { [$0] } ?? [])))
            case .window(let call, let spec):
                return saturating(1, sum([call] + spec.partition + spec.sort.map(\.expr) + (spec.rows.map { [$0] } ?? [])))
            }
        }
        return weigh(e)
    }

    private func saturating(_ a: Int, _ b: Int) -> Int {
        let (s, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : s
    }
}
