#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LQLOutput

/// Output of one result (or one meta-command's text) at the terminal, paged like psql: text
/// passes to the terminal until it needs more screen lines than the terminal has — lines are
/// counted as they wrap at the terminal's width, not by line breaks; then the pager starts,
/// gets the held-back screenful, and is fed the rest as rows stream in — at most one
/// screenful is ever held here. `finish()` waits for the pager, so the prompt comes back after
/// it quits.
///
/// The pager is `LQL_PAGER`, else `PAGER`, else `less -SRXF`. `less` runs with `LESSSECURE=1`
/// (no shell escape `!`, no `|` pipe, no editor `v`, no log file), so keys typed while a result
/// is paging can never reach a shell — unless the user's environment sets LESSSECURE itself.
/// Another pager the user chose is theirs and left as it is.
final class PagerSink: OutputSink {
    private let terminal: OutputSink
    private let rows: Int
    private let columns: Int
    private let argv: [String]
    private let environment: [String: String]
    private var held = ""
    private var heldLines = 0
    /// Display columns used on the current (unfinished) screen line.
    private var column = 0
    private var pager: (pid: pid_t, fd: Int32)?
    /// Set when the pager quit before the result ended (`q` in less): the rest is dropped.
    private var pagerGone = false
    private var previousPipeAction = sigaction()
    /// Time spent waiting for the pager (blocked writes into a full pipe while the user reads,
    /// and waiting for it to quit): `\timing` leaves it out.
    private(set) var pagerTime: Duration = .zero
    /// Whether the pager was started (for tests and the caller's messages).
    private(set) var paged = false

    init(terminal: OutputSink, rows: Int, columns: Int, command: String, environment: [String: String]) {
        self.terminal = terminal
        self.rows = rows
        self.columns = max(columns, 1)
        self.argv = ChildProcess.argv(command)
        self.environment = environment
    }

    /// The pager command and its environment for a session environment.
    static func command(environment: [String: String]) -> (command: String, environment: [String: String]) {
        var childEnvironment = environment
        let command = environment["LQL_PAGER"] ?? environment["PAGER"] ?? "less -SRXF"
        // Any `less` (the default, or `PAGER=less …`) is secure unless the user's environment
        // already says what LESSSECURE is (`LESSSECURE=` empty turns it off, as less reads it).
        let program = ChildProcess.simpleWords(command)?.first.map { String($0.split(separator: "/").last ?? "") }
        if program == "less", childEnvironment["LESSSECURE"] == nil { childEnvironment["LESSSECURE"] = "1" }
        return (command, childEnvironment)
    }

    /// A pager for this session's next result, or nil when output is not paged: not a
    /// terminal, `PAGER` set to empty, or a terminal of unknown height.
    static func forTerminal(_ terminal: OutputSink, environment: [String: String]) -> PagerSink? {
        let (command, childEnvironment) = Self.command(environment: environment)
        guard !command.trimmingCharacters(in: .whitespaces).isEmpty, isatty(1) == 1 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 2 else { return nil }
        return PagerSink(terminal: terminal, rows: Int(size.ws_row), columns: Int(size.ws_col),
                         command: command, environment: childEnvironment)
    }

    func write(_ text: String) throws {
        if pagerGone { return }
        if let pager {
            send(text, to: pager.fd)
            return
        }
        held += text
        countScreenLines(text)
        // One line stays free for the prompt after the result.
        if heldLines >= rows - 1 { startPager() }
    }

    /// Adds the screen lines `text` takes at the terminal's width: a line wider than the
    /// terminal wraps onto as many lines as it fills.
    private func countScreenLines(_ text: String) {
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                heldLines += 1
                column = 0
                continue
            }
            let width = scalar.value < 0x80 ? (scalar.value >= 0x20 && scalar.value != 0x7F ? 1 : 0)
                : DisplayWidth.of(scalar)
            if column + width > columns {
                heldLines += 1
                column = 0
            }
            column += width
        }
    }

    func flush() throws {
        if pager == nil, !held.isEmpty {
            try terminal.write(held)
            held = ""
        }
        if pager == nil { try terminal.flush() }
    }

    /// Ends the output: prints what is held if it fit, else closes the pager's input and waits.
    func finish() {
        if let pager {
            let started = ContinuousClock.now
            close(pager.fd)
            ChildProcess.wait(pager.pid)
            pagerTime += ContinuousClock.now - started
            sigaction(SIGPIPE, &previousPipeAction, nil)
            self.pager = nil
        } else {
            try? flush()
        }
    }

    private func startPager() {
        try? terminal.flush()
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        // The write end must not leak into the pager, or it never sees the end of its input.
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        let pid = ChildProcess.spawn(argv, environment: environment, stdinFD: fds[0], closing: [fds[1]])
        close(fds[0])
        guard let pid else {
            close(fds[1])
            // No pager: print to the terminal from here on.
            heldLines = Int.min / 2
            try? terminal.write(held)
            held = ""
            return
        }
        // A pager that quits early must not kill lql with SIGPIPE: writes then fail with EPIPE.
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(SIGPIPE, &ignore, &previousPipeAction)
        pager = (pid, fds[1])
        paged = true
        let text = held
        held = ""
        send(text, to: fds[1])
    }

    private func send(_ text: String, to fd: Int32) {
        let started = ContinuousClock.now
        defer { pagerTime += ContinuousClock.now - started }
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    pagerGone = true
                    return
                }
                offset += n
            }
        }
    }
}
