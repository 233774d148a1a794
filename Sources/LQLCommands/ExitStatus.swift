#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// lql's exit codes, documented in the README; scripts and cron jobs depend on them.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    /// The source did not parse or type-check (or a parameter value was bad).
    case compileError = 1
    /// The command line was wrong.
    case usage = 2
    /// Connecting failed or the server reported an error.
    case serverError = 3
    /// The tenant is empty, blank or unknown.
    case noSuchTenant = 4
    /// SIGHUP (a closed terminal) or SIGTERM (timeout(1), cron, systemd) ended the command:
    /// 128 + the signal, as a shell reports a process the signal killed. The running query was
    /// cancelled on the server first and no `-o` file was written.
    case hangup = 129
    case terminated = 143

    /// The status for the termination signal that arrived, if one did.
    static func forTermination(_ signal: Int32) -> ExitStatus { signal == SIGHUP ? .hangup : .terminated }
    static func signalName(_ signal: Int32) -> String { signal == SIGHUP ? "SIGHUP" : "SIGTERM" }
}

/// An error that ends the command with a given status after its message has been printed.
public struct CommandFailure: Error, Sendable {
    public let status: ExitStatus
    public let message: String?
    public init(_ status: ExitStatus, _ message: String? = nil) {
        self.status = status
        self.message = message
    }
}
