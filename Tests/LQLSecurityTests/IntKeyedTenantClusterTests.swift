import Foundation
import LQL
import LQLCluster
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// An Int-keyed tenant end to end on a real server: the root is `Team` with autoincrement ids,
/// `teamId Int` keys, RLS policies reading `app.current_team_id` as int, `Tag`↔`Project` an
/// implicit many-to-many between Int ids. `--tenant` finds a team by slug or by id (a value that
/// is one team's slug and another's id is refused as ambiguous), `$1` is bound as int4, and the
/// reader under RLS and the superuser without it see the same, correct rows.
@Suite(.serialized) struct IntKeyedTenantClusterTests {
    static let schema = """
    datasource db {
      provider = "postgresql"
      url      = env("DATABASE_URL")
    }
    model Team {
      id       Int       @id @default(autoincrement())
      slug     String    @unique
      name     String
      projects Project[]
      tags     Tag[]
      @@map("teams")
    }
    model Project {
      id     Int    @id @default(autoincrement())
      teamId Int    @map("team_id")
      team   Team   @relation(fields: [teamId], references: [id])
      name      String
      tags      Tag[]
      /// A self-relation through `_Deps`: `blocks` sorts first, so it lists the rows in column A.
      blocks    Project[] @relation("Deps")
      dependsOn Project[] @relation("Deps")
      @@map("projects")
    }
    model Tag {
      id       Int       @id @default(autoincrement())
      teamId   Int       @map("team_id")
      team     Team      @relation(fields: [teamId], references: [id])
      label    String
      projects Project[]
      @@map("tags")
    }
    """

    static let config = """
    [tenancy]
    model = "Team"
    key = "teamId"
    lookup = ["slug", "id"]
    setting = "app.current_team_id"
    """

    static let ddl = """
    CREATE TABLE teams (id serial PRIMARY KEY, slug text UNIQUE NOT NULL, name text NOT NULL);
    CREATE TABLE projects (id serial PRIMARY KEY, team_id int NOT NULL REFERENCES teams, name text NOT NULL);
    CREATE TABLE tags (id serial PRIMARY KEY, team_id int NOT NULL REFERENCES teams, label text NOT NULL);
    CREATE TABLE "_ProjectToTag" ("A" int NOT NULL REFERENCES projects ON DELETE CASCADE, "B" int NOT NULL REFERENCES tags ON DELETE CASCADE,
                                  CONSTRAINT "_ProjectToTag_AB_pkey" PRIMARY KEY ("A", "B"));
    CREATE TABLE "_Deps" ("A" int NOT NULL REFERENCES projects, "B" int NOT NULL REFERENCES projects, CONSTRAINT "_Deps_AB_pkey" PRIMARY KEY ("A", "B"));
    -- Team 3's slug is "2": `--tenant 2` names two teams, `--tenant 3` is team 3 by id.
    INSERT INTO teams (slug, name) VALUES ('acme', 'A Team'), ('globex', 'B Team'), ('2', 'C Team');
    INSERT INTO projects (team_id, name) VALUES (1, 'A-apollo'), (1, 'A-atlas'), (2, 'B-borealis'), (3, 'C-comet'), (3, 'C-cosmos'), (3, 'C-crux');
    INSERT INTO tags (team_id, label) VALUES (1, 'A-red'), (1, 'A-blue'), (2, 'B-red'), (3, 'C-red');
    -- Project 1 (A) carries B's tag 3 too: a crossing link lql must not follow.
    INSERT INTO "_ProjectToTag" VALUES (1, 1), (1, 2), (2, 1), (3, 3), (4, 4), (1, 3);
    -- As Prisma stores `apollo.blocks = [atlas]` (its docs' a_eats/b_eatenBy rule: the field that
    -- sorts first lists column A): A = atlas, B = apollo, so atlas.dependsOn = [apollo]; and one
    -- link crossing into team B (borealis in apollo's blocks).
    INSERT INTO "_Deps" VALUES (2, 1), (3, 1), (5, 4);
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'team_reader') THEN CREATE ROLE team_reader LOGIN; END IF;
    END $$;
    GRANT SELECT ON teams, projects, tags, "_ProjectToTag", "_Deps" TO team_reader;
    ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
    ALTER TABLE projects FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON projects USING (team_id = NULLIF(current_setting('app.current_team_id', true), '')::int);
    ALTER TABLE tags ENABLE ROW LEVEL SECURITY;
    ALTER TABLE tags FORCE ROW LEVEL SECURITY;
    CREATE POLICY tenant_isolation ON tags USING (team_id = NULLIF(current_setting('app.current_team_id', true), '')::int);
    """

    final class Server: Sendable {
        let cluster: LocalCluster
        let ownerURL: String
        let readerURL: String
        let directory: String
        init() throws {
            cluster = try ThrowawayClusters.make(prefix: "lql-teams-")
            atexit { if case .success(let s) = IntKeyedTenantClusterTests.server { s.cluster.destroy(); try? FileManager.default.removeItem(atPath: s.directory) } }
            try cluster.start()
            ownerURL = cluster.url(user: "postgres", database: "postgres")
            readerURL = cluster.url(user: "team_reader", database: "postgres")
            try Connection(ownerURL).executeScript(IntKeyedTenantClusterTests.ddl)
            directory = NSTemporaryDirectory() + "lql-teams-\(getpid())"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try IntKeyedTenantClusterTests.schema.write(toFile: directory + "/schema.prisma", atomically: true, encoding: .utf8)
            try ("schema = \"schema.prisma\"\n" + IntKeyedTenantClusterTests.config).write(toFile: directory + "/lql.toml", atomically: true, encoding: .utf8)
        }
    }
    static let server: Result<Server, any Error> = Result { try Server() }

