import Foundation

/// The PostgreSQL tools and PgBouncer refuse to run as root: as root, tests run them as the
/// `postgres` user through runuser, and hand them the directories they write.
public enum ServiceUser {
    public static let isRoot = geteuid() == 0
    public static let name = "postgres"

    /// `argv` as the service user when we are root, else as is.
    public static func command(_ executable: String, _ arguments: [String]) -> (String, [String]) {
        guard isRoot else { return (executable, arguments) }
        return (runuser, ["-u", name, "--", executable] + arguments)
    }

    /// Runs a tool to completion (from /tmp, where the service user may be) and throws with its
    /// output when it fails.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String]) throws -> ProcessOutcome {
        let (exe, args) = command(executable, arguments)
        let outcome = try runProcess(exe, args, directory: "/tmp")
        guard outcome.status == 0 else {
            throw ClusterSetupError("\((executable as NSString).lastPathComponent) \(arguments.joined(separator: " ")) failed (exit \(outcome.status)): \(outcome.err)\(outcome.out)")
        }
        return outcome
    }

    /// A new directory under `base` owned by the service user (mode 0755 so we can read its logs).
    public static func makeDirectory(in base: String, prefix: String) throws -> String {
        var template = Array(((base.hasSuffix("/") ? base : base + "/") + prefix + "XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw ClusterSetupError("cannot create a directory in \(base)") }
        let path = String(cString: made)
        chmod(path, 0o755)
        try give(path)
        return path
    }

    /// chown to the service user (root only).
    public static func give(_ path: String) throws {
        guard isRoot else { return }
        guard let pw = getpwnam(name) else { throw ClusterSetupError("there is no `postgres` user") }
        if chown(path, pw.pointee.pw_uid, pw.pointee.pw_gid) != 0 {
            throw ClusterSetupError("cannot hand \(path) to postgres: \(String(cString: strerror(errno)))")
        }
    }

    static var runuser: String {
        ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "runuser"
    }
}
