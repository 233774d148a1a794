#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starting the pager and the editor. A command the user configured (`PAGER`, `EDITOR`) is
/// split into words like a shell would split a simple command and run directly; only a
/// command using the shell's own syntax (pipes, `$`, redirections) goes through `/bin/sh -c`,
/// as psql runs it. Nothing the user types at the prompt ever becomes part of a command line:
/// a file name given to the editor is one separate argument.
enum ChildProcess {
    /// The argv for `command` followed by `extra` arguments.
    static func argv(_ command: String, extra: [String] = []) -> [String] {
        if let words = simpleWords(command), !words.isEmpty { return words + extra }
        // Shell syntax: "$@" passes the extra arguments as arguments, never as shell text.
        return ["/bin/sh", "-c", command + (extra.isEmpty ? "" : " \"$@\""), "sh"] + extra
    }

    /// Words of a command without shell syntax (quotes allowed); nil when it has any.
    static func simpleWords(_ command: String) -> [String]? {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        for c in command {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
                continue
            }
            switch c {
            case " ", "\t":
                if inWord { words.append(word); word = ""; inWord = false }
            case "'", "\"":
                quote = c
                inWord = true
            case "|", "&", ";", "<", ">", "(", ")", "$", "`", "\\", "*", "?", "[", "#", "~", "\n", "{", "}":
                return nil
            default:
                word.append(c)
                inWord = true
            }
        }
        if quote != nil { return nil }
        if inWord { words.append(word) }
        return words
    }

    /// Starts `argv` (looked up in PATH) with `environment`, standard input from `stdinFD`
    /// when given. The pid, or nil when it could not start.
    static func spawn(_ argv: [String], environment: [String: String], stdinFD: Int32? = nil, closing: [Int32] = []) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdinFD { posix_spawn_file_actions_adddup2(&actions, stdinFD, 0) }
        for fd in closing { posix_spawn_file_actions_addclose(&actions, fd) }
        // The child starts with default SIGINT/SIGPIPE handling (lql catches or ignores them).
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0.key + "=" + $0.value) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
        return status == 0 ? pid : nil
    }

    /// Waits for `pid`; its exit status (128 + signal when killed).
    @discardableResult
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }
}
