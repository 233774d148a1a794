import Foundation
import LQLPostgres
import LQLTestSupport
import Testing

/// Edges a new user runs into, through the real binary: `--timeout` outside PostgreSQL's range,
/// a NUL escape, a tenant that cannot exist, and a role row-level security does not apply to.
@Suite struct EdgeTests {
    static let schema = ["--schema", Repository.path("examples/leora/schema.prisma")]
    static let wall = "row-level security does not apply; lql's own predicates are the only wall"

    /// nan, inf, 1e16 trapped converting to Int (SIGILL); -1 and 2147483.648 reached the server.
    @Test(arguments: ["nan", "inf", "-inf", "1e16", "-1", "2147483.648", "1e400", "-0.001"])
    func aTimeoutOutsidePostgresRangeIsAUsageError(_ value: String) throws {
        for command in [["run", "-e", "Order | count"], ["-e", "Order | count"]] {
            let r = try runLQL(command + EdgeTests.schema + ["--tenant", "well-crafted", "--timeout=" + value])
            #expect(!r.signaled && r.status == 2, "\(command) --timeout \(value): status \(r.status), \(r.err)")
            #expect(r.err.contains("0 to 2147483.647 seconds"), "\(r.err)")
            #expect(!r.err.contains("cannot connect"), "validated before connecting")
        }
    }

    /// The ends of the range run (0 is no limit).
    @Test(arguments: ["0", "2147483.647", "30"])
    func aTimeoutInRangeRuns(_ value: String) throws {
        let db = try LeoraCluster.shared()
        let r = try runLQL(["run", "-e", "Order | count", "--tenant", "well-crafted", "--timeout", value] + EdgeTests.schema,
                           environment: ["DATABASE_URL": db.readerURL])
        #expect(r.status == 0, "\(r.err)")
    }

