import LQLDiagnostics

/// One token of the Prisma Schema Language. Newlines are tokens because PSL is line-oriented:
/// a field or attribute line ends at the newline, which is where the parser recovers.
struct PSLToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `model`, `String`, `db.Decimal` (dotted names are one identifier).
        case identifier
        /// Decoded contents in `text`.
        case string
        case number
        /// `///` comment; `text` is the comment without the slashes.
        case docComment
        case newline
        case leftBrace, rightBrace, leftParen, rightParen, leftBracket, rightBracket
        case comma, colon, equals, question
        /// `@` and `@@`
        case at, atAt
        case endOfFile
    }

    var kind: Kind
    var text: String
    var span: Span
}
