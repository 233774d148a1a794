import LQLPostgres
import LQLSystem
import Foundation

/// A private PostgreSQL cluster: unix socket only (`listen_addresses = ''`), no TCP port, for
/// the demo (persistent, under `.lql/`) and for tests (throwaway, in a temp directory).
///
/// ```swift
/// let cluster = try LocalCluster.temporary()
/// try cluster.start()
/// let db = try Connection(cluster.url(user: "postgres", database: "postgres"))
/// …
/// cluster.destroy()
/// ```
///
/// The first cluster of a PostgreSQL version runs initdb once into a cached template
/// (`/tmp/lql-pg-template-<major>`); every later cluster copies it (≈ 1 s on disk, far less on
/// tmpfs, against ≈ 2 s for initdb).
public final class LocalCluster: @unchecked Sendable {
    public let dataDirectory: String
    public let socketDirectory: String
    /// Names the socket file (`.s.PGSQL.<port>`); nothing listens on TCP.
    public let port: Int
    public let binaries: PostgresBinaries
    /// Removed by `destroy()` (set for temporary clusters).
    private let ownedRoot: String?
    private let lock = NSLock()

    public var logFile: String { dataDirectory + "/lql-server.log" }
    public var socketPath: String { socketDirectory + "/.s.PGSQL.\(port)" }

    /// Describes a cluster at `dataDirectory` (nothing is created until `start` or `initialize`).
    /// The socket goes to `socketDirectory`, or beside the data directory in `run/`, or, when
    /// that path is too long for a unix socket (107 bytes), a short directory under /tmp.
    public init(dataDirectory: String, socketDirectory: String? = nil, port: Int = 5432,
                binaries: PostgresBinaries? = nil) throws {
        let data = LocalCluster.absolute(dataDirectory)
        self.dataDirectory = data
        self.port = port
        self.binaries = try binaries ?? PostgresBinaries.locate()
        self.ownedRoot = nil
        self.socketDirectory = try LocalCluster.chooseSocketDirectory(socketDirectory, data: data, port: port)
    }

    private init(root: String, binaries: PostgresBinaries, port: Int) {
        self.dataDirectory = root + "/data"
        self.socketDirectory = root + "/run"
        self.port = port
        self.binaries = binaries
        self.ownedRoot = root
    }

    /// A throwaway cluster in a new directory under `base` (default: the temp directory).
    /// Call `destroy()` to stop it and remove the directory.
    public static func temporary(in base: String? = nil, prefix: String = "lql-pg-", port: Int = 5432) throws -> LocalCluster {
        let binaries = try PostgresBinaries.locate()
        let parent = base ?? NSTemporaryDirectory()
        let pattern = (parent.hasSuffix("/") ? parent : parent + "/") + prefix + "XXXXXX"
        var template = Array(pattern.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw LocalClusterError("cannot create a directory in \(parent): \(String(cString: strerror(errno)))")
        }
        let root = String(cString: made)
        // The server runs as `postgres` when we are root: it must be able to enter the directory.
        chmod(root, 0o755)
        let cluster = LocalCluster(root: root, binaries: binaries, port: port)
        if cluster.socketPath.utf8.count > 107 {
            try? FileManager.default.removeItem(atPath: root)
            throw LocalClusterError("the socket path \(cluster.socketPath) is longer than 107 bytes: use a shorter base directory")
        }
        return cluster
    }

    /// True when the data directory holds a cluster.
    public var isInitialized: Bool {
        FileManager.default.fileExists(atPath: dataDirectory + "/PG_VERSION")
    }

    /// Creates the data directory (copying the cached template, or running initdb when
    /// `useTemplate` is false) unless it already exists.
    public func initialize(useTemplate: Bool = true) throws {
        lock.lock()
        defer { lock.unlock() }
        try initializeLocked(useTemplate: useTemplate)
    }