    static let catalog: Catalog = {
        let tenancy = TenancyConfiguration(model: "Team", key: "teamId", lookup: ["slug", "id"], setting: .name("app.current_team_id"))
        guard let c = PrismaSchemaReader.read(SourceFile(name: "schema.prisma", text: schema), configuration: tenancy).catalog else {
            fatalError("the Team schema does not read")
        }
        return c
    }()

    static var scope: TenantScope {
        guard case .rowLevel(let r) = catalog.tenancy else { fatalError("row-level expected") }
        return TenantScope(strategy: .rowLevel(r, catalog: catalog))
    }

    func run(_ query: String, tenant: String, asReader: Bool = true) throws -> [[String?]] {
        let s = try Self.server.get()
        return try runCompiledQuery(query, catalog: Self.catalog, scope: Self.scope, tenant: tenant,
                                    on: try Connection(asReader ? s.readerURL : s.ownerURL))
    }

    @Test func theKeyIsAnInt4Bind() throws {
        guard case .rowLevel(let r) = Self.catalog.tenancy else { Issue.record("not row-level"); return }
        #expect(r.keyType == .int4)
        #expect(Self.scope.strategy.tenantTypeOID == 23)
    }

    @Test func lookupBySlugAndById() throws {
        let s = try Self.server.get()
        let reader = try Connection(s.readerURL)
        #expect(try Self.scope.resolve("acme", on: reader) == Tenant(id: "1", slug: "acme"))
        #expect(try Self.scope.resolve("1", on: reader) == Tenant(id: "1", slug: "acme"))
        #expect(try Self.scope.resolve("3", on: reader) == Tenant(id: "3", slug: "2"))
        // One team's slug and another's id: refused, never a guess.
        #expect(throws: TenantError.ambiguous(given: "2", matches: [Tenant(id: "2", slug: "globex"), Tenant(id: "3", slug: "2")])) {
            try Self.scope.resolve("2", on: reader)
        }
        #expect(throws: TenantError.self) { try Self.scope.resolve("9", on: reader) }
        #expect(throws: TenantError.self) { try Self.scope.resolve("acm", on: reader) }
    }

    @Test func scopedQueriesUnderRLSAndWithout() throws {
        for asReader in [true, false] {
            #expect(try run("Project | sort name | select name", tenant: "acme", asReader: asReader) == [["A-apollo"], ["A-atlas"]])
            #expect(try run("Project | count", tenant: "globex", asReader: asReader) == [["1"]])
            #expect(try run("Project | count", tenant: "3", asReader: asReader) == [["3"]])
            #expect(try run("Project | where id == 4 | select name", tenant: "3", asReader: asReader) == [["C-comet"]])
            // Through the Int-keyed link table: A's project 1 shows A's tags only, not B's tag 3.
            #expect(try run("Project | sort id | select name, n: count(tags), t: max(tags.label)", tenant: "acme", asReader: asReader)
                    == [["A-apollo", "2", "A-red"], ["A-atlas", "1", "A-red"]])
            #expect(try run("Tag | sort label | select label, p: count(projects)", tenant: "globex", asReader: asReader) == [["B-red", "1"]])
            // The self-relation: each direction as Prisma reads it, the other team's project hidden.
            #expect(try run("Project | sort id | select name, d: max(dependsOn.name), b: max(blocks.name), n: count(dependsOn)", tenant: "acme", asReader: asReader)
                    == [["A-apollo", nil, "A-atlas", "0"], ["A-atlas", "A-apollo", nil, "1"]])
            #expect(try run("Project | where any(blocks) | select name", tenant: "3", asReader: asReader) == [["C-comet"]])
        }
    }

    /// RLS itself: inside the scope the setting is the team's id, and the policies (which cast it
    /// to int) hold the reader to the team's rows even for SQL lql did not write.
    @Test func rowLevelSecurityReadsTheSetting() throws {
        let s = try Self.server.get()
        let reader = try Connection(s.readerURL)
        let (setting, rows) = try Self.scope.withTenant("globex", on: reader) { tx in
            (try tx.connection.execute("SELECT current_setting('app.current_team_id')").scalar,
             try tx.connection.execute("SELECT name FROM projects ORDER BY name").rows)
        }
        #expect(setting == "2")
        #expect(rows == [["B-borealis"]])
        #expect(try reader.execute("SELECT count(*) FROM projects").scalar == "0", "outside a scope: nothing")
    }

    /// The binary with the lql.toml: `--tenant` by slug and by id, exit 4 for an unknown team.
    @Test func theBinaryRunsScopedQueries() throws {
        let s = try Self.server.get()
        let base = ["--config", s.directory + "/lql.toml", "--db", s.readerURL, "--format", "csv"]
        let bySlug = try runLQL(["-e", "Project | sort name | select name"] + base + ["--tenant", "acme"])
        #expect(bySlug.status == 0, "\(bySlug.err)")
        #expect(bySlug.out == "name\nA-apollo\nA-atlas\n", "\(bySlug.out)")
        let byID = try runLQL(["-e", "Project | count"] + base + ["--tenant", "3"])
        #expect(byID.status == 0 && byID.out == "count\n3\n", "\(byID.out) \(byID.err)")
        let unknown = try runLQL(["-e", "Project | count"] + base + ["--tenant", "42"])
        #expect(unknown.status == 4, "\(unknown.err)")
    }
}
