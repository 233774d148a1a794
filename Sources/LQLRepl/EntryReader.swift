import LQL
import LQLSyntax
import LQLSystem

/// One thing the user entered at the prompt (or a script holds).
public enum Entry: Sendable, Hashable {
    /// LQL text, possibly several lines, complete — or cut short by the end of the input, in
    /// which case running it reports what is missing.
    case statement(String)
    /// One line starting with `\` (leading blanks removed), for `MetaCommandParser`.
    case metaCommand(String)
    /// Ctrl-C while editing: the unfinished statement was thrown away.
    case interrupted
    case endOfInput
}

/// What a diagnostic calls an entry's text: its input's name and the line it starts on.
public struct EntryOrigin: Sendable, Hashable {
    public var name: String
    public var firstLine: Int
    public static let prompt = EntryOrigin(name: "<input>", firstLine: 1)
    public init(name: String, firstLine: Int) {
        self.name = name
        self.firstLine = firstLine
    }
    public func source(_ text: String) -> SourceFile { SourceFile(name: name, text: text, firstLine: firstLine) }
}

/// Assembles lines into entries. A statement runs when Enter ends a complete input
/// (`InputCompleteness`): not after `|`, `,`, an operator or inside brackets or a string.
/// Pasted text runs whole: when a complete statement is followed by input that is already
/// waiting and whose next line starts with `|`, that line continues the statement.
/// A meta-command is complete on its own line; typed in the middle of a statement it runs
/// and the statement stays pending (as in psql).
///
/// The safe Enter for the leading-`|` style: a statement is *open* when its first line is only
/// a source — a model or `let` name (`Customer`, `let vip = Customer`) — or when a later line
/// started with `|`. Enter on an open statement does not run it: the continuation prompt asks
/// for the next `|` line. It runs on an empty line, on a line ending in `;`, or when a line that
/// does not start with `|` begins the next statement (that line then starts the next entry).
/// One-line queries (`Customer | count`) still run at the first Enter.
public final class EntryReader {
    private let source: LineSource
    /// Completeness of `lines`, each line lexed once (a script of many `|` lines stays linear).
    private var completeness = LineCompleteness()
    /// Asked before each line is read: true ends the input at once (a SIGTERM while a script's
    /// lines are being collected), as if it had ended there, and nothing pending runs.
    private let shouldStop: () -> Bool
    /// The size of the unfinished statement, in UTF-8 bytes (line breaks counted).
    private var pendingBytes = 0
    /// The index of the first line after the first that starts with `|` (`isOpen` without
    /// scanning every line again).
    private var firstPipeLine: Int?
    /// Set when one statement grew past `statementSizeLimit`: the input ends there.
    public private(set) var statementTooLarge = false
    /// One statement's largest size, the same cap as a source file's (`FileSystem.sourceSizeLimit`):
    /// endless `|` continuation lines end with "statement too large" instead of using up memory.
    public static let defaultStatementSizeLimit = FileSystem.sourceSizeLimit
    public let statementSizeLimit: Int
    /// A script's name for diagnostics (`<stdin>`, a path), whose lines are numbered through the
    /// whole input; nil at the prompt, where each entry is numbered from its own first line.
    public let scriptName: String?
    /// The line number (1-based, in the whole input) of the last entry's first line.
    public private(set) var entryFirstLine = 1
    /// Lines of the unfinished statement, and the number of its first.
    private var lines: [String] = []
    private var statementFirstLine = 1
    /// A line read ahead while looking for a `|` continuation, which turned out to start
    /// the next entry; blank and comment lines read ahead with it stay in front of it.
    private var carried: [String] = []
    /// Lines taken from the source so far (read-ahead included).
    private var linesRead = 0

    public init(source: LineSource, scriptName: String? = nil, shouldStop: @escaping () -> Bool = { false },
                statementSizeLimit: Int = EntryReader.defaultStatementSizeLimit) {
        self.statementSizeLimit = statementSizeLimit
        self.source = source
        self.scriptName = scriptName
        self.shouldStop = shouldStop
    }

    private func isComplete(_ lines: ArraySlice<String>) -> Bool { completeness.isComplete(lines) }

    private func clearLines() {
        lines.removeAll()
        completeness.reset()
        pendingBytes = 0
        firstPipeLine = nil
    }

    /// Adds lines to the unfinished statement; false (and the input ends) once it is too large.
    private func appendLines<S: Sequence>(_ added: S) -> Bool where S.Element == String {
        for line in added {
            pendingBytes += line.utf8.count + 1
            if firstPipeLine == nil, !lines.isEmpty, Self.startsWithPipe(line) { firstPipeLine = lines.count }
            lines.append(line)
        }
        if pendingBytes > statementSizeLimit {
            statementTooLarge = true
            clearLines()
            return false
        }
        return true
    }

    /// The number of the next line `next()` looks at: a carried line, else the next unread one.
    /// Where the last entry came from, for its diagnostics.
    public var entryOrigin: EntryOrigin {
        scriptName.map { EntryOrigin(name: $0, firstLine: entryFirstLine) } ?? .prompt
    }

    private var nextLineNumber: Int { linesRead - carried.count + 1 }