    private func initializeLocked(useTemplate: Bool) throws {
        if isInitialized { return }
        let parent = (dataDirectory as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        if useTemplate {
            let template = try ClusterTemplate.ensure(binaries: binaries)
            // cp -a keeps the template's owner (postgres when we are root) and modes (0700).
            try ClusterCommandRunner.run("/bin/cp", ["-a", template, dataDirectory], asServiceUser: false)
        } else {
            try ClusterTemplate.initdb(binaries: binaries, into: dataDirectory)
        }
        try checkServiceUserCanReach()
    }

    /// Starts the server (`pg_ctl -w`), creating the cluster first if needed. No-op when running.
    public func start() throws {
        lock.lock()
        defer { lock.unlock() }
        try initializeLocked(useTemplate: true)
        if isRunningUnlocked { return }
        try prepareSocketDirectory()
        try writeLocalSettings()
        do {
            try ClusterCommandRunner.run(binaries.pgCtl, ["-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "start"])
        } catch var error as LocalClusterError {
            let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
            error.output = ClusterCommandRunner.lastLines(log, 20)
            error.message = "the PostgreSQL server in \(dataDirectory) did not start: \(ClusterCommandRunner.lastLines(log, 1))"
            throw error
        }
    }

    /// Stops the server (fast shutdown: running queries are cancelled). No-op when stopped.
    public func stop() throws {
        lock.lock()
        defer { lock.unlock() }
        guard isInitialized, isRunningUnlocked else { return }
        try ClusterCommandRunner.run(binaries.pgCtl, ["-D", dataDirectory, "-m", "fast", "-w", "stop"])
    }

    public var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return isRunningUnlocked
    }

    /// The postmaster.pid's process is alive (cheaper than `pg_ctl status`, same answer).
    private var isRunningUnlocked: Bool {
        guard let text = try? String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8),
              let first = text.split(separator: "\n").first, let pid = pid_t(String(first).trimmingWhitespaceAndNewlines()) else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Stops the server if running and removes a temporary cluster's directory.
    public func destroy() {
        try? stop()
        if let ownedRoot { try? FileManager.default.removeItem(atPath: ownedRoot) }
    }

    /// A libpq URL for the unix socket: `postgresql:///db?host=/socket/dir&port=5432&user=u`.
    public func url(user: String = "postgres", database: String = "postgres") -> String {
        "postgresql:///\(LocalCluster.percentEncode(database))?host=\(LocalCluster.percentEncode(socketDirectory))&port=\(port)&user=\(LocalCluster.percentEncode(user))"
    }

    // MARK: Setup details

    private func prepareSocketDirectory() throws {
        try FileManager.default.createDirectory(atPath: socketDirectory, withIntermediateDirectories: true)
        try ClusterCommandRunner.chownToServiceUser(socketDirectory)
        chmod(socketDirectory, 0o755)
    }

    /// Per-cluster settings live in `lql.conf`, included by the template's postgresql.conf and
    /// rewritten at every start, so a moved directory still finds its socket.
    private func writeLocalSettings() throws {
        let text = """
            # Written by lql at every start.
            unix_socket_directories = '\(socketDirectory.replacingOccurrences(of: "'", with: "''"))'
            port = \(port)

            """
        let path = dataDirectory + "/lql.conf"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try ClusterCommandRunner.chownToServiceUser(path)
    }

    /// As root, the server runs as `postgres`: every parent of the data directory must be
    /// searchable by it (a cluster under /root is not).
    private func checkServiceUserCanReach() throws {
        guard ClusterCommandRunner.isRoot else { return }
        if !ClusterCommandRunner.succeeds("/usr/bin/test", ["-r", dataDirectory + "/PG_VERSION"]) {
            throw LocalClusterError("the `postgres` user cannot reach \(dataDirectory): put the cluster under a directory every user can enter (e.g. /tmp), or make its parents searchable (chmod o+x)")
        }
    }

    static func chooseSocketDirectory(_ given: String?, data: String, port: Int) throws -> String {
        let suffix = "/.s.PGSQL.\(port)"
        if let given {
            let dir = absolute(given)
            guard (dir + suffix).utf8.count <= 107 else {
                throw LocalClusterError("the socket path \(dir + suffix) is longer than 107 bytes: choose a shorter socket directory")
            }
            return dir
        }
        let beside = (data as NSString).deletingLastPathComponent + "/run"
        if (beside + suffix).utf8.count <= 107 { return beside }
        // Stable per data directory, so a persistent cluster keeps its socket across runs.
        var hash: UInt64 = 14695981039346656037
        for byte in data.utf8 { hash = (hash ^ UInt64(byte)) &* 1099511628211 }
        return "/tmp/lql-\(getuid())-\(String(hash, radix: 36))"
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return (path as NSString).standardizingPath }
        return ((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    static func percentEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
