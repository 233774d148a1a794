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
