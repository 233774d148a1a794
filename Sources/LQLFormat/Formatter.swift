import LQLDiagnostics
import LQLSyntax

extension DiagnosticCode {
    /// The layout would have changed what the source means; the file is left as it is.
    public static let formatChangesMeaning = DiagnosticCode("E0701", "formatting would change the query")
}

/// What formatting a source gives: the formatted text, or the diagnostics that stopped it
/// (a source with syntax errors is not formatted, as gofmt and rustfmt refuse to).
public struct FormatResult: Sendable {
    public var text: String?
    public var diagnostics: [Diagnostic]
    public var hasErrors: Bool { text == nil }
}

/// What formatting must keep: the syntax tree (as the AST printer spells it) and the comments,
/// in order. Formatting changes layout and nothing else.
public struct SyntaxFingerprint: Equatable, Sendable {
    public var tree: String
    public var comments: [String]

    public init(of source: SourceFile) {
        tree = ASTPrinter.print(LQLParser.parse(source).program)
        comments = Lexer.tokenize(source).tokens.filter { $0.kind == .comment }
            .map { TriviaAttacher.trimmedTrailingBlanks($0.text) }
    }
}

/// `lql fmt`: one canonical layout for LQL, computed from the token stream (comments as trivia),
/// so every construct, today's and tomorrow's, is laid out by the same few rules
/// (see `StatementLayout`). The result is checked before it is returned: it must parse to the
/// same tree with the same comments, or nothing is changed.
public enum LQLFormatter {
    public static let lineWidth = 100

    public static func format(_ source: SourceFile, width: Int = lineWidth) -> FormatResult {
        let parsed = LQLParser.parse(source)
        if parsed.hasErrors { return FormatResult(text: nil, diagnostics: parsed.diagnostics) }
        let text = layout(source, width: width)
        let formatted = SourceFile(name: source.name, text: text)
        let after = LQLParser.parse(formatted)
        let before = SyntaxFingerprint(of: source), fingerprint = SyntaxFingerprint(of: formatted)
        if after.hasErrors || before != fingerprint {
            let d = Diagnostic(.formatChangesMeaning, "formatting this file would change what it means; it was left as it is",
                               at: .at(0), hints: ["please report this as an lql bug, with the file"])
            return FormatResult(text: nil, diagnostics: [d])
        }
        return FormatResult(text: text, diagnostics: [])
    }

    /// The layout alone, without the safety check (the source must parse).
    static func layout(_ source: SourceFile, width: Int) -> String {
        let (statements, endComments) = TriviaAttacher.statements(Lexer.tokenize(source).tokens)
        var lines: [String] = []
        for (index, statement) in statements.enumerated() {
            lines += StatementLayout.lines(of: statement, width: width, isFirstStatement: index == 0)
        }
        for comment in endComments {
            if comment.blankLineBefore, !lines.isEmpty { lines.append("") }
            lines.append(comment.text)
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
