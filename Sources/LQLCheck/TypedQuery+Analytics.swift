import LQLSyntax

// IR of design v2's windows and `case` (TypedQuery.swift holds the rest).

public struct TypedCaseBranch: Sendable, Hashable {
    public var condition: TypedExpr
    public var value: TypedExpr
    public init(condition: TypedExpr, value: TypedExpr) {
        self.condition = condition
        self.value = value
    }
}

/// Ranking and offset functions, which exist only with `over`.
public enum WindowFunction: String, Sendable, Hashable, CaseIterable {
    case rowNumber = "row_number"
    case rank
    case denseRank = "dense_rank"
    case percentRank = "percent_rank"
    case ntile, lag, lead, first, last

    /// Functions whose result depends on the row order: they need a `sort`.
    public var needsSort: Bool { true }
    /// `first`/`last` read a frame; the others ignore one.
    public var readsFrame: Bool { self == .first || self == .last }
}

/// `f(args) over (by … sort … rows n)`.
public struct WindowExpr: Sendable, Hashable {
    public enum Function: Sendable, Hashable {
        case ranking(WindowFunction, [TypedExpr])
        /// An aggregate (`.aggregate` kind) computed over the window.
        case aggregate(TypedExpr)
    }
    public var function: Function
    public var partition: [TypedExpr]
    public var order: [TypedSortKey]
    /// `rows n`: the `n` rows ending at the current one.
    public var rows: TypedExpr?
    public init(function: Function, partition: [TypedExpr], order: [TypedSortKey], rows: TypedExpr?) {
        self.function = function
        self.partition = partition
        self.order = order
        self.rows = rows
    }
}

extension TypedExpr {
    /// The direct sub-expressions, for walks that only look (window detection, references).
    public var children: [TypedExpr] {
        switch kind {
        case .constant, .column, .output, .parameter: return []
        case .not(let x), .negate(let x), .isNull(let x, _): return [x]
        case .binary(_, let a, let b), .inList(let a, let b, _), .has(let a, let b): return [a, b]
        case .inExprs(let a, let xs, _): return [a] + xs
        case .inRange(let a, let l, let u, _): return [a, l, u]
        case .call(_, let args): return args
        case .aggregate(_, let arg): return arg.map { [$0] } ?? []
        case .collection: return []
        case .aggregateCall(let c): return [c.argument, c.fraction, c.filter].compactMap { $0 }
        case .inQuery(let x, _, _): return [x]
        case .caseWhen(let branches, let otherwise):
            return branches.flatMap { [$0.condition, $0.value] } + (otherwise.map { [$0] } ?? [])
        case .window(let w):
            var out: [TypedExpr] = []
            switch w.function {
            case .ranking(_, let args): out += args
            case .aggregate(let a): out.append(a)
            }
            return out + w.partition + w.order.map(\.expr) + (w.rows.map { [$0] } ?? [])
        }
    }

    /// Whether a window function occurs in this expression.
    public var containsWindow: Bool {
        if case .window = kind { return true }
        return children.contains { $0.containsWindow }
    }

    /// Whether a correlated subquery (a collection over a relation) occurs in this expression.
    public var containsCollection: Bool {
        if case .collection = kind { return true }
        return children.contains { $0.containsCollection }
    }

    /// `derive` on model rows computes windows and subqueries once, as a column of a nested
    /// SELECT; anything cheaper is written where it is used.
    public var isMaterializedByDerive: Bool { containsWindow || containsCollection }

    /// Names of earlier output columns this expression reads.
    public var outputReferences: Set<String> {
        if case .output(let n) = kind { return [n] }
        return children.reduce(into: Set<String>()) { $0.formUnion($1.outputReferences) }
    }
}
