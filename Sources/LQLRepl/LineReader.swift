import CLibEdit
import CSignals
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The interactive prompt on libedit's native API: line editing, a main and a continuation
/// prompt, persistent history (one entry per statement), Tab completion, Ctrl-C clearing
/// the line and Ctrl-D ending the input. Owns its `EditLine` and `History`.
///
/// Ctrl-C reaches `el_gets` as EINTR because the SIGINT handler (CSignals) is installed with
/// `sigaction` and no SA_RESTART; EL_SAFEREAD stays off, or Ctrl-C would need two presses.
public final class LineReader: LineSource {
    private let editLine: OpaquePointer
    private let editHistory: OpaquePointer
    private var history: CommandHistory
    private let historyFile: HistoryFile?
    private var promptBuffer: UnsafeMutablePointer<CChar>?
    private var promptKind: PromptKind = .main
    private var statementContext = ""
    private var questionText: String?

    /// The prompt's text; change it when the tenant changes.
    public var prompt: PromptStyle
    /// Called on Tab with the text before the cursor (earlier lines of the statement included).
    public var completer: ((String) -> Completion)?
    /// How long to wait for more pasted input after a complete line before running it.
    public var pasteWaitMilliseconds: Int32 = 10
    /// The last failure to save the history (reported once by the REPL, never fatal).
    public private(set) var historySaveError: HistoryFileError?

    /// The prompt marker fencing escape sequences in the prompt text (EL_PROMPT_ESC).
    static let promptMarker: Character = "\u{1}"

    /// Both standard input and output are terminals: psql's rule for an interactive session.
    public static var standardStreamsAreTerminals: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// nil when libedit cannot start (no terminal description).
    public init?(programName: String = "lql", prompt: PromptStyle, historyFile: HistoryFile?,
                 historyLimit: Int = CommandHistory.defaultLimit, completer: ((String) -> Completion)? = nil) {
        // Without a locale from the environment libedit drops non-ASCII input ("héllo" → "hllo").
        setlocale(LC_CTYPE, "")
        guard let el = lql_el_init(programName) else { return nil }
        guard let h = history_init() else {
            el_end(el)
            return nil
        }
        self.editLine = el
        self.editHistory = h
        self.prompt = prompt
        self.completer = completer
        self.historyFile = historyFile
        self.history = historyFile?.load(limit: historyLimit) ?? CommandHistory(limit: historyLimit)

        lql_history_set_size(h, Int32(historyLimit))
        lql_history_set_unique(h, 1)
        for entry in history.entries { lql_history_enter(h, entry) }

        lql_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        lql_el_set_editor(el, "emacs")
        lql_el_set_signal(el, 1)
        lql_el_set_history(el, h)
        lql_el_set_prompt(el, { el in LineReader.promptText(el) }, CChar(Self.promptMarker.asciiValue!))
        lql_el_add_function(el, "lql-complete", "Complete the word before the cursor", { el, _ in LineReader.completeWord(el) })
        lql_el_bind(el, "^I", "lql-complete")
        el_source(el, nil)  // the user's ~/.editrc, as every libedit program reads it
        lql_install_sigint_handler()
    }

    deinit {
        el_end(editLine)
        history_end(editHistory)
        free(promptBuffer)
    }

    /// Reads one line after `question` instead of the prompt (a parameter's value); the line
    /// is not kept in the history.
    public func ask(_ question: String) -> LineInput {
        questionText = question
        defer { questionText = nil }
        return readLine(.main)
    }

    public func readLine(_ kind: PromptKind) -> LineInput {
        promptKind = kind
        var count: Int32 = 0
        errno = 0
        guard let raw = el_gets(editLine, &count) else {
            let error = errno
            lql_el_print("\n")
            if count == -1 && error == EINTR {
                _ = lql_take_interrupt()
                return .interrupted
            }
            return .endOfInput
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    public var hasPendingInput: Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, pasteWaitMilliseconds) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    public func recordHistory(_ entry: String) {
        guard history.add(entry) else { return }
        lql_history_enter(editHistory, entry)
        guard let historyFile else { return }
        do {
            try historyFile.save(history)
            historySaveError = nil
        } catch {
            historySaveError = error
        }
    }

    public func setStatementContext(_ text: String) {
        statementContext = text
    }

    // MARK: - Callbacks from libedit (C function pointers: no captures, the reader comes back
    // through EL_CLIENTDATA)

    private static func reader(_ el: OpaquePointer?) -> LineReader? {
        guard let el, let data = lql_el_get_clientdata(el) else { return nil }
        return Unmanaged<LineReader>.fromOpaque(data).takeUnretainedValue()
    }

    private static func promptText(_ el: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
        guard let reader = reader(el) else { return nil }
        free(reader.promptBuffer)
        reader.promptBuffer = strdup(reader.questionText ?? reader.prompt.editorText(reader.promptKind, marker: promptMarker))
        return reader.promptBuffer
    }

    private static func completeWord(_ el: OpaquePointer?) -> UInt8 {
        guard let el, let reader = reader(el), let completer = reader.completer,
              let info = el_line(el)?.pointee, let buffer = info.buffer else { return UInt8(CC_ERROR) }
        let length = info.cursor - buffer
        let before = String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
        let text = reader.statementContext.isEmpty ? before : reader.statementContext + "\n" + before
        let completion = completer(text)
        guard !completion.candidates.isEmpty else { return UInt8(CC_ERROR) }
        if let replacement = completion.replacement {
            el_deletestr(el, Int32(completion.word.unicodeScalars.count))
            el_insertstr(el, replacement)
            return UInt8(CC_REFRESH)
        }
        let listing = CompletionListing.format(completion.texts, width: Int(lql_terminal_columns(1)))
        lql_el_print("\n" + listing)
        return UInt8(CC_REDISPLAY)
    }
}
