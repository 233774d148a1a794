#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LQLOutput

/// Output of one query at the terminal, paged like psql: text passes to the terminal until the
/// result is taller than the screen; then the pager (`PAGER`, default `less -SRXF`) starts, gets
/// the held-back screenful, and is fed the rest as rows stream in — at most one screenful is
/// ever held here. `finish()` waits for the pager, so the prompt comes back after it quits.
final class PagerSink: OutputSink {
    private let terminal: OutputSink
    private let rows: Int
    private let command: String
    private var held = ""
    private var heldLines = 0
    private var pager: (pid: pid_t, fd: Int32)?
    /// Set when the pager quit before the result ended (`q` in less): the rest is dropped.
    private var pagerGone = false
    private var previousPipeAction = sigaction()

    init(terminal: OutputSink, rows: Int, command: String) {
        self.terminal = terminal
        self.rows = rows
        self.command = command
    }

    /// A pager for this session's next result, or nil when output is not paged: not a
    /// terminal, `PAGER` set to empty, or a terminal of unknown height.
    static func forTerminal(_ terminal: OutputSink, environment: [String: String]) -> PagerSink? {
        let command = environment["LQL_PAGER"] ?? environment["PAGER"] ?? "less -SRXF"
        guard !command.trimmingCharacters(in: .whitespaces).isEmpty, isatty(1) == 1 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 2 else { return nil }
        return PagerSink(terminal: terminal, rows: Int(size.ws_row), command: command)
    }

    func write(_ text: String) throws {
        if pagerGone { return }
        if let pager {
            send(text, to: pager.fd)
            return
        }
        held += text
        heldLines += text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        // One line stays free for the prompt after the result.
        if heldLines >= rows - 1 { startPager() }
    }

    func flush() throws {
        if pager == nil, !held.isEmpty {
            try terminal.write(held)
            held = ""
            heldLines = 0
        }
        if pager == nil { try terminal.flush() }
    }

    /// Ends the result: prints what is held if it fit, else closes the pager's input and waits.
    func finish() {
        if let pager {
            close(pager.fd)
            var status: Int32 = 0
            while waitpid(pager.pid, &status, 0) < 0 && errno == EINTR {}
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
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        posix_spawn_file_actions_destroy(&actions)
        close(fds[0])
        guard spawned == 0 else {
            close(fds[1])
            return  // no pager: keep printing to the terminal
        }
        // A pager that quits early must not kill lql with SIGPIPE: writes then fail with EPIPE.
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigaction(SIGPIPE, &ignore, &previousPipeAction)
        pager = (pid, fds[1])
        let text = held
        held = ""
        send(text, to: fds[1])
    }

    private func send(_ text: String, to fd: Int32) {
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
