/// Which prompt a line is read with: the main one starts an entry, the continuation one
/// asks for the next line of an unfinished statement.
public enum PromptKind: Sendable, Hashable {
    case main
    case continuation
}

/// What one attempt to read a line produced.
public enum LineInput: Sendable, Hashable {
    /// A line without its line break. A recalled multi-line history entry arrives whole,
    /// with its embedded line breaks.
    case line(String)
    /// Ctrl-C while editing: the line was thrown away.
    case interrupted
    /// Ctrl-D on an empty line, or the end of a script.
    case endOfInput
}

/// Where the REPL's lines come from: the terminal (`LineReader`, libedit) or a script on a
/// pipe or in a file (`ScriptedLineSource`). The entry assembly and the REPL loop only see
/// this protocol, so they are tested without a terminal.
public protocol LineSource: AnyObject {
    func readLine(_ prompt: PromptKind) -> LineInput
    /// More input is already waiting to be read: pasted text, or the rest of a script.
    /// A waiting line that starts with `|` continues the statement before it.
    var hasPendingInput: Bool { get }
    /// Keeps a finished entry (a whole statement, line breaks included) in the history.
    /// Non-interactive sources keep none.
    func recordHistory(_ entry: String)
    /// The lines of the statement typed so far, before the line being read: completion needs
    /// them to know the query's model while the cursor is on a continuation line.
    func setStatementContext(_ text: String)
    /// False when `setStatementContext` does nothing: the reader then does not join a long
    /// statement's lines again for every line it reads.
    var wantsStatementContext: Bool { get }
}

extension LineSource {
    public func recordHistory(_ entry: String) {}
    public func setStatementContext(_ text: String) {}
    public var wantsStatementContext: Bool { true }
}
