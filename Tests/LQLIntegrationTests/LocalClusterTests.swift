import Foundation
import LQLPostgres
import LQLCluster
import LQLTestSupport
import Testing

@Suite struct LocalClusterTests {
    @Test func findsTheServerBinaries() throws {
        let binaries = try PostgresBinaries.locate()
        #expect(FileManager.default.isExecutableFile(atPath: binaries.initdb))
        #expect(FileManager.default.isExecutableFile(atPath: binaries.pgCtl))
        #expect(binaries.majorVersion >= 12)
    }

    @Test func aMissingInstallIsOneSentenceNamingThePackage() throws {
        let error = #expect(throws: LocalClusterError.self) {
            try PostgresBinaries.locate(searching: ["/nonexistent/bin", "/usr/include"])
        }
        let message = try #require(error?.description)
        #expect(message.hasPrefix("PostgreSQL server binaries not found: install them with `apt-get install postgresql`"))
        #expect(!message.contains("\n"))
    }

    /// A cluster whose owning test process died is stopped and removed by the next sweep; one
    /// whose owner lives is left alone.
    @Test func theSweepRemovesClustersOfDeadTestProcessesOnly() throws {
        let orphan = try ThrowawayClusters.make(prefix: "lql-sweep-")
        let kept = try ThrowawayClusters.make(prefix: "lql-sweep-")
        defer { orphan.destroy(); kept.destroy() }
        try orphan.start()
        #expect(orphan.isRunning)
        try String(deadPID()).write(toFile: ThrowawayClusters.root(of: orphan) + "/owner.pid", atomically: true, encoding: .utf8)
        ThrowawayClusters.sweep()
        #expect(!FileManager.default.fileExists(atPath: ThrowawayClusters.root(of: orphan)))
        #expect(!orphan.isRunning)
        #expect(FileManager.default.fileExists(atPath: ThrowawayClusters.root(of: kept)))
    }

    /// The pid of a process that has exited and been reaped.
    func deadPID() -> pid_t {
        let pid = fork()
        if pid == 0 { _exit(0) }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return pid
    }

    @Test func persistentClusterKeepsDataAcrossRestartsAndStops() throws {
        let cluster = try ThrowawayClusters.make(prefix: "lql-test-life-")
        defer { cluster.destroy() }
        let root = (cluster.dataDirectory as NSString).deletingLastPathComponent
        #expect(!cluster.isInitialized)
        #expect(!cluster.isRunning)

        try cluster.start()
        #expect(cluster.isRunning)
        #expect(FileManager.default.fileExists(atPath: cluster.socketPath))
        do {
            let db = try Connection(cluster.url())
            try db.execute("CREATE TABLE kept (v text)")
            try db.execute("INSERT INTO kept VALUES ($1)", ["survives"])
            // Unix socket only: no TCP listener.
            #expect(try db.execute("SHOW listen_addresses").scalar == "")
            #expect(try db.execute("SHOW server_encoding").scalar == "UTF8")
            #expect(try db.execute("SHOW lc_collate").scalar == "C.UTF-8")
        }
        try cluster.stop()
        #expect(!cluster.isRunning)
        #expect(throws: PostgresError.self) { _ = try Connection(cluster.url()) }

        try cluster.start()
        let db = try Connection(cluster.url(user: "postgres", database: "postgres"))
        #expect(try db.execute("SELECT v FROM kept").scalar == "survives")
        try cluster.start()  // already running: no-op
        cluster.destroy()
        #expect(!FileManager.default.fileExists(atPath: root))
    }

    @Test func urlFormIsAcceptedByLibpq() throws {
        let test = try TestCluster.shared()
        let url = test.cluster.url(user: "lql_reader", database: "postgres")
        #expect(url == "postgresql:///postgres?host=\(test.cluster.socketDirectory)&port=5432&user=lql_reader")
        let db = try Connection(url)
        #expect(db.user == "lql_reader")
        #expect(db.host == test.cluster.socketDirectory)
    }

    @Test func tooLongSocketPathIsRefusedClearly() throws {
        let long = "/tmp/" + String(repeating: "s", count: 120)
        let error = #expect(throws: LocalClusterError.self) {
            _ = try LocalCluster(dataDirectory: "/tmp/lql-never/data", socketDirectory: long)
        }
        #expect(error?.description.contains("longer than 107 bytes") == true)
        // Without an explicit socket directory a deep data directory falls back to a short one.
        let deep = "/tmp/" + String(repeating: "d", count: 120) + "/data"
        let cluster = try LocalCluster(dataDirectory: deep)
        #expect(cluster.socketPath.utf8.count <= 107)
        #expect(cluster.socketDirectory.hasPrefix("/tmp/lql-"))
    }

    @Test func sharedTestClusterStartedQuickly() throws {
        let test = try TestCluster.shared()
        // Template copy on tmpfs + pg_ctl -w start; measured ≈ 0.3 s, generous bound for busy machines.
        #expect(test.startSeconds < 20)
        print("test cluster start: \(test.startSeconds) s")
    }

    @Test(.enabled(if: geteuid() == 0)) func asRootAnUnreachableDirectoryIsExplained() throws {
        let hidden = NSTemporaryDirectory() + "lql-private-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: hidden, withIntermediateDirectories: true)
        chmod(hidden, 0o700)  // like /root: postgres cannot enter
        defer { try? FileManager.default.removeItem(atPath: hidden) }
        let cluster = try LocalCluster(dataDirectory: hidden + "/.lql/data")
        let error = #expect(throws: LocalClusterError.self) { try cluster.start() }
        #expect(error?.description.hasPrefix("the `postgres` user cannot reach \(hidden)/.lql/data") == true)
        #expect(!cluster.isRunning)
    }
}
