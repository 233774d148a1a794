import LQLDiagnostics

// The parse tree of LQL. Every node carries the span of the source it came from; analysis
// results (types, resolved names) live in the checker's output, never in these nodes.
// The grammar these nodes follow is grammar/lql.ebnf.

/// program = { statement } ;
public struct Program: Hashable, Sendable {
    public var statements: [Statement]
    public var span: Span
    public init(statements: [Statement], span: Span) {
        self.statements = statements
        self.span = span
    }
}

public struct Statement: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `param name: Type = default`
        case param(ParamDecl)
        /// `let name = query`
        case `let`(LetDecl)
        /// A query whose rows are output.
        case query(Query)
    }
    public var kind: Kind
    public var span: Span
    public init(_ kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
    }
}

public struct Identifier: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var span: Span
    public init(_ name: String, span: Span) {
        self.name = name
        self.span = span
    }
    public var description: String { name }
}

/// `param since: DateTime = today() - 90 days`; `param ids: String[]`; `param limit: Int?`
public struct ParamDecl: Hashable, Sendable {
    public var name: Identifier
    public var type: TypeRef
    public var defaultValue: Expr?
    public var span: Span
    public init(name: Identifier, type: TypeRef, defaultValue: Expr?, span: Span) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.span = span
    }
}

/// A written type: a Prisma scalar or enum name, with `[]` and/or `?`.
public struct TypeRef: Hashable, Sendable {
    public var name: Identifier
    public var isList: Bool
    public var isOptional: Bool
    public var span: Span
    public init(name: Identifier, isList: Bool, isOptional: Bool, span: Span) {
        self.name = name
        self.isList = isList
        self.isOptional = isOptional
        self.span = span
    }
}

/// `let recent = Order | where …`
public struct LetDecl: Hashable, Sendable {
    public var name: Identifier
    public var query: Query
    public var span: Span
    public init(name: Identifier, query: Query, span: Span) {
        self.name = name
        self.query = query
        self.span = span
    }
}

/// `Source | stage | stage …` where Source names a model or an earlier `let`.
public struct Query: Hashable, Sendable {
    public var source: Identifier
    public var stages: [Stage]
    public var span: Span
    /// A last `| chart …` stage (Chart.swift).
    public var chart: ChartSpec?
    public init(source: Identifier, stages: [Stage], span: Span, chart: ChartSpec? = nil) {
        self.source = source
        self.stages = stages
        self.span = span
        self.chart = chart
    }
}

public struct Stage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `where e`
        case `where`(Expr)
        /// `select item, …`
        case select([SelectItem])
        /// `sort key (asc|desc)?, …`
        case sort([SortKey])
        /// `take n`
        case take(Expr)
        /// `skip n`
        case skip(Expr)
        /// `group by k, … aggregate a: agg(…), …` (the aggregate clause may be empty)
        case group(keys: [NamedExpr], aggregates: [NamedExpr])
        /// `aggregate a: agg(…), …`
        case aggregate([NamedExpr])
        /// `count`
        case count
        /// `distinct`
        case distinct
        /// `derive name: expr, …`: keep the row, add named columns.
        case derive([NamedExpr])
        /// `take n by k, …`: the first `n` rows of each `k` tuple, in the last sort's order.
        case takeBy(Expr, by: [Expr])
        /// `append q`: the rows of `q` (a `let` name or a parenthesized query) after these.
        case append(Query)
    }
    public var kind: Kind
    public var span: Span
    public init(_ kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
    }

    /// The keyword that starts the stage, for messages.
    public var keyword: String {
        switch kind {
        case .where: "where"
        case .select: "select"
        case .sort: "sort"
        case .take: "take"
        case .skip: "skip"
        case .group: "group by"
        case .aggregate: "aggregate"
        case .count: "count"
        case .distinct: "distinct"
        case .derive: "derive"
        case .takeBy: "take"
        case .append: "append"
        }
    }
}

/// An expression with an optional output name: `revenue: sum(x)` or `customer.name`.
public struct NamedExpr: Hashable, Sendable {
    public var name: Identifier?
    public var expr: Expr
    public var span: Span
    public init(name: Identifier?, expr: Expr, span: Span) {
        self.name = name
        self.expr = expr
        self.span = span
    }
}

