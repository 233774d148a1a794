/// The line source for `lql repl`: the libedit prompt when standard input and output are both
/// terminals (psql's rule), else plain script reading from standard input — no prompt, no
/// history, no terminal control sequences in a pipe.
public enum StandardInput {
    public static func lineSource(prompt: PromptStyle, historyFile: HistoryFile?,
                                  completer: ((String) -> Completion)? = nil) -> LineSource {
        if LineReader.standardStreamsAreTerminals,
           let reader = LineReader(prompt: prompt, historyFile: historyFile, completer: completer) {
            return reader
        }
        return ScriptedLineSource(fileDescriptor: 0)
    }
}
