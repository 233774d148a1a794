import LQLDiagnostics

/// The reserved words of LQL. They are lowercase and cannot be used as names.
/// Duration units (`days`, …) and `has` are deliberately NOT keywords: `day(x)` is a function
/// and a model may have a field called `has…`; the parser recognises them by position.
public enum Keyword: String, Hashable, Sendable, CaseIterable {
    case `where`, select, sort, take, skip, group, by, aggregate, count, distinct
    case `let`, param, `as`, and, or, not, `in`, `is`, null, `true`, `false`, asc, desc
    // Design v2 (analytics): stages `derive`, `append`; `case` expressions; windows.
    case derive, append
    case `case`, when, then, `else`, end, over, rows
}

/// What a token is. Punctuation and operators are named after their spelling.
public enum TokenKind: Hashable, Sendable {
    case identifier
    case keyword(Keyword)
    /// `42`, `1_000`
    case integer
    /// `3.14`
    case decimal
    /// `"…"` or `'…'`; the decoded value is in `Token.value`.
    case string
    /// `@2025-01-01`
    case date
    /// `@2025-01-01T09:30:00Z`
    case timestamp
    /// `$name`; the name is in `Token.value`.
    case parameter

    case pipe            // |
    case comma           // ,
    case colon           // :
    case semicolon       // ;
    case dot             // .
    case dotDot          // ..
    case leftParen, rightParen          // ( )
    case leftBracket, rightBracket      // [ ]
    case leftBrace, rightBrace          // { }
    case assign          // =
    case equal           // ==
    case notEqual        // !=
    case less, lessOrEqual, greater, greaterOrEqual   // < <= > >=
    case tilde           // ~
    case questionQuestion // ??
    case question        // ?  (optional types: `Int?`)
    case plus, minus, star, slash, percent

    /// Spellings from other languages, lexed whole so the parser can say what to write instead.
    case ampAmp          // &&  → and
    case pipePipe        // ||  → or
    case bang            // !   → not
    case lessGreater     // <>  → !=

    /// Trivia: `-- …` to the end of the line (kept for highlighting; the parser skips it).
    case comment
    /// Trivia: a line break. The parser keeps only those that separate statements.
    case newline
    /// Characters that are not LQL (already reported by the lexer).
    case invalid
    case endOfFile
}

/// One token with its source span (UTF-8 byte offsets) and, for literals and parameters,
/// the value it denotes.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    public var span: Span
    /// The source text of the token, exactly as written.
    public var text: String
    /// Strings: the decoded value. Integers/decimals: digits without `_`. Dates/timestamps:
    /// the canonical text without `@`. Parameters: the name without `$`. Otherwise nil.
    public var value: String?

    public init(kind: TokenKind, span: Span, text: String, value: String? = nil) {
        self.kind = kind
        self.span = span
        self.text = text
        self.value = value
    }

    /// Comments and newlines: kept in the token list for the REPL, not meaningful to the grammar.
    public var isTrivia: Bool {
        kind == .comment || kind == .newline
    }

    public var keyword: Keyword? {
        if case .keyword(let k) = kind { return k }
        return nil
    }

    public func isKeyword(_ k: Keyword) -> Bool { kind == .keyword(k) }

    /// True for an identifier spelled `word` (contextual words such as `has` or `days`).
    public func isIdentifier(_ word: String) -> Bool { kind == .identifier && text == word }
}

extension TokenKind {
    /// How the token is named in "expected …, found …" messages.
    public var displayName: String {
        switch self {
        case .identifier: "a name"
        case .keyword(let k): "`\(k.rawValue)`"
        case .integer: "an integer"
        case .decimal: "a decimal"
        case .string: "a string"
        case .date: "a date"
        case .timestamp: "a timestamp"
        case .parameter: "a parameter"
        case .comment: "a comment"
        case .newline: "a new line"
        case .invalid: "an invalid character"
        case .endOfFile: "the end of the input"
        default: "`\(spelling ?? "?")`"
        }
    }

    /// The fixed spelling of punctuation and operators.
    public var spelling: String? {
        switch self {
        case .pipe: "|"
        case .comma: ","
        case .colon: ":"
        case .semicolon: ";"
        case .dot: "."
        case .dotDot: ".."
        case .leftParen: "("
        case .rightParen: ")"
        case .leftBracket: "["
        case .rightBracket: "]"
        case .leftBrace: "{"
        case .rightBrace: "}"
        case .assign: "="
        case .equal: "=="
        case .notEqual: "!="
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        case .tilde: "~"
        case .questionQuestion: "??"
        case .question: "?"
        case .plus: "+"
        case .minus: "-"
        case .star: "*"
        case .slash: "/"
        case .percent: "%"
        case .ampAmp: "&&"
        case .pipePipe: "||"
        case .bang: "!"
        case .lessGreater: "<>"
        case .keyword(let k): k.rawValue
        default: nil
        }
    }

    /// Infix operators of the expression grammar (a line ending in one continues).
    public var isBinaryOperator: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .tilde,
             .questionQuestion, .plus, .minus, .star, .slash, .percent, .dotDot,
             .keyword(.and), .keyword(.or), .keyword(.in), .keyword(.is):
            true
        default:
            false
        }
    }

    public var isOpeningBracket: Bool { self == .leftParen || self == .leftBracket || self == .leftBrace }
    public var isClosingBracket: Bool { self == .rightParen || self == .rightBracket || self == .rightBrace }
}
