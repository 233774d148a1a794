import Foundation
import LQL
import LQLCluster
import LQLDoctor
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// Configured tenancy against a real server with NO row-level security, so lql's predicates
/// are the only wall: the root is `Organization` with uuid ids, `Project` keyed by `org_id`,
/// `Member` by `organization_id`, `AuditEvent` by an `org_id` with no declared relation, `Task`
/// scoped through `project`, `Comment` through `task.project`, `Country` shared. Every text value
/// a tenant's row holds starts with the tenant's letter (`A…`/`B…`), and some links cross
/// tenants on purpose (an A project whose lead is a B member, a B task on an A project), so a
/// leak shows up as a value of the other letter.
@Suite(.serialized) struct ConfiguredTenancyClusterTests {
    static let schema = """
    datasource db {
      provider = "postgresql"
      url      = env("DATABASE_URL")
    }
    model Organization {
      id       String    @id @db.Uuid
      slug     String    @unique
      name     String
      projects Project[]
      members  Member[]
    }
    model Project {
      id     String       @id
      name   String
      orgId  String       @map("org_id") @db.Uuid
      org    Organization @relation(fields: [orgId], references: [id])
      leadId String?      @map("lead_id")
      lead   Member?      @relation(fields: [leadId], references: [id])
      tasks  Task[]
    }
    model Member {
      id             String       @id
      email          String
      organizationId String       @map("organization_id") @db.Uuid
      organization   Organization @relation(fields: [organizationId], references: [id])
      leads          Project[]
    }
    model Task {
      id        String    @id
      title     String
      projectId String    @map("project_id")
      project   Project   @relation(fields: [projectId], references: [id])
      comments  Comment[]
    }
    model Comment {
      id     String @id
      body   String
      taskId String @map("task_id")
      task   Task   @relation(fields: [taskId], references: [id])
      ref    String? @db.Uuid
    }
    model AuditEvent {
      id        String   @id
      orgId     String   @map("org_id") @db.Uuid
      action    String
      createdAt DateTime @default(now()) @map("created_at")
      @@map("audit_events")
    }
    model Country {
      id   String @id
      code String
    }
    """

    static let configuration = TenancyConfiguration(style: .rls, model: "Organization", key: "orgId", lookup: ["slug", "id"],
                                                    setting: .absent, through: ["Task": "project", "Comment": "task.project"],
                                                    shared: ["Country"])

    static let orgA = "0a000000-0000-4000-8000-00000000000a"
    static let orgB = "0b000000-0000-4000-8000-00000000000b"

    static let ddl = [
        #"CREATE TABLE "Organization" (id uuid PRIMARY KEY, slug text UNIQUE NOT NULL, name text NOT NULL)"#,
        #"CREATE TABLE "Member" (id text PRIMARY KEY, email text NOT NULL, organization_id uuid NOT NULL REFERENCES "Organization")"#,
        #"CREATE TABLE "Project" (id text PRIMARY KEY, name text NOT NULL, org_id uuid NOT NULL REFERENCES "Organization", lead_id text REFERENCES "Member")"#,
        #"CREATE TABLE "Task" (id text PRIMARY KEY, title text NOT NULL, project_id text NOT NULL REFERENCES "Project")"#,
        #"CREATE TABLE "Comment" (id text PRIMARY KEY, body text NOT NULL, task_id text NOT NULL REFERENCES "Task", ref uuid)"#,
        // Prisma's default DateTime: timestamp(3) without time zone.
        #"CREATE TABLE audit_events (id text PRIMARY KEY, org_id uuid NOT NULL, action text NOT NULL, created_at timestamp(3) NOT NULL DEFAULT now())"#,
        #"CREATE TABLE "Country" (id text PRIMARY KEY, code text NOT NULL)"#,
        "INSERT INTO \"Organization\" VALUES ('\(orgA)', 'alpha', 'A Org'), ('\(orgB)', 'beta', 'B Org')",
        "INSERT INTO \"Member\" VALUES ('m1', 'A-ann@a', '\(orgA)'), ('m2', 'A-al@a', '\(orgA)'), ('m3', 'B-bob@b', '\(orgB)')",
        // p2 (A) is led by a B member: the join must not show B's email.
        "INSERT INTO \"Project\" VALUES ('p1', 'A-apollo', '\(orgA)', 'm1'), ('p2', 'A-atlas', '\(orgA)', 'm3'), ('p3', 'B-borealis', '\(orgB)', 'm3'), ('p4', 'B-bravo', '\(orgB)', NULL)",
        // Task titles follow their project's tenant (a task belongs to its project's organization).
        "INSERT INTO \"Task\" VALUES ('t1', 'A-plan', 'p1'), ('t2', 'A-build', 'p1'), ('t3', 'A-ship', 'p2'), ('t4', 'B-draft', 'p3'), ('t5', 'B-review', 'p4')",
        "INSERT INTO \"Comment\" VALUES ('c1', 'A-looks good', 't1'), ('c2', 'A-lgtm', 't3'), ('c3', 'B-nope', 't4'), ('c4', 'B-ok', 't5'), ('c5', 'B-again', 't5')",
        "UPDATE \"Comment\" SET ref = ('0c000000-0000-4000-8000-00000000000' || substr(id, 2))::uuid",
        "INSERT INTO audit_events VALUES ('e1', '\(orgA)', 'A-login'), ('e2', '\(orgB)', 'B-login'), ('e3', '\(orgB)', 'B-export')",
        "CREATE ROLE org_reader LOGIN",
        #"GRANT SELECT ON "Organization", "Member", "Project", "Task", "Comment", audit_events, "Country" TO org_reader"#,
        "INSERT INTO \"Country\" VALUES ('de', 'DE'), ('fr', 'FR')",
    ]

