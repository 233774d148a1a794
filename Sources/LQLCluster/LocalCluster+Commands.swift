import CSignals
import Foundation

/// Why a local cluster could not be found, created, started or stopped: one clear sentence.
public struct LocalClusterError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The tail of the tool's output (initdb / pg_ctl / the server log), when there is one.
    public var output: String?

    public init(_ message: String, output: String? = nil) {
        self.message = message
        self.output = output
    }

    public var description: String { message }
}

/// Runs the server's command-line tools. As root every tool runs as `postgres` through
/// `runuser` (initdb and the server refuse to run as root), from `/tmp` so no tool complains
/// about an unreadable working directory.
struct ClusterCommandRunner: Sendable {
    static let isRoot = geteuid() == 0
    static let serviceUser = "postgres"

    /// Output goes to a file, not a pipe, and the child runs through `lql_spawn_wait` (C):
    /// `pg_ctl start` leaves the server running, and a server holding an inherited pipe or
    /// Foundation's exit-notification descriptor open makes the wait hang.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], asServiceUser: Bool = true) throws -> String {
        let argv = (asServiceUser && isRoot)
            ? [runuserPath(), "-u", serviceUser, "--", executable] + arguments
            : [executable] + arguments
        let outputPath = NSTemporaryDirectory() + "lql-cmd-\(getpid())-\(UUID().uuidString).out"
        defer { unlink(outputPath) }
        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let status = cArgs.withUnsafeBufferPointer { lql_spawn_wait($0.baseAddress, "/tmp", outputPath) }
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let name = (executable as NSString).lastPathComponent
        if status < 0 {
            throw LocalClusterError("cannot run \(executable): \(String(cString: strerror(errno)))")
        }
        guard status == 0 else {
            let reason = status == 127 ? "not found or not executable" : lastLines(text, 1)
            throw LocalClusterError("\(name) failed (exit \(status)): \(reason)", output: lastLines(text, 20))
        }
        return text
    }

    /// Exit status only, for `pg_ctl status` and reachability checks.
    static func succeeds(_ executable: String, _ arguments: [String], asServiceUser: Bool = true) -> Bool {
        (try? run(executable, arguments, asServiceUser: asServiceUser)) != nil
    }

    static func runuserPath() -> String {
        for path in ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"]
        where FileManager.default.isExecutableFile(atPath: path) { return path }
        return "runuser"
    }

    static func lastLines(_ text: String, _ count: Int) -> String {
        text.split(separator: "\n").suffix(count).joined(separator: "\n")
    }

    /// Hands a path to the service user (root only): the server must own its directories.
    static func chownToServiceUser(_ path: String, recursive: Bool = false) throws {
        guard isRoot else { return }
        guard let pw = getpwnam(serviceUser) else {
            throw LocalClusterError("there is no `\(serviceUser)` user to run the server as: install the PostgreSQL server package, which creates it")
        }
        if recursive {
            try run("/bin/chown", ["-R", "\(serviceUser):", path], asServiceUser: false)
        } else if chown(path, pw.pointee.pw_uid, pw.pointee.pw_gid) != 0 {
            throw LocalClusterError("cannot hand \(path) to \(serviceUser): \(String(cString: strerror(errno)))")
        }
    }
}
