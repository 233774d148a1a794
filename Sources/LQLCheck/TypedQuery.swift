import LQLDiagnostics
import LQLSchema
import LQLSyntax

// The checker's output: a strictly typed relational IR. Every name is resolved to a catalog
// field, an output column, a parameter or an enum value; every expression carries its type.
// The SQL stage reads only this IR (and the catalog for table and column names).

/// A checked program: the parameters and the queries whose rows are output, in source order.
public struct CheckedProgram: Sendable {
    public var parameters: [CheckedParameter]
    public var outputs: [CheckedQuery]
    public init(parameters: [CheckedParameter], outputs: [CheckedQuery]) {
        self.parameters = parameters
        self.outputs = outputs
    }
}

public struct CheckedParameter: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        /// Supplied by the caller, parsed into a constant of the parameter's type.
        case supplied(Constant)
        /// The declared default: a constant or an expression like `today() - 90 days`.
        case defaultValue(TypedExpr)
        /// Neither supplied nor defaulted (an error was reported when it is used).
        case missing
    }
    public var name: String
    public var type: LQLType
    /// The default's source text, for listings.
    public var defaultText: String?
    /// Declared with a `param` statement (otherwise supplied by the caller and used in the source).
    public var isDeclared: Bool
    public var isRequired: Bool
    public var value: Value
    public var span: Span
    public init(name: String, type: LQLType, defaultText: String?, isDeclared: Bool, isRequired: Bool,
                value: Value, span: Span) {
        self.name = name
        self.type = type
        self.defaultText = defaultText
        self.isDeclared = isDeclared
        self.isRequired = isRequired
        self.value = value
        self.span = span
    }
}

/// One query: rows of `model` flowing through `stages` (a `let` source is inlined: its stages
/// come first). `columns` are the output columns of the last stage.
public struct CheckedQuery: Sendable, Hashable {
    public var model: String
    public var stages: [TypedStage]
    public var columns: [QueryColumn]
    public var span: Span
    /// The query's `| chart …`, its columns checked against `columns` (Checker+Chart.swift).
    public var chart: ChartSpec?
    public init(model: String, stages: [TypedStage], columns: [QueryColumn], span: Span, chart: ChartSpec? = nil) {
        self.model = model
        self.stages = stages
        self.columns = columns
        self.span = span
        self.chart = chart
    }
}

public struct QueryColumn: Sendable, Hashable {
    public var name: String
    public var type: LQLType
    public init(name: String, type: LQLType) {
        self.name = name
        self.type = type
    }
}

public enum TypedStage: Sendable, Hashable {
    case filter(TypedExpr)
    case select([OutputItem])
    case sort([TypedSortKey])
    case take(TypedExpr)
    case skip(TypedExpr)
    /// Keys and aggregates are both output items; keys come first in the output.
    case group(keys: [OutputItem], aggregates: [OutputItem])
    case aggregate([OutputItem])
    case count
    case distinct
    /// `derive`: on model rows, items without a window are inlined where they are used (the
    /// generator materialises only windows); on columns, every item becomes a column.
    case derive([OutputItem])
    /// `take n by k, …`; `tieBreak` orders rows the last sort leaves tied (the model's id, or
    /// every output column).
    case takeBy(TypedExpr, keys: [TypedExpr], tieBreak: [TypedSortKey])
    /// `append q`: UNION ALL; names from the left.
    case append(CheckedQuery)
}

/// An output column and how it is computed.
public struct OutputItem: Sendable, Hashable {
    public var name: String
    public var value: OutputValue
    public var span: Span
    public init(name: String, value: OutputValue, span: Span) {
        self.name = name
        self.value = value
        self.span = span
    }
    public var type: LQLType {
        switch value {
        case .expr(let e): e.type
        case .shape: LQLType(.json, isOptional: true)
        }
    }
}

public indirect enum OutputValue: Sendable, Hashable {
    case expr(TypedExpr)
    case shape(ShapeValue)
}

/// `customer { name, email }` (to-one: a JSON object, null when the related row is missing) or
/// `lines { product.name, quantity }` (to-many: a JSON array ordered by primary key).
public struct ShapeValue: Sendable, Hashable {
    /// To-one steps from the current row to the shaped row (to-one) or to the collection's owner.
    public var path: [RelationStep]
    /// The to-many step, when the shape is an array.
    public var many: RelationStep?
    /// Items in the shaped row's scope. For a to-one shape their paths already include `path`.
    public var items: [OutputItem]
    /// `(orders | where … | sort … | take n | skip m) { … }`: conditions, order and cut of the
    /// related rows (to-many shapes only), in the related row's scope.
    public var filters: [TypedExpr]
    public var sort: [TypedSortKey]
    public var take: TypedExpr?
    public var skip: TypedExpr?
    public init(path: [RelationStep], many: RelationStep?, items: [OutputItem], filters: [TypedExpr] = [],
                sort: [TypedSortKey] = [], take: TypedExpr? = nil, skip: TypedExpr? = nil) {
        self.path = path
        self.many = many
        self.items = items
        self.filters = filters
        self.sort = sort
        self.take = take
        self.skip = skip
    }
}

public struct TypedSortKey: Sendable, Hashable {
    public var expr: TypedExpr
    public var descending: Bool
    public init(expr: TypedExpr, descending: Bool) {
        self.expr = expr
        self.descending = descending
    }
}

/// One hop along a relation field of `model`.
public struct RelationStep: Sendable, Hashable {
    public var model: String
    public var field: String
    public var relation: Relation
    public init(model: String, field: String, relation: Relation) {
        self.model = model
        self.field = field
        self.relation = relation
    }
    public var target: String { relation.targetModel }
    public var isToMany: Bool { relation.cardinality == .toMany }
}