    /// PostgreSQL text cannot hold NUL: `\u{0}` is refused by `lql check` (and compile), with its span.
    @Test(arguments: [#"\u{0}"#, #"\u{00}"#, #"\u{000000}"#])
    func aNulEscapeIsE0102AtCheckTime(_ escape: String) throws {
        let source = #"Customer | where name == "a"# + escape + #"b""#
        let path = NSTemporaryDirectory() + "lql-edge-nul-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).lql"
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for (command, place) in [(["check", path], path + ":1:28"), (["compile", "-e", source], "<command line>:1:28")] {
            let r = try runLQL(command + EdgeTests.schema)
            #expect(r.status == 1, "\(r.err)")
            #expect(r.err.hasPrefix("error[E0102]: `\(escape)` is a NUL character"), "\(r.err)")
            #expect(r.err.contains(place), "\(r.err)")
        }
    }

    /// A `.env` tenant with an embedded NUL cannot name a tenant: exit 4, the NUL shown escaped.
    @Test func aDotEnvTenantWithANulExitsFour() throws {
        let db = try LeoraCluster.shared()
        let dir = NSTemporaryDirectory() + "lql-edge-env-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("DEFAULT_TENANT_SLUG=well\u{0}crafted\n".utf8).write(to: URL(fileURLWithPath: dir + "/.env"))
        let r = try runProcess(Repository.lqlBinary, ["run", "-e", "Order | count"] + EdgeTests.schema,
                               environment: lqlEnvironment(["DATABASE_URL": db.readerURL]), directory: dir)
        #expect(r.status == 4, "\(r.err)")
        #expect(r.err.contains(#"no tenant with slug or id `well\u{0}crafted`"#), "\(r.err)")
        #expect(!r.err.utf8.contains(0))
    }

    /// A tenant no table can hold as a name: 100 KiB on the command line (near the kernel's
    /// limit for one argument), 1 MiB from `.env`.
    @Test func aHugeTenantExitsFour() throws {
        let db = try LeoraCluster.shared()
        let r = try runLQL(["run", "-e", "Order | count", "--tenant", String(repeating: "w", count: 100_000)] + EdgeTests.schema,
                           environment: ["DATABASE_URL": db.readerURL])
        #expect(r.status == 4, "\(r.err.prefix(300))")
        let dir = NSTemporaryDirectory() + "lql-edge-env-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(("DEFAULT_TENANT_SLUG=" + String(repeating: "w", count: 1 << 20) + "\n").utf8).write(to: URL(fileURLWithPath: dir + "/.env"))
        let env = try runProcess(Repository.lqlBinary, ["run", "-e", "Order | count"] + EdgeTests.schema,
                                 environment: lqlEnvironment(["DATABASE_URL": db.readerURL]), directory: dir)
        #expect(env.status == 4, "\(env.err.prefix(300))")
    }

    func run(as url: String, _ extra: [String] = []) throws -> ProcessOutcome {
        try runLQL(["run", "-e", "Order | count", "--tenant", "well-crafted"] + extra + EdgeTests.schema, environment: ["DATABASE_URL": url])
    }

    func warnings(_ r: ProcessOutcome) -> [String] {
        r.err.split(separator: "\n").map(String.init).filter { $0.hasPrefix("lql: warning:") }
    }

    @Test func aSuperuserIsWarnedOnceUnlessQuiet() throws {
        let db = try LeoraCluster.shared()
        let r = try run(as: db.ownerURL)
        #expect(r.status == 0, "\(r.err)")
        #expect(warnings(r) == ["lql: warning: connected as postgres, a superuser: \(EdgeTests.wall)"])
        let quiet = try run(as: db.ownerURL, ["--quiet"])
        #expect(quiet.status == 0 && quiet.err.isEmpty, "\(quiet.err)")
        #expect(quiet.out == r.out)
        // The reader, under RLS, is not warned.
        let reader = try run(as: db.readerURL)
        #expect(reader.status == 0 && reader.err.isEmpty, "\(reader.err)")
    }

    @Test func aBypassRLSRoleIsWarned() throws {
        let db = try LeoraCluster.shared()
        let owner = try Connection(db.ownerURL)
        try owner.execute("""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'lql_edge_bypass') THEN
                CREATE ROLE lql_edge_bypass LOGIN BYPASSRLS IN ROLE lql_reader;
              END IF;
            END $$
            """)
        let r = try run(as: db.cluster.url(user: "lql_edge_bypass", database: "postgres"))
        #expect(r.status == 0, "\(r.err)")
        #expect(warnings(r) == ["lql: warning: connected as lql_edge_bypass, a role with BYPASSRLS: \(EdgeTests.wall)"])
        #expect(try run(as: db.cluster.url(user: "lql_edge_bypass", database: "postgres"), ["--quiet"]).err.isEmpty)
    }

    /// The owner of a scoped table that does not force row-level security skips it; an owner of
    /// a table that forces it (as Leora's do) does not, and is not warned.
    @Test func theOwnerOfAnUnforcedScopedTableIsWarned() throws {
        let db = try LeoraCluster.shared()
        let name = "lql_edge_owner_\(getpid())"
        let admin = try Connection(db.ownerURL)
        try admin.execute("CREATE DATABASE \(name)")
        defer {
            _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            _ = try? admin.execute("DROP ROLE IF EXISTS \(name)")
        }
        let setup = try Connection(db.cluster.url(user: "postgres", database: name))
        try setup.executeScript("""
            CREATE ROLE \(name) LOGIN;
            CREATE TABLE tenants (id text PRIMARY KEY, slug text UNIQUE NOT NULL);
            INSERT INTO tenants VALUES ('t1', 'well-crafted'), ('t2', 'harbor-wines');
            CREATE TABLE orders (id text PRIMARY KEY, tenant_id text NOT NULL REFERENCES tenants);
            INSERT INTO orders VALUES ('o1', 't1'), ('o2', 't2'), ('o3', 't2');
            ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
            CREATE POLICY tenant ON orders USING (tenant_id = current_setting('app.current_tenant_id', true));
            ALTER TABLE orders OWNER TO \(name);
            GRANT SELECT ON tenants TO \(name);
            """)
        let url = db.cluster.url(user: name, database: name)
        let r = try run(as: url)
        #expect(r.status == 0, "\(r.err)")
        #expect(warnings(r) == ["lql: warning: connected as \(name), the owner of orders (row-level security not forced): \(EdgeTests.wall)"])
        try setup.execute("ALTER TABLE orders FORCE ROW LEVEL SECURITY")
        let forced = try run(as: url)
        #expect(forced.status == 0 && forced.err.isEmpty, "\(forced.err)")
        #expect(forced.out.contains("1"), "\(forced.out)")
    }
}
