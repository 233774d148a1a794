import Foundation

/// What a finished child process left: its exit status and both output streams.
public struct ProcessOutcome: Sendable {
    public var status: Int32
    public var out: String
    public var err: String
    /// True when a signal ended the process (`status` is then the signal number).
    public var signaled: Bool = false
}

/// A started child process whose output pipes are drained on their own threads, so a large
/// output cannot deadlock on a full pipe while the caller does something else (kills a backend,
/// restarts the server) before it waits.
///
/// The child starts through `env --default-signal`: test threads block signals and a spawned
/// child inherits that mask, so without it SIGINT/SIGTERM sent to the child would never arrive
/// (PgBouncer ignored SIGTERM; Ctrl-C could not be tested). The child gets a shell's signal state.
public final class RunningProcess: @unchecked Sendable {
    private let process: Process
    private let outBox = DataBox(), errBox = DataBox()
    private let drained = DispatchGroup()

    /// The child's pid (env execs the program, so it is the program's).
    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                directory: String? = nil, stdin: Data? = nil) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["--default-signal", executable] + arguments
        if let environment { p.environment = environment }
        if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = stdin == nil ? FileHandle.nullDevice : input
        process = p
        try p.run()
        if let stdin {
            Thread {
                input.fileHandleForWriting.write(stdin)
                try? input.fileHandleForWriting.close()
            }.start()
        }
        for (pipe, box) in [(out, outBox), (err, errBox)] {
            drained.enter()
            Thread { [drained] in
                box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                drained.leave()
            }.start()
        }
    }

    /// Waits for the process to exit and both pipes to close.
    public func wait() -> ProcessOutcome {
        drained.wait()
        process.waitUntilExit()
        return ProcessOutcome(status: process.terminationStatus, out: String(decoding: outBox.data, as: UTF8.self),
                              err: String(decoding: errBox.data, as: UTF8.self),
                              signaled: process.terminationReason == .uncaughtSignal)
    }
}

/// Runs a program to completion with the given stdin.
public func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                       directory: String? = nil, stdin: Data? = nil) throws -> ProcessOutcome {
    try RunningProcess(executable, arguments, environment: environment, directory: directory, stdin: stdin).wait()
}

/// The environment `runLQL` gives the binary: no inherited `LQL_TENANT`/`DEFAULT_TENANT_SLUG`,
/// `NO_COLOR` set, `DATABASE_URL` pointing at nothing, a per-process audit log, then `extra`.
public func lqlEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["DATABASE_URL"] = "postgresql:///nothing?host=/nonexistent-lql-socket-dir"
    env["NO_COLOR"] = "1"
    env["LQL_AUDIT_LOG"] = NSTemporaryDirectory() + "lql-test-audit-\(getpid()).jsonl"
    env.removeValue(forKey: "LQL_TENANT")
    env.removeValue(forKey: "DEFAULT_TENANT_SLUG")
    for (k, v) in extra { env[k] = v }
    return env
}

/// Runs the built `lql` binary from the repository root with a clean tenant environment
/// (`lqlEnvironment`).
public func runLQL(_ arguments: [String], environment extra: [String: String] = [:], stdin: Data? = nil) throws -> ProcessOutcome {
    try runProcess(Repository.lqlBinary, arguments, environment: lqlEnvironment(extra), directory: Repository.root.path, stdin: stdin)
}

/// Starts the `lql` binary like `runLQL` without waiting for it.
public func startLQL(_ arguments: [String], environment extra: [String: String] = [:], stdin: Data? = nil) throws -> RunningProcess {
    try RunningProcess(Repository.lqlBinary, arguments, environment: lqlEnvironment(extra), directory: Repository.root.path, stdin: stdin)
}

/// Hands bytes from a reader thread back; the dispatch group orders the accesses.
private final class DataBox: @unchecked Sendable { var data = Data() }