    final class Server: Sendable {
        let cluster: LocalCluster
        let url: String
        init() throws {
            cluster = try ThrowawayClusters.make(prefix: "lql-orgs-")
            atexit { if case .success(let s) = ConfiguredTenancyClusterTests.server { s.cluster.destroy() } }
            try cluster.initialize()
            try cluster.start()
            url = cluster.url()
            let db = try Connection(url)
            for s in ConfiguredTenancyClusterTests.ddl { try db.execute(s) }
        }
    }
    static let server: Result<Server, any Error> = Result { try Server() }

    static let catalog: Catalog = {
        let result = PrismaSchemaReader.read(SourceFile(name: "schema.prisma", text: schema), configuration: configuration)
        guard let c = result.catalog else { fatalError("\(result.diagnostics.map(\.message))") }
        return c
    }()

    static func run(_ query: String, tenant: String) throws -> [[String?]] {
        let server = try Self.server.get()
        let result = LQLCompiler.compile(source: SourceFile(name: "q.lql", text: query), catalog: catalog)
        let statement = try #require(result.program?.statements.first, "\(query): \(result.diagnostics.map(\.message))").sql
        guard case .rowLevel(let r) = catalog.tenancy else { throw CancellationError() }
        let scope = TenantScope(strategy: .rowLevel(r, catalog: catalog))
        let db = try Connection(server.url)
        return try scope.withTenant(tenant, on: db) { tx in try tx.execute(statement).rows }
    }

    static let letters = ["alpha": "A", "beta": "B", orgA: "A", orgB: "B"]

