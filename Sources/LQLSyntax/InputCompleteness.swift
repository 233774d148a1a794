import LQLDiagnostics

/// For the REPL: does the text typed so far form a complete entry, or should the prompt ask
/// for another line? Incomplete while a bracket or string is open, or when the last token
/// cannot end a statement (`|`, `,`, `:`, `=`, a binary operator, or a keyword that needs more).
/// Empty and comment-only text counts as complete: the REPL decides what to do with it.
/// Errors do not make text incomplete; they are reported when the entry runs.
public enum InputCompleteness {
    public static func isComplete(_ text: String) -> Bool {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "<prompt>", text: text))
        if diagnostics.contains(where: { $0.code == .unterminatedString }) { return false }
        var depth = 0
        var last: Token?
        for token in tokens where !token.isTrivia && token.kind != .endOfFile {
            if token.kind.isOpeningBracket {
                depth += 1
            } else if token.kind.isClosingBracket {
                depth = max(0, depth - 1)
            } else if token.kind == .semicolon {
                depth = 0
            }
            last = token
        }
        if depth > 0 { return false }
        guard let last else { return true }
        return !last.continuesOnNextLine && last.kind != .questionQuestion
    }
}
