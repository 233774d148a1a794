import LQLSyntax

/// A comment on a line of its own; it is printed on its own line before the token it precedes.
struct LeadingComment: Equatable {
    var text: String
    /// An empty line came before it in the source (runs of empty lines keep one).
    var blankLineBefore: Bool
}

/// A significant token with the trivia around it: the layout engine works on these, never on
/// syntax tree nodes, so syntax added to the language later is laid out by its token kinds.
struct LayoutToken {
    var token: Token
    /// Bracket depth inside its statement before this token (0 = the statement's own level).
    var depth: Int
    /// The source had a line break right before this token (or before its leading comments).
    var newlineBefore: Bool
    /// An empty line came right before this token (after its leading comments, if any).
    var blankLineBefore: Bool
    var comments: [LeadingComment] = []
    /// A `-- …` comment after this token on the same line.
    var trailingComment: String?

    var kind: TokenKind { token.kind }
    var text: String { token.text }
}

/// One statement's tokens, in order.
struct LayoutStatement {
    var tokens: [LayoutToken]
}

/// Splits a token stream (trivia included) into statements the way the parser does, and hangs
/// every comment on a token: a comment after code on its line trails that code; a comment on a
/// line of its own leads the next token. Statement separators (`;`) are dropped: each statement
/// goes on its own line.
enum TriviaAttacher {
    static func statements(_ raw: [Token]) -> (statements: [LayoutStatement], endComments: [LeadingComment]) {
        var statements: [LayoutStatement] = []
        var current: [LayoutToken] = []
        var pending: [LeadingComment] = []
        var newlines = 0                 // line breaks since the last token or comment
        var brokeSincePrevious = false   // a line break since the last significant token
        var previous: Token?             // last significant token of the current statement
        var depth = 0
        var lastCodeLine = false         // the last thing seen is code on the current line

        func endStatement() {
            if !current.isEmpty { statements.append(LayoutStatement(tokens: current)) }
            current = []
            previous = nil
            depth = 0
        }

        for token in raw {
            switch token.kind {
            case .newline:
                newlines += 1
                brokeSincePrevious = true
                lastCodeLine = false
            case .comment:
                let text = trimmedTrailingBlanks(token.text)
                if lastCodeLine, pending.isEmpty, attachTrailing(text, current: &current, statements: &statements) {
                    // kept as a trailing comment
                } else {
                    pending.append(LeadingComment(text: text, blankLineBefore: newlines >= 2))
                }
                newlines = 0
                lastCodeLine = false
            case .endOfFile:
                break
            case .semicolon:
                endStatement()
                lastCodeLine = true
            default:
                if brokeSincePrevious, let prev = previous, token.canBeginStatement, !prev.continuesOnNextLine {
                    endStatement()
                }
                current.append(LayoutToken(token: token, depth: depth,
                                           newlineBefore: brokeSincePrevious || !pending.isEmpty,
                                           blankLineBefore: newlines >= 2, comments: pending))
                pending = []
                newlines = 0
                brokeSincePrevious = false
                lastCodeLine = true
                previous = token
                if token.kind.isOpeningBracket { depth += 1 }
                else if token.kind.isClosingBracket { depth = max(0, depth - 1) }
            }
        }
        endStatement()
        return (statements, pending)
    }

    /// Hangs a comment on the last token seen (which may end the previous statement after `;`).
    private static func attachTrailing(_ text: String, current: inout [LayoutToken],
                                       statements: inout [LayoutStatement]) -> Bool {
        if !current.isEmpty {
            current[current.count - 1].trailingComment = text
            return true
        }
        guard !statements.isEmpty, !statements[statements.count - 1].tokens.isEmpty else { return false }
        let last = statements[statements.count - 1].tokens.count - 1
        statements[statements.count - 1].tokens[last].trailingComment = text
        return true
    }

    static func trimmedTrailingBlanks(_ text: String) -> String {
        var s = Substring(text)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
