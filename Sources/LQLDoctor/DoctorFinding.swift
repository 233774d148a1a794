/// One thing `lql doctor` found wrong (or worth a look) in a database.
public struct DoctorFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// Tenants are not reliably kept apart, or lql's types would be wrong.
        case failure
        /// Worth fixing, but not a hole by itself.
        case warning
        /// A fact worth knowing (which tenants the role can read), not a problem.
        case note
    }

    public var severity: Severity
    /// A stable short id scripts can match on ("rls-not-forced").
    public var code: String
    /// The table, column, view or role the finding is about.
    public var subject: String
    public var message: String

    public init(_ severity: Severity, _ code: String, _ subject: String, _ message: String) {
        self.severity = severity
        self.code = code
        self.subject = subject
        self.message = message
    }

    /// `FAIL rls-not-forced orders: …`
    public var description: String {
        "\(severity == .failure ? "FAIL" : severity == .warning ? "WARN" : "NOTE") \(code) \(subject): \(message)"
    }
}
