import Foundation

/// What a finished child process left: its exit status and both output streams.
public struct ProcessOutcome: Sendable {
    public var status: Int32
    public var out: String
    public var err: String
}

/// Runs a program to completion with the given stdin, reading both pipes concurrently so a large
/// output or input cannot deadlock on a full pipe.
public func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                       directory: String? = nil, stdin: Data? = nil) throws -> ProcessOutcome {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let environment { p.environment = environment }
    if let directory { p.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe(), input = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = stdin == nil ? FileHandle.nullDevice : input
    try p.run()
    if let stdin {
        Thread {
            input.fileHandleForWriting.write(stdin)
            try? input.fileHandleForWriting.close()
        }.start()
    }
    let errBox = DataBox()
    let errDone = DispatchSemaphore(value: 0)
    Thread {
        errBox.data = err.fileHandleForReading.readDataToEndOfFile()
        errDone.signal()
    }.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    errDone.wait()
    let errData = errBox.data
    p.waitUntilExit()
    return ProcessOutcome(status: p.terminationStatus, out: String(decoding: outData, as: UTF8.self),
                          err: String(decoding: errData, as: UTF8.self))
}

/// Runs the built `lql` binary from the repository root with a clean tenant environment:
/// no inherited `LQL_TENANT`/`DEFAULT_TENANT_SLUG`, `NO_COLOR` set, and `DATABASE_URL` pointing at
/// nothing unless `environment` says otherwise.
public func runLQL(_ arguments: [String], environment extra: [String: String] = [:], stdin: Data? = nil) throws -> ProcessOutcome {
    var env = ProcessInfo.processInfo.environment
    env["DATABASE_URL"] = "postgresql:///nothing?host=/nonexistent-lql-socket-dir"
    env["NO_COLOR"] = "1"
    env["LQL_AUDIT_LOG"] = NSTemporaryDirectory() + "lql-test-audit-\(getpid()).jsonl"
    env.removeValue(forKey: "LQL_TENANT")
    env.removeValue(forKey: "DEFAULT_TENANT_SLUG")
    for (k, v) in extra { env[k] = v }
    return try runProcess(Repository.lqlBinary, arguments, environment: env, directory: Repository.root.path, stdin: stdin)
}

/// Hands the stderr bytes from the reader thread back; the semaphore orders the accesses.
private final class DataBox: @unchecked Sendable { var data = Data() }
