import LQLDiagnostics

/// What parsing a source gives: the tree (statements that failed to parse are left out, stages
/// that failed are left out of their query) and every syntax diagnostic, lexer's included.
public struct ParseResult: Sendable {
    public var program: Program
    public var diagnostics: [Diagnostic]
    public init(program: Program, diagnostics: [Diagnostic]) {
        self.program = program
        self.diagnostics = diagnostics
    }
    public var hasErrors: Bool { diagnostics.contains { $0.isError } }
}

/// The entry point of the syntax stage: source text → parse tree + diagnostics.
public enum LQLParser {
    public static func parse(_ source: SourceFile) -> ParseResult {
        let (tokens, lexerDiagnostics) = Lexer.tokenize(source)
        var parser = Parser(source: source, rawTokens: tokens)
        for d in lexerDiagnostics { parser.diagnostics.add(d) }
        let program = parser.program()
        return ParseResult(program: program, diagnostics: parser.diagnostics.diagnostics)
    }
}

/// Thrown inside the parser once a diagnostic has been recorded, to unwind to the nearest
/// recovery point (the stage, then the statement). Never escapes `LQLParser.parse`.
struct ParseFailure: Error {}

/// A recursive-descent parser with one method per rule of grammar/lql.ebnf, named after the rule.
/// Rules live in Parser+Statements, Parser+Stages and Parser+Expressions.
struct Parser {
    let source: SourceFile
    /// Significant tokens: no comments, and only the newlines that separate statements.
    var tokens: [Token] = []
    /// Bracket depth before each token, used to resynchronise at a `|` outside brackets.
    var depths: [Int] = []
    /// Whether a line break came before each token (for "trailing `|`" messages).
    var startsLine: [Bool] = []
    var index = 0
    var diagnostics = CappedDiagnostics()
    /// Current nesting of expressions and shapes, bounded by `SyntaxLimits.maxNestingDepth`.
    /// Operator and `.` chains count one level per link: they build trees as deep as they are
    /// long, and deep trees would overflow the stack later (printing, hashing, freeing).
    var nesting = 0
    /// End of the last consumed token, for node spans.
    var lastEnd = 0
    /// Parenthesized queries being read (`append (Customer | …)`): there `)` ends a stage too.
    var subqueryDepth = 0

    init(source: SourceFile, rawTokens: [Token]) {
        self.source = source
        keepSignificant(rawTokens)
    }

    // MARK: - Statement separation

    /// Drops trivia and decides which line breaks end a statement: those where the previous
    /// line can end one (it does not end in an operator, `,`, `:`, `=`, `|`, `.`, an opening
    /// bracket or a keyword that needs more) and the next line begins one (a name, `let`,
    /// `param`). So a line starting with `|`, `aggregate`, `and`, `desc`, `)`… continues.
    /// Inside brackets valid LQL never meets such a break (items need `,`, operators continue);
    /// when it does, the bracket is reported unclosed there, so one missing `)` does not
    /// swallow the rest of a file.
    private mutating func keepSignificant(_ raw: [Token]) {
        var depth = 0
        var pendingNewline: Token?
        var sawNewline = false
        var previous: Token?
        for token in raw {
            switch token.kind {
            case .comment:
                continue
            case .newline:
                if pendingNewline == nil { pendingNewline = token }
                sawNewline = true
                continue
            default:
                break
            }
            if let newline = pendingNewline, let prev = previous,
               token.canBeginStatement, !prev.continuesOnNextLine {
                tokens.append(newline)
                depths.append(0)
                startsLine.append(true)
                depth = 0
            }
            pendingNewline = nil
            tokens.append(token)
            depths.append(depth)
            startsLine.append(sawNewline)
            sawNewline = false
            previous = token
            if token.kind.isOpeningBracket {
                depth += 1
            } else if token.kind.isClosingBracket {
                depth = max(0, depth - 1)
            } else if token.kind == .semicolon {
                depth = 0  // `;` always ends a statement, even inside an unclosed bracket
            }
        }
    }

    // MARK: - Token access

    var current: Token { tokens[index] }

    func peek(_ offset: Int = 1) -> Token {
        tokens[min(index + offset, tokens.count - 1)]
    }

    func check(_ kind: TokenKind) -> Bool { current.kind == kind }

    func check(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if token.kind != .endOfFile {
            index += 1
            lastEnd = token.span.end
        }
        return token
    }

    mutating func match(_ kind: TokenKind) -> Token? {
        check(kind) ? advance() : nil
    }

    mutating func match(_ keyword: Keyword) -> Token? {
        check(keyword) ? advance() : nil
    }

    /// Consumes a token of `kind` or reports "expected `what`, found …" and fails.
    @discardableResult
    mutating func expect(_ kind: TokenKind, _ what: String, hints: [String] = []) throws -> Token {
        if let token = match(kind) { return token }
        throw fail(expected: what, hints: hints)
    }

