import Foundation
import LQLPostgres
import LQLTestSupport

/// A database of the test's own on the test cluster: two tenants and a `notes` table (30 notes
/// for `alpha`, 2 for `beta`), readable by `lql_reader`, and the Prisma schema for it in a
/// folder of its own. Tests lock `notes` to hold a query running, or point `-o` at odd files.
struct ScratchTenantDatabase {
    let name: String
    let ownerURL: String
    let readerURL: String
    /// A folder holding `schema.prisma`; tests put their files (`.env`, `-o` targets) here too.
    let directory: String
    var schemaPath: String { directory + "/schema.prisma" }

    static let schema = """
        datasource db {
          provider = "postgresql"
          url      = env("DATABASE_URL")
        }
        model Tenant {
          id    String @id
          slug  String @unique
          name  String
          notes Note[]
          @@map("tenants")
        }
        model Note {
          id       String @id
          tenantId String @map("tenant_id")
          body     String
          tenant   Tenant @relation(fields: [tenantId], references: [id])
          @@map("notes")
        }
        """

    init(prefix: String) throws {
        let test = try TestCluster.shared()
        name = "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
        try Connection(test.ownerURL).execute("CREATE DATABASE \(name)")
        ownerURL = test.cluster.url(user: "postgres", database: name)
        readerURL = test.cluster.url(user: "lql_reader", database: name)
        let db = try Connection(ownerURL)
        for statement in [
            "CREATE TABLE tenants (id text PRIMARY KEY, slug text UNIQUE NOT NULL, name text NOT NULL)",
            "CREATE TABLE notes (id text PRIMARY KEY, tenant_id text NOT NULL REFERENCES tenants(id), body text NOT NULL)",
            "GRANT SELECT ON tenants, notes TO lql_reader",
            "INSERT INTO tenants VALUES ('t-a', 'alpha', 'Alpha'), ('t-b', 'beta', 'Beta')",
            "INSERT INTO notes SELECT 'a-' || g, 't-a', 'note ' || g FROM generate_series(1, 30) g",
            "INSERT INTO notes VALUES ('b-1', 't-b', 'x'), ('b-2', 't-b', 'y')",
        ] { try db.execute(statement) }
        directory = NSTemporaryDirectory() + "lql-\(name)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.schema.write(toFile: schemaPath, atomically: true, encoding: .utf8)
    }

    func drop() {
        try? FileManager.default.removeItem(atPath: directory)
        if let test = try? TestCluster.shared(), let db = try? Connection(test.ownerURL) {
            _ = try? db.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    /// A session that holds `notes` locked until `release()`: lql's query on it waits, running.
    func lockNotes() throws -> Connection {
        let locker = try Connection(ownerURL)
        try locker.execute("BEGIN")
        try locker.execute("LOCK TABLE notes IN ACCESS EXCLUSIVE MODE")
        return locker
    }

    /// Sessions of `application` in this database (`waitingOnLock`: only those blocked on a lock).
    func sessions(_ application: String, waitingOnLock: Bool = false) throws -> Int {
        let sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND application_name = $2"
            + (waitingOnLock ? " AND wait_event_type = 'Lock'" : "")
        return Int(try Connection(ownerURL).execute(sql, [name, application]).scalar ?? "0") ?? 0
    }

    /// Polls until `condition` holds or `seconds` pass; returns whether it held.
    static func eventually(seconds: Double = 15, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return try condition()
    }

    /// `lqlEnvironment` for this database (lql_reader) and tenant `alpha`, plus `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        lqlEnvironment(["DATABASE_URL": readerURL, "LQL_TENANT": "alpha", "LQL_NO_PROGRESS": "1"].merging(extra) { $1 })
    }

    /// Files in `directory` whose names hold `.lql-` (a temporary `-o` file left behind).
    func leftovers(in dir: String? = nil) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir ?? directory)) ?? []).filter { $0.contains(".lql-") }
    }
}
