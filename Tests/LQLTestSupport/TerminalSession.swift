import CSignals
import Foundation

/// A program running in a real terminal: a private tmux server (`tmux -L <unique>`) gives it a
/// pty of a fixed size; tests type with `send-keys` and read the screen with `capture-pane`.
/// Waiting always polls the screen for a pattern with a deadline, never sleeps a fixed time.
public final class TerminalSession: @unchecked Sendable {
    public let server: String
    private let directory: String
    private static let tmux = "/usr/bin/tmux"

    public struct Timeout: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts `command` (argv) with exactly `environment` in a width × height terminal.
    public init(_ command: [String], environment: [String: String], width: Int = 120, height: Int = 40,
                directory: String = Repository.root.path) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.tmux) else {
            throw Timeout(description: "tmux is not installed (scripts/install-deps.sh installs it)")
        }
        server = "lql-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.directory = NSTemporaryDirectory() + server
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        // A script that sets the environment and execs the program: no quoting through tmux.
        let script = self.directory + "/start.sh"
        var text = "#!/bin/sh\ncd \(Self.shellQuote(directory))\nexec env -i --default-signal"
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { text += " \(Self.shellQuote(k + "=" + v))" }
        for arg in command { text += " \(Self.shellQuote(arg))" }
        text += "\n"
        try text.write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        // The tmux server this starts keeps inherited descriptors open, so Foundation's Process
        // would wait forever: spawn it like `pg_ctl start`, through lql_spawn_wait (C). Through
        // `env --default-signal` because test threads' signal state is inherited otherwise, and
        // the program in the terminal must get its Ctrl-C.
        let argv = ["/usr/bin/env", "--default-signal", Self.tmux, "-L", server, "-f", "/dev/null", "new-session", "-d",
                    "-s", "t", "-x", String(width), "-y", String(height), script]
        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let log = self.directory + "/tmux.out"
        let status = cArgs.withUnsafeBufferPointer { lql_spawn_wait($0.baseAddress, "/tmp", log) }
        guard status == 0 else {
            throw Timeout(description: "tmux new-session failed (\(status)): \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        }
        _ = try tmux(["set-option", "-t", "t", "remain-on-exit", "on"])
    }

    deinit { close() }

    public func close() {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    @discardableResult
    private func tmux(_ args: [String]) throws -> ProcessOutcome {
        try runProcess(Self.tmux, ["-L", server] + args)
    }

    /// Types text literally (no key names).
    public func type(_ text: String) throws { try tmux(["send-keys", "-t", "t", "-l", text]) }

    /// Pastes text as one burst, as a terminal paste does (LF becomes Enter).
    public func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "paste", text])
        try tmux(["paste-buffer", "-b", "paste", "-t", "t", "-d"])
    }

    /// Clears the screen (Ctrl-L to the program) and tmux's scrollback, so what the screen shows
    /// next comes from what is typed next.
    public func clear() throws {
        try press("C-l")
        let deadline = Date().addingTimeInterval(15)
        while try screen(history: 0).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count > 1 {
            guard Date() < deadline else { throw Timeout(description: "the screen did not clear") }
            usleep(20_000)
        }
        try tmux(["clear-history", "-t", "t"])
    }

    /// Presses keys by tmux name: `Enter`, `Tab`, `Up`, `C-c`, `C-d`, …
    public func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "t"] + keys) }

    /// The visible screen (and `history` lines of scrollback), trailing blanks trimmed.
    public func screen(history: Int = 200) throws -> String {
        try tmux(["capture-pane", "-p", "-t", "t", "-S", "-\(history)"]).out
    }

    /// Whether the program has exited (the pane stays, `remain-on-exit`).
    public func exited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", "t", "#{pane_dead}"]).out.hasPrefix("1")
    }

    /// Polls until `predicate(screen)` holds; throws with the last screen after `seconds`.
    @discardableResult
    public func waitUntil(_ what: String, seconds: Double = 15, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            usleep(20_000)
        }
        throw Timeout(description: "waited \(seconds)s for \(what); the screen was:\n\(last)")
    }

    /// Polls until the screen shows `text` at least `count` times.
    @discardableResult
    public func waitFor(_ text: String, count: Int = 1, seconds: Double = 15) throws -> String {
        try waitUntil("`\(text)` ×\(count)", seconds: seconds) { $0.components(separatedBy: text).count - 1 >= count }
    }

    /// Waits until the last non-blank line is `prompt` alone: a fresh prompt, ready for keys.
    /// (Counting prompts is not enough: lines typed ahead are echoed by the terminal while lql
    /// is busy, and libedit then redraws them after a prompt.)
    /// With no `prompt`, any prompt: a last line that is one word ending in `>`.
    @discardableResult
    public func waitForFreshPrompt(_ prompt: String? = nil, seconds: Double = 15) throws -> String {
        let want = prompt?.trimmingCharacters(in: .whitespaces)
        return try waitUntil("a fresh `\(want ?? "any>")`", seconds: seconds) { screen in
            guard let last = screen.split(separator: "\n").last(where: { !$0.allSatisfy(\.isWhitespace) })?
                .trimmingCharacters(in: .whitespaces) else { return false }
            if let want { return last == want }
            return last.hasSuffix(">") && !last.contains(" ")
        }
    }

    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