    var atStatementEnd: Bool {
        switch current.kind {
        case .semicolon, .newline, .endOfFile: true
        default: false
        }
    }

    var atStageEnd: Bool {
        atStatementEnd || check(.pipe) || check(.pipePipe) || (subqueryDepth > 0 && check(.rightParen))
    }

    /// The span from `start` to the end of the last consumed token.
    func span(from start: Int) -> Span { Span(start, max(start, lastEnd)) }

    // MARK: - Diagnostics

    mutating func report(_ code: DiagnosticCode, _ message: String, at span: Span,
                         hints: [String] = [], fixIts: [FixIt] = []) {
        diagnostics.add(Diagnostic(code, message, at: span, hints: hints, fixIts: fixIts))
    }

    /// Reports "expected …, found …" at the current token (unless the lexer already reported
    /// it) and returns the failure to throw.
    mutating func fail(expected what: String, code: DiagnosticCode = .unexpectedToken,
                       hints: [String] = []) -> ParseFailure {
        if current.kind != .invalid {
            report(code, "expected \(what), found \(describe(current))", at: current.span, hints: hints)
        }
        return ParseFailure()
    }

    func describe(_ token: Token) -> String {
        switch token.kind {
        case .newline: return "the end of the line"
        case .endOfFile: return "the end of the input"
        case .string:
            let text = token.text.count > 24 ? String(token.text.prefix(24)) + "…" : token.text
            return "the string \(text)"
        default:
            let text = token.text.count > 24 ? String(token.text.prefix(24)) + "…" : token.text
            return "`\(text)`"
        }
    }

    // MARK: - Limits

    /// Enters one level of nesting; past `SyntaxLimits.maxNestingDepth` reports and fails, so
    /// deeply nested input ends in a diagnostic rather than a stack overflow.
    /// Pair every successful call with `leaveNesting()` (use `defer`).
    mutating func enterNesting() throws {
        nesting += 1
        if nesting > SyntaxLimits.maxNestingDepth {
            nesting -= 1
            report(.nestingTooDeep, "expression nested more than \(SyntaxLimits.maxNestingDepth) levels deep",
                   at: current.span, hints: ["split it into smaller parts; for many alternatives use `x in [a, b, …]`"])
            throw ParseFailure()
        }
    }

    mutating func leaveNesting() { nesting -= 1 }

    // MARK: - Recovery

    /// After an error in a stage: skip to the next `|` outside brackets or the statement end.
    mutating func synchronizeToStage() {
        while !atStatementEnd {
            if (check(.pipe) || check(.pipePipe)) && depths[index] == 0 { return }
            advance()
        }
    }

    /// After an error in a statement: skip to the statement end.
    mutating func synchronizeToStatement() {
        while !atStatementEnd { advance() }
    }

    // MARK: - Comma lists

    /// `item { "," item }`, bounded by `SyntaxLimits.maxListLength`. With `closing`, the list sits
    /// in brackets: it may be empty and may end with a trailing comma. Without, it is a stage's
    /// list: at least one item, and a trailing comma is reported.
    mutating func commaList<T>(closing: TokenKind?, what: String,
                               _ item: (inout Parser) throws -> T) throws -> [T] {
        var items: [T] = []
        while true {
            if let closing, check(closing) { break }
            let itemStart = current.span
            items.append(try item(&self))
            if items.count > SyntaxLimits.maxListLength {
                report(.listTooLong, "more than \(SyntaxLimits.maxListLength) \(what)", at: itemStart,
                       hints: ["pass long lists as a parameter instead"])
                throw ParseFailure()
            }
            guard let comma = match(.comma) else { break }
            if closing == nil, atStageEnd {
                report(.trailingComma, "expected another \(what.dropLast()) after `,`", at: comma.span,
                       hints: ["remove the trailing `,`"], fixIts: [FixIt(span: comma.span, replacement: "")])
                break
            }
        }
        return items
    }
}

extension Token {
    /// Tokens a statement can start with; a line beginning with anything else continues.
    public var canBeginStatement: Bool {
        switch kind {
        case .identifier, .keyword(.let), .keyword(.param): true
        default: false
        }
    }

    /// Tokens after which a statement cannot end, so the next line continues it.
    public var continuesOnNextLine: Bool {
        if kind.isBinaryOperator || kind.isOpeningBracket { return true }
        switch kind {
        case .comma, .colon, .assign, .pipe, .pipePipe, .ampAmp, .bang, .dot, .lessGreater:
            return true
        case .keyword(let k):
            switch k {
            case .where, .select, .sort, .take, .skip, .group, .by, .aggregate, .let, .param, .as, .not,
                 .derive, .append, .case, .when, .then, .else, .over, .rows:
                return true
            default:
                return false
            }
        default:
            return false
        }
    }
}