    @Test func eachModelReturnsOnlyItsTenantsRowsThroughItsOwnKeyColumn() throws {
        #expect(try Self.run("Project | sort name | select name", tenant: "alpha") == [["A-apollo"], ["A-atlas"]])
        #expect(try Self.run("Member | sort email | select email", tenant: "alpha") == [["A-al@a"], ["A-ann@a"]])
        #expect(try Self.run("AuditEvent | sort action | select action", tenant: "beta") == [["B-export"], ["B-login"]])
        // The lookup matched the uuid id as text, and $1 was bound as uuid (no `uuid = text`).
        #expect(try Self.run("Project | count", tenant: Self.orgB) == [["2"]])
        // A's project led by B's member: the related record is invisible, not leaked.
        #expect(try Self.run("Project | sort name | select name, who: lead.email", tenant: "alpha")
                == [["A-apollo", "A-ann@a"], ["A-atlas", nil]])
    }

    /// Native types in binds: a value compared with a `@db.Uuid` column is bound as uuid (without
    /// it the server refuses `uuid = text`), in lists too, and `~` searches the uuid's text.
    @Test func uuidColumnsCompareWithUuidBinds() throws {
        let c1 = "0c000000-0000-4000-8000-000000000001", c3 = "0c000000-0000-4000-8000-000000000003"
        #expect(try Self.run("Comment | where ref == \"\(c1)\" | select body", tenant: "alpha") == [["A-looks good"]])
        #expect(try Self.run("Comment | where ref != \"\(c1)\" | count", tenant: "alpha") == [["1"]])
        #expect(try Self.run("Comment | where ref in [\"\(c1)\", \"\(c3)\"] | sort body | select body", tenant: "beta") == [["B-nope"]])
        #expect(try Self.run("Comment | where ref ~ \"00000000000\" | count", tenant: "beta") == [["3"]])
        // Another tenant's row is not found by its value: the tenant's own predicate still holds.
        #expect(try Self.run("Comment | where ref == \"\(c3)\" | count", tenant: "alpha") == [["0"]])
    }

    @Test func throughScopedAndSharedModels() throws {
        #expect(try Self.run("Task | sort title | select title", tenant: "alpha") == [["A-build"], ["A-plan"], ["A-ship"]])
        #expect(try Self.run("Comment | sort body | select body", tenant: "beta") == [["B-again"], ["B-nope"], ["B-ok"]])
        #expect(try Self.run("Project | sort name | select name, n: count(tasks)", tenant: "beta") == [["B-borealis", "1"], ["B-bravo", "1"]])
        #expect(try Self.run("Country | count", tenant: "alpha") == [["2"]])
    }

    @Test func anUnknownTenantNamesCloseSlugs() throws {
        #expect(throws: TenantError.unknown(given: "alpah", similar: ["alpha"])) { try Self.run("Project | count", tenant: "alpah") }
    }

    /// The SQL audit, given each table's own scope, accepts what lql writes for this catalog and
    /// catches a statement missing one model's predicate.
    @Test func theSQLAuditChecksPerModelKeysAndPaths() throws {
        guard Security.hasPglast else { return }
        let scopes = Security.auditScopes(Self.catalog)
        var items: [Security.AuditItem] = []
        for (i, q) in ["Project | select name, who: lead.email", "Member | select email, n: count(leads)", "AuditEvent | count",
                       "Task | select title, p: project.name", "Comment | select b: body, t: task.title, n: count(task.comments)",
                       "Project | select name, n: count(tasks), c: max(tasks.comments.body)"].enumerated() {
            let result = LQLCompiler.compile(source: SourceFile(name: "q", text: q), catalog: Self.catalog)
            let s = try #require(result.program?.statements.first, "\(q): \(result.diagnostics.map(\.message))").sql
            items.append(Security.AuditItem(name: "q\(i)", sql: s.text, binds: s.binds.count, canaries: [], scopes: scopes))
        }
        let clean = try Security.audit(items)
        #expect(clean.status == 0, "\(clean.output)")
        // Member's key is organization_id: org_id (Project's) on it is not its predicate.
        let wrongColumn = Security.AuditItem(name: "bad", sql: "SELECT count(*) FROM \"Member\" AS t WHERE t.\"org_id\" = $1",
                                             binds: 1, canaries: [], scopes: scopes)
        let throughless = Security.AuditItem(name: "bad2", sql: "SELECT count(*) FROM \"Task\" AS t WHERE $1::uuid IS NOT NULL",
                                             binds: 1, canaries: [], scopes: scopes)
        let bad = try Security.audit([wrongColumn, throughless])
        #expect(bad.status == 1)
        #expect(bad.output.contains("bad: table 'Member' AS t has no `t.organization_id = $1`"), "\(bad.output)")
        #expect(bad.output.contains("bad2: table 'Task' AS t is scoped through a path"), "\(bad.output)")
    }

    /// Random queries over every scoped model and path never return the other tenant's values.
    @Test(arguments: [1, 2, 3, 4]) func randomQueriesNeverCrossTenants(seed: UInt64) throws {
        var rng = SplitMix(seed: seed)
        let sources: [(model: String, paths: [String])] = [
            ("Project", ["name", "lead.email", "max(tasks.title)", "min(tasks.title)"]),
            ("Member", ["email", "max(leads.name)", "min(leads.tasks.title)"]),
            ("Task", ["title", "project.name", "project.lead.email", "max(comments.body)"]),
            ("Comment", ["body", "task.title", "task.project.name", "task.project.lead.email"]),
            ("AuditEvent", ["action"]),
        ]
        let filters = ["", " | where true", " | take 2", " | sort 1 desc"]
        for _ in 0..<30 {
            let source = sources[Int(rng.next() % UInt64(sources.count))]
            var items: [String] = []
            for i in 0..<(1 + Int(rng.next() % 3)) {
                items.append("v\(i): " + source.paths[Int(rng.next() % UInt64(source.paths.count))])
            }
            let filter = filters[Int(rng.next() % UInt64(filters.count))]
            let query = filter == " | sort 1 desc"
                ? "\(source.model) | select \(items.joined(separator: ", ")) | sort v0 desc"
                : "\(source.model)\(filter) | select \(items.joined(separator: ", "))"
            for tenant in ["alpha", "beta"] {
                let letter = Self.letters[tenant]!
                for row in try Self.run(query, tenant: tenant) {
                    for value in row {
                        guard let value else { continue }
                        #expect(value.hasPrefix(letter + "-"), "\(tenant): `\(query)` returned \(value)")
                    }
                }
            }
        }
    }
}

