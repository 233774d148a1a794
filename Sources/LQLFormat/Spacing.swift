import LQLSyntax

/// Whether one space separates two tokens on a line, decided by token kinds alone: one space
/// around operators and keywords, none inside `(…)` and `[…]`, one inside `{ … }`, none before
/// `,` `:` `.` `?`, none around `..`, none after a unary `-`, and a call's `(` hugs its name.
/// Keywords the language gains later are spaced like words without a change here.
enum Spacing {
    /// Keywords that end an operand, so a `-` after them subtracts.
    private static let operandKeywords: Set<String> = ["true", "false", "null", "end"]
    /// Keywords that are also called like functions: `count()`, `count(where …)`.
    private static let callableKeywords: Set<String> = ["count"]

    static func endsOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .integer, .decimal, .string, .date, .timestamp, .parameter,
             .rightParen, .rightBracket, .rightBrace, .question:
            return true
        case .keyword(let k):
            return operandKeywords.contains(k.rawValue)
        default:
            return false
        }
    }

    /// `previousPrevious` decides whether `previous` is a unary operator.
    static func space(between previous: Token, and next: Token, before previousPrevious: Token?) -> Bool {
        switch next.kind {
        case .comma, .colon, .semicolon, .rightParen, .rightBracket, .dot, .dotDot, .question:
            return false
        case .rightBrace:
            return previous.kind != .leftBrace
        default:
            break
        }
        switch previous.kind {
        case .leftParen, .leftBracket, .dot, .dotDot:
            return false
        case .minus, .bang:
            if previousPrevious.map(endsOperand) != true { return false }  // unary
        default:
            break
        }
        switch next.kind {
        case .leftParen:
            if previous.kind == .identifier { return false }
            if let k = previous.keyword, callableKeywords.contains(k.rawValue) { return false }
            return true
        case .leftBracket:
            return previous.kind != .identifier  // `String[]`
        default:
            return true
        }
    }
}
