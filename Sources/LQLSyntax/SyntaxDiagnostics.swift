import LQLDiagnostics

// The catalog of syntax diagnostics: one stable code per kind of problem, E01xx.
// Codes never change once released; add new ones at the end.
extension DiagnosticCode {
    // Lexer
    public static let unterminatedString = DiagnosticCode("E0101", "unterminated string")
    public static let invalidEscape = DiagnosticCode("E0102", "invalid escape sequence")
    public static let invalidDate = DiagnosticCode("E0103", "invalid date or timestamp")
    public static let unexpectedCharacter = DiagnosticCode("E0104", "unexpected character")
    public static let controlCharacter = DiagnosticCode("E0105", "control character in source")
    public static let invalidNumber = DiagnosticCode("E0106", "invalid number")
    public static let stringTooLong = DiagnosticCode("E0107", "string literal too long")
    public static let invalidParameterName = DiagnosticCode("E0108", "invalid parameter name")

    // Parser
    public static let unexpectedToken = DiagnosticCode("E0110", "unexpected token")
    public static let foreignOperator = DiagnosticCode("E0111", "operator from another language")
    public static let missingBy = DiagnosticCode("E0112", "missing `by` after `group`")
    public static let emptyStage = DiagnosticCode("E0113", "empty stage")
    public static let unknownStage = DiagnosticCode("E0114", "unknown stage")
    public static let chainedComparison = DiagnosticCode("E0115", "chained comparison")
    public static let sortByNegation = DiagnosticCode("E0116", "`-` used for descending sort")
    public static let nestingTooDeep = DiagnosticCode("E0117", "nesting too deep")
    public static let listTooLong = DiagnosticCode("E0118", "list too long")
    public static let tooManyErrors = DiagnosticCode("E0119", "too many errors")
    public static let unclosedBracket = DiagnosticCode("E0120", "unclosed bracket")
    public static let unmatchedBracket = DiagnosticCode("E0121", "unmatched closing bracket")
    public static let trailingComma = DiagnosticCode("E0122", "trailing comma")
    public static let reservedWord = DiagnosticCode("E0123", "reserved word used as a name")
    public static let sqlAlias = DiagnosticCode("E0124", "`as` alias")
    public static let missingExpression = DiagnosticCode("E0125", "expected an expression")
    public static let missingStatementEnd = DiagnosticCode("E0126", "expected the end of the statement")

    /// Every syntax code, for documentation and the uniqueness test.
    public static let syntaxCatalog: [DiagnosticCode] = [
        .unterminatedString, .invalidEscape, .invalidDate, .unexpectedCharacter, .controlCharacter,
        .invalidNumber, .stringTooLong, .invalidParameterName,
        .unexpectedToken, .foreignOperator, .missingBy, .emptyStage, .unknownStage,
        .chainedComparison, .sortByNegation, .nestingTooDeep, .listTooLong, .tooManyErrors,
        .unclosedBracket, .unmatchedBracket, .trailingComma, .reservedWord, .sqlAlias,
        .missingExpression, .missingStatementEnd,
    ]
}