/// `lql doctor` with this configuration: no RLS is a warning with the policies it would need,
/// Prisma's naive DateTime is a note, and the proposed SQL, applied, isolates a plain reader;
/// then, with the setting configured, the RLS checks pass on every table by its own key.
extension ConfiguredTenancyClusterTests {
    @Test func doctorWithoutRLSProposesPoliciesThatWork() throws {
        let server = try Self.server.get()
        let db = try Connection(server.url)
        let doctor = Doctor(catalog: Self.catalog)
        let findings = try doctor.examine(db)
        #expect(findings.contains { $0.code == "no-row-level-security" && $0.severity == .warning })
        #expect(!findings.contains { $0.code.hasPrefix("rls-") }, "\(findings)")
        #expect(!findings.contains { $0.code == "column-type-mismatch" }, "\(findings)")
        #expect(findings.contains { $0.code == "datetime-without-time-zone" && $0.severity == .note && $0.subject == "audit_events.created_at" })
        let sql = try #require(doctor.proposedPolicies)
        #expect(sql.contains(#"CREATE POLICY tenant_isolation ON "Member" FOR SELECT USING ("Member"."organization_id" = NULLIF(current_setting('app.current_organization_id', true), '')::uuid);"#), "\(sql)")
        #expect(sql.contains(#"ON "Comment" FOR SELECT USING (EXISTS (SELECT 1 FROM "Task" AS h1 WHERE h1."id" = "Comment"."task_id" AND EXISTS (SELECT 1 FROM "Project" AS h2 WHERE h2."id" = h1."project_id" AND h2."org_id" = NULLIF("#), "\(sql)")
        #expect(!sql.contains(#"ON "Country""#))

        // Applied, the policies keep a plain reader to one organization.
        for statement in sql.split(separator: ";").map({ $0.split(separator: "\n").filter { !$0.hasPrefix("--") }.joined(separator: "\n") })
            where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try db.execute(String(statement))
        }
        let reader = try Connection(server.cluster.url(user: "org_reader", database: "postgres"))
        func count(_ table: String, _ org: String) throws -> String? {
            try reader.execute("BEGIN")
            defer { _ = try? reader.execute("ROLLBACK") }
            try reader.execute("SELECT set_config('app.current_organization_id', $1, true)", [org])
            return try reader.execute("SELECT count(*) FROM \(table)")[0, 0]
        }
        #expect(try count(#""Comment""#, Self.orgB) == "3")
        #expect(try count(#""Task""#, Self.orgA) == "3")
        #expect(try count(#""Member""#, Self.orgA) == "2")
        #expect(try count("audit_events", Self.orgB) == "2")
        #expect(try count(#""Project""#, "") == "0")

        // With the setting configured, every scoped table passes the RLS checks by its own key.
        var configured = Self.configuration
        configured.setting = .name("app.current_organization_id")
        let catalog = try #require(PrismaSchemaReader.read(SourceFile(name: "s", text: Self.schema), configuration: configured).catalog)
        let after = try Doctor(catalog: catalog).examine(db)
        #expect(!after.contains { $0.code.hasPrefix("rls-") || $0.code.hasPrefix("policy-") || $0.code == "no-row-level-security" }, "\(after)")
        #expect(!after.contains { $0.code == "tenant-column-allows-empty" }, "uuid keys cannot be ''")
    }
}

/// A small deterministic generator (the suite's cases must repeat exactly).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