/// A column reached from the current row through zero or more to-one relations.
public struct ColumnRef: Sendable, Hashable {
    public var path: [RelationStep]
    /// The model that owns the column.
    public var model: String
    public var field: String
    public var column: String
    public init(path: [RelationStep], model: String, field: String, column: String) {
        self.path = path
        self.model = model
        self.field = field
        self.column = column
    }
}

/// A value known when the source is compiled. Every constant becomes a bind parameter.
public indirect enum Constant: Sendable, Hashable {
    case string(String)
    /// Digits, maybe with a leading `-`.
    case integer(String)
    case decimal(String)
    case float(String)
    case boolean(Bool)
    case null
    /// YYYY-MM-DD
    case date(String)
    /// ISO 8601 with offset.
    case timestamp(String)
    case duration(amount: String, unit: DurationUnit)
    case enumValue(enumName: String, value: String)
    case list([Constant])
}

public enum ScalarFunction: String, Sendable, Hashable, CaseIterable {
    case lower, upper, length, trim
    case startsWith = "starts_with"
    case endsWith = "ends_with"
    case coalesce, round, abs, now, today, date, trunc, year, month, day, age
    /// Whole days from the first date to the second (by the session's zone's date).
    case daysBetween = "days_between"
    case quarter, week, weekday, hour
    /// The text of any scalar; an enum's value name.
    case string
}

public enum AggregateFunction: String, Sendable, Hashable, CaseIterable {
    /// `count()` (no argument) or `count(e)`.
    case count
    case countDistinct = "count_distinct"
    case sum, avg, min, max
    /// Continuous statistics: `median(x)`, `percentile(x, p)`, `stddev(x)` (sample).
    case median, percentile, stddev
}

/// An aggregate with a condition or a fraction: `count(where e)`, `sum(x where e)`,
/// `percentile(x, p)`; compiles to `… FILTER (WHERE e)`.
public struct AggregateCall: Sendable, Hashable {
    public var function: AggregateFunction
    /// nil only for `count()` / `count(where e)`.
    public var argument: TypedExpr?
    /// `percentile`'s p (0…1); median is 0.5.
    public var fraction: TypedExpr?
    /// The condition, in the grouped rows' scope.
    public var filter: TypedExpr?
    public init(function: AggregateFunction, argument: TypedExpr?, fraction: TypedExpr? = nil, filter: TypedExpr? = nil) {
        self.function = function
        self.argument = argument
        self.fraction = fraction
        self.filter = filter
    }
}

/// A to-many relation used as a collection: `count(orders where …)`, `max(orders.orderDate)`,
/// `any(…)`, `all(…)`. Compiles to a correlated subquery, never a join.
public struct CollectionExpr: Sendable, Hashable {
    public enum Operation: String, Sendable, Hashable {
        case count, sum, avg, min, max, any, all
        case countDistinct = "count_distinct"
        case median, percentile, stddev
    }
    public var operation: Operation
    /// To-one steps from the current row to the collection's owner.
    public var path: [RelationStep]
    /// To-many steps before `relation` (`orders` in `count(orders.lines)`), outermost first;
    /// usually none.
    public var hops: [RelationStep]
    /// The to-many step whose rows the collection is over.
    public var relation: RelationStep
    /// A condition in the related row's scope.
    public var filter: TypedExpr?
    /// For sum/avg/min/max: the value in the related row's scope.
    public var value: TypedExpr?
    /// For percentile (and median, 0.5): the fraction.
    public var fraction: TypedExpr?
    public init(operation: Operation, path: [RelationStep], hops: [RelationStep] = [], relation: RelationStep,
                filter: TypedExpr?, value: TypedExpr?, fraction: TypedExpr? = nil) {
        self.fraction = fraction
        self.operation = operation
        self.path = path
        self.hops = hops
        self.relation = relation
        self.filter = filter
        self.value = value
    }
}

public enum TypedBinaryOperator: String, Sendable, Hashable {
    case or, and
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case contains = "~"
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"
    /// String concatenation (`+` on strings).
    case concat = "++"
    case coalesce = "??"
}

public struct TypedExpr: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case constant(Constant)
        case column(ColumnRef)
        /// An output column of the previous stage.
        case output(String)
        case parameter(String)
        case not(TypedExpr)
        case negate(TypedExpr)
        case binary(TypedBinaryOperator, TypedExpr, TypedExpr)
        case isNull(TypedExpr, negated: Bool)
        /// `x in [a, b]` / `x not in …`: the list is a constant list, a list parameter, or
        /// (when an item is not constant) several expressions.
        case inList(TypedExpr, TypedExpr, negated: Bool)
        case inExprs(TypedExpr, [TypedExpr], negated: Bool)
        /// `x in a..b`: `x >= a and x < b`.
        case inRange(TypedExpr, lower: TypedExpr, upper: TypedExpr, negated: Bool)
        /// `list has element`
        case has(TypedExpr, TypedExpr)
        case call(ScalarFunction, [TypedExpr])
        /// nil argument: `count()`.
        case aggregate(AggregateFunction, TypedExpr?)
        case collection(CollectionExpr)
        /// An aggregate with `where` or a fraction (see `AggregateCall`).
        case aggregateCall(AggregateCall)
        /// `x in (query)` / `x not in (query)`: the query yields one column of x's type.
        case inQuery(TypedExpr, CheckedQuery, negated: Bool)
        /// `case when c then v … else e end`
        case caseWhen([TypedCaseBranch], otherwise: TypedExpr?)
        /// `f(…) over (…)`
        case window(WindowExpr)
    }
    public var kind: Kind
    public var type: LQLType
    public var span: Span
    public init(_ kind: Kind, type: LQLType, span: Span) {
        self.kind = kind
        self.type = type
        self.span = span
    }
}