/// One item of `select` or of a shape.
public struct SelectItem: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `expr` or `name: expr`
        case expr(NamedExpr)
        /// `rel { item, … }` or `name: rel { item, … }`
        case shape(Shape)
    }
    public var kind: Kind
    public var span: Span
    public init(_ kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// A nested shape: `customer { name, email }` (to-one → JSON object) or
/// `lines { product.name, quantity }` (to-many → JSON array of objects).
public struct Shape: Hashable, Sendable {
    /// The output name; defaults to the last segment of `path`.
    public var name: Identifier?
    /// A relation path from the current row: `customer`, `customer.salesRep`, `lines`.
    public var path: Expr
    public var items: [SelectItem]
    /// `(orders | where … | sort … | take 3) { … }`: the stages inside the parentheses, in
    /// the related rows' scope (empty for a plain `orders { … }`).
    public var stages: [Stage]
    public var span: Span
    public init(name: Identifier?, path: Expr, items: [SelectItem], stages: [Stage] = [], span: Span) {
        self.name = name
        self.path = path
        self.items = items
        self.stages = stages
        self.span = span
    }
}

public struct SortKey: Hashable, Sendable {
    public enum Direction: String, Hashable, Sendable { case asc, desc }
    public var expr: Expr
    public var direction: Direction?
    public var span: Span
    public init(expr: Expr, direction: Direction?, span: Span) {
        self.expr = expr
        self.direction = direction
        self.span = span
    }
}

public enum DurationUnit: String, Hashable, Sendable, CaseIterable {
    case second, minute, hour, day, week, month, year
}

public enum Literal: Hashable, Sendable {
    /// The decoded string value (escapes already applied).
    case string(String)
    /// Digits only, underscores removed: `1_000` → "1000". Kept as text so no precision is lost.
    case integer(String)
    /// Exact decimal text, underscores removed: "3.14".
    case decimal(String)
    case boolean(Bool)
    case null
    /// `@2025-01-01` → "2025-01-01"
    case date(String)
    /// `@2025-01-01T09:30:00Z` → "2025-01-01T09:30:00Z"
    case timestamp(String)
    /// `30 days` → amount "30", unit .day
    case duration(amount: String, unit: DurationUnit)
}

public enum UnaryOperator: String, Hashable, Sendable {
    case not = "not"
    case negate = "-"
}

public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    case or = "or"
    case and = "and"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    /// Case-insensitive substring match.
    case contains = "~"
    /// `x in [a, b]`, `x in a..b`, `x in $list`
    case `in` = "in"
    /// `x not in [a, b]`
    case notIn = "not in"
    /// `list has value` (scalar lists)
    case has = "has"
    /// `a ?? b` (coalesce)
    case coalesce = "??"
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"
}

public struct Expr: Hashable, Sendable {
    public indirect enum Kind: Hashable, Sendable {
        case literal(Literal)
        /// A bare name: a field, a relation, an enum value, an output column of an earlier stage.
        case name(Identifier)
        /// `base.member`: a path step, or `EnumName.VALUE`.
        case member(Expr, Identifier)
        /// `$name`
        case parameter(Identifier)
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// `e is null` / `e is not null`
        case isNull(Expr, negated: Bool)
        /// `[a, b, c]`
        case list([Expr])
        /// `a..b`, half-open.
        case range(Expr, Expr)
        /// `f(args)` or, for collection functions, `count(rel where e)`, `any(rel where e)`.
        case call(Identifier, arguments: [Expr], filter: Expr?)
        /// `(Invoice | where … | select customerId)`: a pipeline as a value, after `in`/`not in`.
        case subquery(Query)
        /// `case when c then v … else e end`
        case caseWhen([CaseBranch], otherwise: Expr?)
        /// `f(args) over (by … sort … rows n)`: the call is an `Expr` of kind `.call`.
        case window(Expr, WindowSpec)
    }
    public var kind: Kind
    public var span: Span
    public init(_ kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
    }
}

extension Expr {
    /// The dotted path this expression spells, if it is one: `customer.salesRep.fullName`.
    public var pathSegments: [Identifier]? {
        switch kind {
        case .name(let id): return [id]
        case .member(let base, let id): return base.pathSegments.map { $0 + [id] }
        default: return nil
        }
    }
}

/// `when condition then value` of a `case`.
public struct CaseBranch: Hashable, Sendable {
    public var condition: Expr
    public var value: Expr
    public init(condition: Expr, value: Expr) {
        self.condition = condition
        self.value = value
    }
}

/// `over (by k, … sort key (asc|desc)?, … rows n)`; every part may be missing.
public struct WindowSpec: Hashable, Sendable {
    public var partition: [Expr]
    public var sort: [SortKey]
    public var rows: Expr?
    public var span: Span
    public init(partition: [Expr], sort: [SortKey], rows: Expr?, span: Span) {
        self.partition = partition
        self.sort = sort
        self.rows = rows
        self.span = span
    }
}
