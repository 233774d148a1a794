import Foundation
import LQLPostgres
import LQLCluster
import LQLOutput
import LQLSystem

/// The private cluster behind `lql demo`: a LocalCluster under `.lql/demo` (unix socket in that
/// directory, no TCP port) holding one example database, loaded once and reused.
struct DemoCluster {
    let example: DemoExample
    let directory: String
    let examplesDirectory: String
    let cluster: LocalCluster

    init(example: DemoExample, directory: String, examplesDirectory: String) throws {
        self.example = example
        self.directory = (directory as NSString).standardizingPath
        self.examplesDirectory = examplesDirectory
        do {
            try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
            // The server runs as `postgres` when lql runs as root: it must reach the socket directory.
            chmod(self.directory, 0o755)
            self.cluster = try LocalCluster(dataDirectory: self.directory + "/data", socketDirectory: self.directory + "/run")
        } catch let error as LocalClusterError {
            throw CommandFailure(.serverError, "lql demo: \(error.message)")
        }
    }

    var stateFile: String { directory + "/\(example.name).loaded" }
    var schemaPath: String { examplesDirectory + "/" + example.schemaFile }
    var configPath: String? { example.configFile.map { examplesDirectory + "/" + $0 } }
    var readerURL: String { cluster.url(user: example.readerRole, database: example.database) }
    var adminURL: String { cluster.url(user: "postgres", database: example.database) }

    /// The scale the database was loaded with, if it was loaded completely.
    var loadedScale: Int? {
        (try? String(contentsOfFile: stateFile, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Starts the server and loads the example unless it is already there at this scale
    /// (a different scale reloads it; `nil` keeps whatever is loaded, or loads scale 1).
    func ensureReady(scale requested: Int?, log: (String) -> Void) throws {
        do {
            let fresh = !cluster.isInitialized
            if fresh { log("creating a private PostgreSQL cluster in \(directory) …") }
            let started = DemoStep.now()
            try cluster.start()
            if fresh { log("  initdb and start: " + DemoStep.took(since: started)) }
            let current = loadedScale
            if let current, requested == nil || requested == current { return }
            try load(scale: requested ?? 1, log: log)
        } catch let error as LocalClusterError {
            throw CommandFailure(.serverError, "lql demo: \(error.message)" + (error.output.map { "\n" + $0 } ?? ""))
        } catch let error as PostgresError {
            throw CommandFailure(.serverError, "lql demo: loading the \(example.name) example failed: \(error)")
        }
    }

    func load(scale: Int, log: (String) -> Void) throws {
        try? FileManager.default.removeItem(atPath: stateFile)
        log("loading the \(example.name) example at scale \(scale) …")
        let admin = try Connection(cluster.url(user: "postgres", database: "postgres"))
        // Identifiers here come from lql's own example table, never from user input.
        try admin.executeScript("DROP DATABASE IF EXISTS \"\(example.database)\" WITH (FORCE)")
        try admin.executeScript("CREATE DATABASE \"\(example.database)\"")
        let db = try Connection(adminURL)
        let loadStarted = DemoStep.now()
        switch example.loading {
        case .scripts(let files, let seedCall):
            for file in files {
                let path = examplesDirectory + "/" + file
                guard let sql = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw CommandFailure(.usage, "lql demo: cannot read \(path)")
                }
                let step = DemoStep.now()
                try db.executeScript(sql)
                log("  \((file as NSString).lastPathComponent): " + DemoStep.took(since: step))
            }
            let seed = DemoStep.now()
            let status = ProgressReporter.isWanted(environment: ProcessInfo.processInfo.environment)
                ? ProgressReporter(mode: .step("seeding at scale \(scale)")) : nil
            status?.start()
            do {
                try db.execute(seedCall, [String(scale)])
                try db.executeScript("ANALYZE")
            } catch {
                status?.finish(succeeded: false)
                throw error
            }
            status?.finish()
            log("  seed: \(DemoStep.rowsLoaded(db)) rows in " + DemoStep.took(since: seed))
        case .schemaPerTenant(let directory):
            try SupplyChainExample(directory: examplesDirectory + "/" + directory).load(on: db, scale: scale)
            log("  schemas and seed: \(DemoStep.rowsLoaded(db)) rows in " + DemoStep.took(since: loadStarted))
        }
        log("  loaded in " + DemoStep.took(since: loadStarted))
        try String(scale).write(toFile: stateFile, atomically: true, encoding: .utf8)
    }

    func stop() throws {
        do { try cluster.stop() } catch let error as LocalClusterError {
            throw CommandFailure(.serverError, "lql demo stop: \(error.message)")
        }
    }

    func destroy() {
        cluster.destroy()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Shell lines that point lql (and psql) at the demo database.
    func exports() -> String {
        """
        export DATABASE_URL='\(readerURL)'
        export LQL_ADMIN_URL='\(adminURL)'
        export DEFAULT_TENANT_SLUG='\(example.defaultTenant)'
        export LQL_SCHEMA='\(schemaPath)'

        """ + (configPath.map { "export LQL_CONFIG='\($0)'\n" } ?? "")
    }
}

/// Timings for the demo's steps (initdb, schema, seed), so a long load shows what it is doing.
enum DemoStep {
    static func now() -> Double { Clock.monotonicSeconds() }

    static func took(since start: Double) -> String { ProgressReporter.seconds(now() - start) }

    /// Rows in the example's tables after ANALYZE (the planner's count: exact after ANALYZE
    /// of small tables, close for big ones), grouped by thousands.
    static func rowsLoaded(_ db: Connection) -> String {
        _ = try? db.executeScript("ANALYZE")
        let result = try? db.execute("SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint FROM pg_class c "
                                     + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' "
                                     + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")
        let count = result.flatMap { $0[0, 0] }.flatMap { Int($0) } ?? 0
        return ProgressReporter.grouped(count)
    }
}
