/// Every safety limit of the lexer and parser, in one place. Hostile or accidental input
/// (10,000 nested parentheses, a megabyte of noise) must end in a diagnostic, never in a stack
/// overflow or an unbounded diagnostic list.
public enum SyntaxLimits {
    /// Deepest nesting of parentheses, lists, calls, unary operators and shapes.
    public static let maxNestingDepth = 200
    /// Most items in one comma-separated list (an `in` list, call arguments, `select` items…).
    public static let maxListLength = 10_000
    /// Longest string literal, in UTF-8 bytes of its decoded value.
    public static let maxStringLength = 64 * 1024
    /// Diagnostics reported per run; after this one `E0119` says the rest were dropped.
    public static let maxDiagnostics = 100
}