    private func read(_ kind: PromptKind) -> LineInput {
        if statementTooLarge || shouldStop() { return .endOfInput }
        let input = source.readLine(kind)
        if shouldStop() { return .endOfInput }  // the read was cut short by the signal
        if case .line = input { linesRead += 1 }
        return input
    }

    public func next() -> Entry {
        while true {
            let input: LineInput
            let number = nextLineNumber
            if !carried.isEmpty {
                input = .line(carried.removeFirst())
            } else {
                if source.wantsStatementContext { source.setStatementContext(lines.joined(separator: "\n")) }
                input = read(lines.isEmpty ? .main : .continuation)
            }
            switch input {
            case .interrupted:
                clearLines()
                return .interrupted
            case .endOfInput:
                // Stopped by a signal or the size cap: what was collected does not run.
                if statementTooLarge || shouldStop() { clearLines(); return .endOfInput }
                guard !lines.isEmpty else { return .endOfInput }
                return finishStatement()
            case .line(let line):
                if let meta = Self.metaCommandText(line) {
                    entryFirstLine = number
                    source.recordHistory(meta)
                    return .metaCommand(meta)
                }
                if lines.isEmpty && Self.isTrivia(line) { continue }
                if lines.isEmpty { statementFirstLine = number }
                guard appendLines(CollectionOfOne(line)) else { return .endOfInput }
                if lines.count > 1, Self.isTrivia(line) || !Self.startsWithPipe(line),
                   isOpen(lines.dropLast()), isComplete(lines.dropLast()) {
                    // An empty line runs the open statement; another statement's first line
                    // ends it and is kept for the next entry.
                    let last = lines.removeLast()
                    if firstPipeLine == lines.count { firstPipeLine = nil }
                    if !line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                        if Self.isTrivia(line) { lines.append(last); continue }  // a comment line
                        carried = [last]
                    }
                    return finishStatement()
                }
                // A continuation line read ahead may itself leave the statement open or be
                // followed by more waiting input: check again before reading at the prompt.
                while isComplete(lines[...]) {
                    if !readPipeContinuation() {
                        if statementTooLarge || shouldStop() { clearLines(); return .endOfInput }
                        if !carried.isEmpty || !isOpen(lines[...]) || readAheadEmptyLine {
                            return finishStatement()
                        }
                        break  // open: Enter asks for the next `|` line
                    }
                }
            }
        }
    }

    /// Set when the last read-ahead ran out of waiting input after an empty line: an open
    /// statement then runs, as if Enter had been pressed on an empty line.
    private var readAheadEmptyLine = false

    /// With input waiting, reads ahead past blank and comment lines: a line starting with `|`
    /// joins the statement (with what was skipped); anything else is kept for the next entry.
    private func readPipeContinuation() -> Bool {
        var skipped: [String] = []
        readAheadEmptyLine = false
        defer { readAheadEmptyLine = carried.isEmpty && skipped.contains { $0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } } }
        while source.hasPendingInput {
            guard case .line(let line) = read(.continuation) else { break }
            if Self.isTrivia(line) {
                skipped.append(line)
                continue
            }
            if Self.startsWithPipe(line) {
                return appendLines(skipped + [line])
            }
            carried = skipped + [line]
            return false
        }
        return false
    }

    /// The unfinished statement's lines, taken away (`\e` edits them instead).
    public func takePendingText() -> String {
        defer { clearLines() }
        return lines.joined(separator: "\n")
    }

    private func finishStatement() -> Entry {
        var text = lines.joined(separator: "\n")
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }  // e.g. after a completion's space
        clearLines()
        entryFirstLine = statementFirstLine
        source.recordHistory(text)
        return .statement(text)
    }

    /// The statement waits for more lines (see the type's comment): its first line is only a
    /// source, or a later line started with `|`.
    /// `lines` is a prefix of `self.lines`.
    private func isOpen(_ lines: ArraySlice<String>) -> Bool {
        guard let first = lines.first(where: { !Self.isTrivia($0) }) else { return false }
        if Self.endsWithSemicolon(lines.last ?? "") { return false }
        return Self.isOnlySource(first) || firstPipeLine.map { $0 < lines.endIndex } ?? false
    }

    static func endsWithSemicolon(_ line: String) -> Bool {
        line.trimmingBlanks().hasSuffix(";")
    }

    /// `Customer`, `vip`, `let vip = Customer`: a line that names where a query starts and nothing else.
    static func isOnlySource(_ line: String) -> Bool {
        var words = line.trimmingBlanks().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words.first == "let" {
            guard words.count == 4, words[2] == "=" else { return false }
            words = [words[3]]
        }
        guard words.count == 1, let word = words.first else { return false }
        // psql's words run at once (`help`, `quit`, `exit`); keywords start other statements.
        if ["param", "let", "help", "quit", "exit"].contains(word) { return false }
        return MetaCommandParser.isIdentifier(word)
    }

    /// `\name args` with leading blanks removed; nil for LQL text.
    static func metaCommandText(_ line: String) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard trimmed.first == "\\" else { return nil }
        var text = String(trimmed)
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }

    static func startsWithPipe(_ line: String) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.first == "|"
    }

    /// Blank or comment-only: nothing to run, and no reason to start a statement.
    static func isTrivia(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        return trimmed.isEmpty || trimmed.hasPrefix("--")
    }
}
