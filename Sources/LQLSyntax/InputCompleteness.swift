import LQLDiagnostics

/// For the REPL: does the text typed so far form a complete entry, or should the prompt ask
/// for another line? Incomplete while a bracket or string is open, or when the last token
/// cannot end a statement (`|`, `,`, `:`, `=`, a binary operator, or a keyword that needs more).
/// Empty and comment-only text counts as complete: the REPL decides what to do with it.
/// Errors do not make text incomplete; they are reported when the entry runs.
public enum InputCompleteness {
    public static func isComplete(_ text: String) -> Bool {
        guard let progress = advance(Progress(), over: text) else { return false }
        return progress.isComplete
    }

    /// What completeness needs from the text lexed so far: the bracket depth and whether the
    /// last token lets the statement end. Lexing more text from it gives the same answer as
    /// lexing the whole text again, as long as the text so far ends outside a string (no token
    /// spans a line break otherwise), so a reader of many lines lexes each line once.
    public struct Progress: Sendable, Hashable {
        var depth = 0
        /// nil before the first token (empty and comment-only text is complete).
        var lastEnds: Bool?
        public init() {}
        public var isComplete: Bool { depth == 0 && (lastEnds ?? true) }
    }

    /// `progress` after `text` (which follows the text `progress` summarizes), or nil when a
    /// string is still open at its end (then it must be lexed again with what follows).
    public static func advance(_ progress: Progress, over text: String) -> Progress? {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "<prompt>", text: text))
        if diagnostics.contains(where: { $0.code == .unterminatedString }) { return nil }
        var result = progress
        for token in tokens where !token.isTrivia && token.kind != .endOfFile {
            if token.kind.isOpeningBracket {
                result.depth += 1
            } else if token.kind.isClosingBracket {
                result.depth = max(0, result.depth - 1)
            } else if token.kind == .semicolon {
                result.depth = 0
            }
            result.lastEnds = !token.continuesOnNextLine && token.kind != .questionQuestion
        }
        return result
    }
}

/// `InputCompleteness` over a growing list of lines, lexing each line once: it keeps the
/// progress after the longest prefix that ends outside a string, and lexes only what follows.
public struct LineCompleteness: Sendable {
    private var checkedLines = 0
    private var progress = InputCompleteness.Progress()

    public init() {}

    /// Is `lines.joined(separator: "\n")` complete? `lines` is the same list as in earlier calls
    /// with lines added or taken off its end; call `reset()` when it starts over.
    public mutating func isComplete(_ lines: ArraySlice<String>) -> Bool {
        if checkedLines > lines.count { reset() }
        let start = lines.startIndex + checkedLines
        let rest = lines[start...].joined(separator: "\n")
        guard let next = InputCompleteness.advance(progress, over: rest) else { return false }
        // Lines end outside a string here: later calls start after them.
        checkedLines = lines.count
        progress = next
        return next.isComplete
    }

    public mutating func reset() {
        checkedLines = 0
        progress = InputCompleteness.Progress()
    }
}
