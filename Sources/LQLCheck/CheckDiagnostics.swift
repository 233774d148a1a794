import LQLDiagnostics

// The catalog of semantic diagnostics: one stable code per kind of problem, E02xx.
// Codes never change once released; add new ones at the end.

/// The checker's safety limits: a query must compile in bounded time and memory.
public enum CheckLimits {
    /// Most stages in one query, counting those inlined from its `let`s (real reports have a
    /// few dozen; each stage may become a nesting level of the SQL).
    public static let maxInlinedStages = 2_000
}
extension DiagnosticCode {
    public static let unknownModel = DiagnosticCode("E0201", "unknown model")
    public static let unknownField = DiagnosticCode("E0202", "unknown field")
    public static let unknownEnumValue = DiagnosticCode("E0203", "unknown enum value")
    public static let unknownFunction = DiagnosticCode("E0204", "unknown function")
    public static let unknownParameter = DiagnosticCode("E0205", "unknown parameter")
    public static let unknownType = DiagnosticCode("E0206", "unknown type")
    public static let typeMismatch = DiagnosticCode("E0207", "type mismatch")
    public static let compareWithNull = DiagnosticCode("E0208", "comparison with null")
    public static let toManyAsScalar = DiagnosticCode("E0209", "to-many relation used as a value")
    public static let relationAsValue = DiagnosticCode("E0210", "relation used as a value")
    public static let aggregateOutsideGrouping = DiagnosticCode("E0211", "aggregate outside a grouping")
    public static let nonAggregate = DiagnosticCode("E0212", "non-aggregate in `aggregate`")
    public static let wrongArity = DiagnosticCode("E0213", "wrong number of arguments")
    public static let invalidLimit = DiagnosticCode("E0214", "`take`/`skip` needs a non-negative integer")
    public static let nonBooleanCondition = DiagnosticCode("E0215", "condition is not boolean")
    public static let forbiddenField = DiagnosticCode("E0216", "field lql refuses to touch")
    public static let invalidDefault = DiagnosticCode("E0217", "invalid parameter default")
    public static let redefinition = DiagnosticCode("E0218", "name defined twice")
    public static let useBeforeDefinition = DiagnosticCode("E0219", "used before its definition")
    public static let misplacedRange = DiagnosticCode("E0220", "range outside `in`")
    public static let notAColumn = DiagnosticCode("E0221", "not an output column")
    public static let invalidParameterValue = DiagnosticCode("E0222", "invalid parameter value")
    public static let missingParameter = DiagnosticCode("E0223", "missing parameter value")
    public static let misplacedCollection = DiagnosticCode("E0224", "collection function misuse")
    public static let invalidShape = DiagnosticCode("E0225", "invalid shape")
    public static let unsupportedField = DiagnosticCode("E0226", "unsupported field type")
    public static let invalidArgument = DiagnosticCode("E0227", "invalid argument")
    public static let nestedAggregate = DiagnosticCode("E0228", "aggregate inside an aggregate")
    public static let unqueryableModel = DiagnosticCode("E0229", "model not queryable")
    public static let listOutsideIn = DiagnosticCode("E0230", "list outside `in`")
    public static let distinctOverShape = DiagnosticCode("E0231", "distinct over a nested shape")
    public static let queryTooLarge = DiagnosticCode("E0232", "query too large")
    public static let valueOutOfRange = DiagnosticCode("E0233", "literal out of range")

    /// Every semantic code, for documentation and the uniqueness test.
    public static let checkCatalog: [DiagnosticCode] = [
        .unknownModel, .unknownField, .unknownEnumValue, .unknownFunction, .unknownParameter, .unknownType,
        .typeMismatch, .compareWithNull, .toManyAsScalar, .relationAsValue, .aggregateOutsideGrouping,
        .nonAggregate, .wrongArity, .invalidLimit, .nonBooleanCondition, .forbiddenField, .invalidDefault,
        .redefinition, .useBeforeDefinition, .misplacedRange, .notAColumn, .invalidParameterValue, .distinctOverShape,
        .missingParameter, .misplacedCollection, .invalidShape, .unsupportedField, .invalidArgument,
        .nestedAggregate, .unqueryableModel, .listOutsideIn, .queryTooLarge, .valueOutOfRange,
    ] + analyticsCatalog + analyticsFilterCodes
}
