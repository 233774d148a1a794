import Foundation
import LQLPostgres
import LQLCluster

/// Debian's `pgbouncer` (installed by scripts/install-deps.sh) in front of a local cluster,
/// listening only on a unix socket in a temp directory (no TCP), trusting every user the
/// cluster trusts. Started in the foreground (as `postgres` when we are root, since PgBouncer
/// refuses to run as root) and stopped with SIGTERM by the pid it writes.
///
/// ```swift
/// let bouncer = try PgBouncer(in: cluster, poolMode: "transaction", poolSize: 1)
/// defer { bouncer.stop() }
/// let db = try Connection(bouncer.url(user: "lql_reader"))
/// ```
public final class PgBouncer: @unchecked Sendable {
    public static let executable = "/usr/sbin/pgbouncer"
    /// Holds the config, the socket, the log and the pid file.
    public let directory: String
    /// Names the socket file (`.s.PGSQL.<port>`); nothing listens on TCP.
    public let port = 6432
    private let process: RunningProcess
    private let lock = NSLock()
    private var stopped = false

    public var logFile: String { directory + "/pgbouncer.log" }

    public init(in cluster: LocalCluster, poolMode: String = "transaction", poolSize: Int = 1,
                maxClientConnections: Int = 200, users: [String] = ["postgres", "lql_reader"]) throws {
        guard FileManager.default.isExecutableFile(atPath: PgBouncer.executable) else {
            throw ClusterSetupError("\(PgBouncer.executable) is missing: run scripts/install-deps.sh (it installs pgbouncer)")
        }
        // /tmp, not tmpfs paths of arbitrary length: the socket path must stay under 108 bytes.
        directory = try ServiceUser.makeDirectory(in: "/tmp", prefix: "lql-pgb-")
        let config = """
            [databases]
            * = host=\(cluster.socketDirectory) port=\(cluster.port)

            [pgbouncer]
            unix_socket_dir = \(directory)
            listen_port = \(port)
            auth_type = trust
            auth_file = \(directory)/userlist.txt
            admin_users = postgres
            pool_mode = \(poolMode)
            default_pool_size = \(poolSize)
            min_pool_size = 0
            reserve_pool_size = 0
            max_client_conn = \(maxClientConnections)
            pidfile = \(directory)/pgbouncer.pid
            logfile = \(directory)/pgbouncer.log
            log_connections = 0
            log_disconnections = 0
            ignore_startup_parameters = extra_float_digits

            """
        let userlist = users.map { "\"\($0)\" \"\"" }.joined(separator: "\n") + "\n"
        for (name, text) in [("pgbouncer.ini", config), ("userlist.txt", userlist)] {
            try text.write(toFile: directory + "/" + name, atomically: false, encoding: .utf8)
            try ServiceUser.give(directory + "/" + name)
        }
        let (exe, args) = ServiceUser.command(PgBouncer.executable, [directory + "/pgbouncer.ini"])
        process = try RunningProcess(exe, args, directory: "/tmp")
        try waitUntilReady()
    }

    deinit { stop() }

    /// A libpq URL through the pooler's socket.
    public func url(user: String, database: String = "postgres") -> String {
        "postgresql:///\(database)?host=\(directory)&port=\(port)&user=\(user)"
    }

    /// Polls until a connection through the pooler answers (the socket appears a moment after
    /// the process starts); throws with the log's tail if PgBouncer exits or never answers.
    private func waitUntilReady() throws {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if !process.isRunning {
                let outcome = process.wait()
                throw ClusterSetupError("pgbouncer exited (\(outcome.status)): \(outcome.err)\(logTail())")
            }
            if FileManager.default.fileExists(atPath: "\(directory)/.s.PGSQL.\(port)"),
               (try? Connection(url(user: "postgres")).execute("SELECT 1")) != nil {
                return
            }
            usleep(20_000)
        }
        stop()
        throw ClusterSetupError("pgbouncer did not answer within 15 s: \(logTail())")
    }

    public func logTail(_ lines: Int = 10) -> String {
        let text = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// The server backends PgBouncer holds, from its admin console (`SHOW SERVERS`, simple
    /// protocol as the console requires): their PostgreSQL pids.
    public func serverPIDs() throws -> [Int32] {
        let console = try Connection(url(user: "postgres", database: "pgbouncer"))
        let result = try console.executeScript("SHOW SERVERS")
        guard let column = result.columns.firstIndex(where: { $0.name == "remote_pid" }) else {
            throw ClusterSetupError("SHOW SERVERS has no remote_pid column")
        }
        return result.rows.compactMap { $0[column].flatMap { Int32($0) } }
    }

    /// SIGTERM to PgBouncer itself (its pid file; runuser is only its parent), SIGKILL if it is
    /// still there after 10 s, then waits for it and removes the directory.
    public func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        let text = (try? String(contentsOfFile: directory + "/pgbouncer.pid", encoding: .utf8)) ?? ""
        let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? process.pid
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        _ = process.wait()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
