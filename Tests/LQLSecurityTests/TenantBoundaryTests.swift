import Foundation
import LQL
import LQLCluster
import LQLDoctor
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// Issue 18's tenant-boundary holes, each against a scratch cluster this suite makes for itself:
/// a second relation into the root (`Note.partnerTenant`), an ambiguous `--tenant` (one tenant's
/// slug is another's id), the row-level scope's `search_path` and `standard_conforming_strings`,
/// `lql doctor`'s lookup warning, and "did you mean" outside the prompt. There is no RLS here:
/// lql's predicates are the only wall, and every text value a tenant's row holds starts with the
/// tenant's letter (`A-…`), so a leak shows up as another letter.
@Suite(.serialized) struct TenantBoundaryTests {
    /// `Note` comes first and declares `partnerTenant` before `tenant`: the detector must still
    /// take `tenantId` as its key (it once took the first relation into the root).
    static let schema = """
    datasource db {
      provider = "postgresql"
      url      = env("DATABASE_URL")
    }
    model Note {
      id              String    @id
      body            String
      partnerTenantId String?   @map("partner_tenant_id")
      partnerTenant   Tenant?   @relation("NotePartner", fields: [partnerTenantId], references: [id])
      tenantId        String    @map("tenant_id")
      tenant          Tenant    @relation("NoteTenant", fields: [tenantId], references: [id])
      customerId      String?   @map("customer_id")
      customer        Customer? @relation(fields: [customerId], references: [id])
      @@map("notes")
    }
    model Tenant {
      id           String     @id
      slug         String     @unique
      name         String
      customers    Customer[]
      notes        Note[]     @relation("NoteTenant")
      partnerNotes Note[]     @relation("NotePartner")
      orders       Order[]
      @@map("tenants")
    }
    model Customer {
      id       String  @id
      name     String
      score    Int
      tenantId String  @map("tenant_id")
      tenant   Tenant  @relation(fields: [tenantId], references: [id])
      notes    Note[]
      orders   Order[]
      @@map("customers")
    }
    model Order {
      id         String   @id
      ref        String
      total      Int
      tenantId   String   @map("tenant_id")
      tenant     Tenant   @relation(fields: [tenantId], references: [id])
      customerId String   @map("customer_id")
      customer   Customer @relation(fields: [customerId], references: [id])
      @@map("orders")
    }
    """

    /// Tenants by id: letter, slug. `t-gamma`'s slug is alpha's id; the others' slugs carry
    /// quotes, a backslash, SQL and unicode.
    static let tenants: [(id: String, letter: String, slug: String)] = [
        ("t-alpha", "A", "alpha"), ("t-beta", "B", "beta"), ("t-gamma", "G", "t-alpha"),
        ("t-quote", "Q", #"o'brien "q" \ ; DROP TABLE orders; --"#), ("t-uni", "U", "ünï-cødé-\u{202E}x"),
    ]

    static func ddl() -> [String] {
        var out = [
            #"CREATE TABLE tenants (id text PRIMARY KEY, slug text UNIQUE NOT NULL, name text NOT NULL)"#,
            #"CREATE TABLE customers (id text PRIMARY KEY, name text NOT NULL, score int NOT NULL, tenant_id text NOT NULL REFERENCES tenants)"#,
            #"CREATE TABLE notes (id text PRIMARY KEY, body text NOT NULL, partner_tenant_id text REFERENCES tenants, tenant_id text NOT NULL REFERENCES tenants, customer_id text REFERENCES customers)"#,
            #"CREATE TABLE orders (id text PRIMARY KEY, ref text NOT NULL, total int NOT NULL, tenant_id text NOT NULL REFERENCES tenants, customer_id text NOT NULL REFERENCES customers)"#,
        ]
        for t in tenants { out.append("INSERT INTO tenants VALUES (\(literal(t.id)), \(literal(t.slug)), '\(t.letter)-name')") }
        for (i, t) in tenants.enumerated() {
            let l = t.letter, other = tenants[(i + 1) % tenants.count].id
            for c in 1...3 {
                out.append("INSERT INTO customers VALUES ('\(l)-c\(c)', '\(l)-cust \(c) 50%_off\\', \(c * 10 + i), '\(t.id)')")
                out.append("INSERT INTO orders VALUES ('\(l)-o\(c)', '\(l)-ref\\\(c)%_', \(c * 100 + i), '\(t.id)', '\(l)-c\(c)')")
            }
            // Each tenant's notes: one with another tenant as partner, one with none.
            out.append("INSERT INTO notes VALUES ('\(l)-n1', '\(l)-note one', '\(other)', '\(t.id)', '\(l)-c1')")
            out.append("INSERT INTO notes VALUES ('\(l)-n2', '\(l)-note two', NULL, '\(t.id)', NULL)")
        }
        out += [
            // Shadows: a schema a role's search_path puts first, with a `tenants` that maps
            // alpha's slug to beta's id, and `orders` of its own.
            "CREATE SCHEMA shadow",
            "CREATE TABLE shadow.tenants (id text PRIMARY KEY, slug text NOT NULL, name text NOT NULL)",
            "INSERT INTO shadow.tenants VALUES ('t-beta', 'alpha', 'S-fake')",
            "CREATE TABLE shadow.orders (LIKE orders)",
            "INSERT INTO shadow.orders SELECT 'S-' || id, 'S-shadow', 1, tenant_id, customer_id FROM orders",
            "CREATE ROLE boundary_reader LOGIN",
            "GRANT USAGE ON SCHEMA shadow TO boundary_reader",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public, shadow TO boundary_reader",
            "ALTER ROLE boundary_reader SET search_path = shadow, public",
            "ALTER ROLE boundary_reader SET standard_conforming_strings = off",
            "ALTER ROLE boundary_reader SET escape_string_warning = off",
        ]
        return out
    }

    static func literal(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

    final class Server: Sendable {
        let cluster: LocalCluster
        let ownerURL: String
        let readerURL: String
        let schemaPath: String
        init() throws {
            cluster = try ThrowawayClusters.make(prefix: "lql-boundary-")
            atexit { if case .success(let s) = TenantBoundaryTests.server { s.cluster.destroy() } }
            try cluster.initialize()
            try cluster.start()
            ownerURL = cluster.url()
            readerURL = cluster.url(user: "boundary_reader")
            let db = try Connection(ownerURL)
            for s in TenantBoundaryTests.ddl() { try db.execute(s) }
            let dir = ThrowawayClusters.root(of: cluster) + "/project"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            schemaPath = dir + "/schema.prisma"
            try TenantBoundaryTests.schema.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        }
    }
    static let server: Result<Server, any Error> = Result { try Server() }

    static let catalog: Catalog = {
        let result = PrismaSchemaReader.read(SourceFile(name: "schema.prisma", text: schema))
        guard let c = result.catalog else { fatalError("\(result.diagnostics.map(\.message))") }
        return c
    }()

    static func compile(_ query: String, catalog: Catalog = catalog) -> CompileResult {
        LQLCompiler.compile(source: SourceFile(name: "q.lql", text: query), catalog: catalog)
    }

    static func scope(_ catalog: Catalog = catalog) -> TenantScope {
        guard case .rowLevel(let r) = catalog.tenancy else { fatalError("not row-level") }
        return TenantScope(strategy: .rowLevel(r, catalog: catalog))
    }

    static func run(_ query: String, tenant: String, url: String? = nil) throws -> [[String?]] {
        let server = try server.get()
        let result = compile(query)
        let statement = try #require(result.program?.statements.last, "\(query): \(result.diagnostics.map(\.message))").sql
        let db = try Connection(url ?? server.ownerURL)
        return try scope().withTenant(tenant, on: db) { tx in try tx.execute(statement).rows }
    }

    // MARK: Item 1: every path into the root is refused

    /// Every clause that can hold a path, through `partnerTenant`, many hops that end at the
    /// root, and to-many back out of it.
    static let pathsIntoTheRoot = [
        "Note | select p: partnerTenant.slug, n: partnerTenant.name",
        "Note | select partnerTenant { slug }",
        "Note | select partnerTenant",
        "Note | where partnerTenant.slug == \"beta\" | count",
        "Note | where partnerTenant.name ~ \"B\" | select body",
        "Note | sort partnerTenant.slug | select body",
        "Note | group by partnerTenant.slug aggregate n: count()",
        "Note | group by s: partnerTenant.name aggregate n: count()",
        "Note | aggregate n: count_distinct(partnerTenant.slug)",
        "Note | derive s: partnerTenant.slug | select s",
        "Note | derive w: row_number() over (by partnerTenant.slug sort id) | select w",
        "Note | derive w: count() over (by partnerTenant.id) | select w",
        "Note | where partnerTenant is null | count",
        "Note | where partnerTenant.id == \"t-beta\" | count",
        "Customer | select n: count(notes where partnerTenant.slug == \"beta\")",
        "Customer | select m: max(notes.partnerTenant.slug)",
        "Customer | where any(notes where partnerTenant.name ~ \"B\") | count",
        "Customer | where all(notes where partnerTenant.slug != \"x\") | count",
        "Customer | select notes { body, partnerTenant.slug }",
        "Customer | select notes { body, p: partnerTenant { name } }",
        "Order | select s: customer.notes.partnerTenant.slug",
        "Order | select m: max(customer.notes.partnerTenant.name)",
        "Note | select k: count(partnerTenant.customers)",
        "Note | select k: count(partnerTenant.partnerNotes)",
        "Note | where any(partnerTenant.orders where total > 0) | count",
        "Note | select o: partnerTenant.orders { ref }",
        "let n = Note | where true\nn | select p: partnerTenant.slug",
        "let n = Note | derive s: body\nlet m = n | where s != \"\"\nm | sort partnerTenant.name | select s",
        "Customer | where id in (Note | where partnerTenant.slug == \"beta\" | select customerId) | count",
        "Note | select customer.notes { partnerTenant.name }",
    ]

    @Test func everyPathIntoTheRootIsRefusedInEveryClause() throws {
        for query in Self.pathsIntoTheRoot {
            let result = Self.compile(query)
            #expect(result.program == nil || result.hasErrors, "compiled: \(query)")
            let codes = result.diagnostics.map(\.code.code)
            #expect(codes.contains("E0229") || codes.contains("E0216"), "\(query): \(result.diagnostics.map { "\($0.code.code) \($0.message)" })")
            #expect(!result.diagnostics.contains { $0.code.code == "E0229" && !$0.message.contains("Tenant") },
                    "\(query): \(result.diagnostics.map(\.message))")
        }
        // The diagnostic names the relation and the root, with its span on the relation.
        let one = Self.compile("Note | select p: partnerTenant.slug")
        let d = try #require(one.diagnostics.first { $0.code.code == "E0229" })
        #expect(d.message == "lql refuses to follow `Note.partnerTenant`: it leads to `Tenant`, which holds the tenants themselves", "\(d.message)")
        #expect(d.hints.contains { $0.contains("partnerTenantId") }, "\(d.hints)")
        // `lql schema Note` lists it as hidden, not as a relation to follow.
        let note = CatalogDescription.model(try #require(Self.catalog.model(named: "Note")), in: Self.catalog)
        let hidden = try #require(note.components(separatedBy: "Hidden (refused in queries)").last)
        #expect(hidden.contains("partnerTenant") && hidden.contains("leads to the tenancy root"), "\(note)")
        #expect(!(note.components(separatedBy: "Hidden").first ?? "").contains("partnerTenant "), "\(note)")
    }

    /// The same under configured tenancy (lql.toml names the root) with another root's name.
    @Test func configuredRootIsRefusedWhateverTheRelationIsCalled() throws {
        let text = """
        datasource db {
          provider = "postgresql"
          url      = env("DATABASE_URL")
        }
        model Workspace {
          id       String    @id @db.Uuid
          handle   String    @unique
          projects Project[] @relation("Owner")
          sponsored Project[] @relation("Sponsor")
        }
        model Project {
          id          String     @id
          name        String
          sponsorId   String?    @map("sponsor_id") @db.Uuid
          sponsor     Workspace? @relation("Sponsor", fields: [sponsorId], references: [id])
          workspaceId String     @map("workspace_id") @db.Uuid
          workspace   Workspace  @relation("Owner", fields: [workspaceId], references: [id])
          tasks       Task[]
        }
        model Task {
          id        String  @id
          projectId String  @map("project_id")
          project   Project @relation(fields: [projectId], references: [id])
        }
        """
        let configuration = TenancyConfiguration(style: .rls, model: "Workspace", key: "workspaceId", lookup: ["handle", "id"],
                                                 setting: .absent, through: ["Task": "project"])
        let catalog = try #require(PrismaSchemaReader.read(SourceFile(name: "s", text: text), configuration: configuration).catalog)
        for query in ["Project | select s: sponsor.handle", "Task | select s: project.sponsor.handle",
                      "Task | where project.sponsor.id != \"x\" | count", "Project | select n: count(sponsor.projects)",
                      "Project | group by sponsor.handle aggregate n: count()"] {
            let result = Self.compile(query, catalog: catalog)
            #expect(result.diagnostics.contains { $0.code.code == "E0229" && $0.message.contains("`Workspace`") },
                    "\(query): \(result.diagnostics.map(\.message))")
        }
        #expect(!Self.compile("Project | select name, sponsorId", catalog: catalog).hasErrors)
    }

    /// Against the server: the note's own key is readable, and notes are scoped by `tenantId`
    /// (not by `partnerTenantId`, which the detector once took for the key).
    @Test func notesAreScopedByTheirOwnTenantNotThePartner() throws {
        guard case .key(let field, let column) = Self.catalog.scopeRule(of: try #require(Self.catalog.model(named: "Note"))) else {
            Issue.record("Note is not key-scoped"); return
        }
        #expect(field == "tenantId" && column == "tenant_id")
        let rows = try Self.run("Note | sort id | select id, body, partnerTenantId", tenant: "alpha")
        #expect(rows == [["A-n1", "A-note one", "t-beta"], ["A-n2", "A-note two", nil]])
    }

    // MARK: Item 2: an ambiguous --tenant is refused

    @Test func aValueNamingTwoTenantsIsRefusedWhateverTheRowOrder() throws {
        let server = try Self.server.get()
        let owner = try Connection(server.ownerURL)
        let alpha = Tenant(id: "t-alpha", slug: "alpha"), gamma = Tenant(id: "t-gamma", slug: "t-alpha")
        for flip in 0..<3 {
            // An UPDATE moves the row: the physical order changes, the answer must not.
            try owner.execute("UPDATE tenants SET name = name WHERE id = $1", [flip % 2 == 0 ? "t-alpha" : "t-gamma"])
            for scope in [TenantScope(), Self.scope()] {
                let error = #expect(throws: TenantError.self) { try scope.resolve("t-alpha", on: owner) }
                #expect(error == .ambiguous(given: "t-alpha", matches: [alpha, gamma]), "\(String(describing: error))")
            }
        }
        // A configured lookup (its own statement, key first) refuses it too.
        var configuration = TenancyConfiguration(style: .rls, model: "Tenant", key: "tenantId", lookup: ["id", "slug"], setting: .absent)
        configuration.sourceName = "lql.toml"
        let configured = try #require(PrismaSchemaReader.read(SourceFile(name: "s", text: Self.schema), configuration: configuration).catalog)
        let error = #expect(throws: TenantError.self) { try Self.scope(configured).resolve("t-alpha", on: owner) }
        #expect(error == .ambiguous(given: "t-alpha", matches: [alpha, gamma]))
        // Each is still reachable by a value only it has.
        #expect(try TenantScope().resolve("alpha", on: owner) == alpha)
        #expect(try TenantScope().resolve("t-gamma", on: owner) == gamma)
        #expect(try Self.run("Order | count", tenant: "t-gamma") == [["3"]])
        for t in Self.tenants where t.slug != "t-alpha" {
            #expect(try TenantScope().resolve(t.slug, on: owner).id == t.id, "\(t.slug)")
        }
    }

    @Test func theBinaryExitsFourNamingBothMatches() throws {
        let server = try Self.server.get()
        let r = try runLQL(["run", "-e", "Order | count", "--tenant", "t-alpha", "--db", server.ownerURL, "--schema", server.schemaPath])
        #expect(r.status == 4, "\(r.out)\(r.err)")
        #expect(r.out.isEmpty)
        #expect(r.err.contains("`t-alpha` matches 2 tenants (id `t-alpha` slug `alpha`; id `t-gamma` slug `t-alpha`)"), "\(r.err)")
    }

    /// A uuid-keyed configured root: the lookup compares as text, the refusal is the same.
    @Test func aUuidKeyedRootRefusesAnAmbiguousValue() throws {
        let server = try Self.server.get()
        let db = try Self.scratchDatabase("lookup_uuid")
        let a = "0a000000-0000-4000-8000-00000000000a", b = "0b000000-0000-4000-8000-00000000000b"
        try db.execute("CREATE TABLE orgs (id uuid PRIMARY KEY, handle text UNIQUE NOT NULL)")
        try db.execute("INSERT INTO orgs VALUES ('\(a)', 'acme'), ('\(b)', '\(a)')")
        let text = """
        datasource db {
          provider = "postgresql"
          url      = env("DATABASE_URL")
        }
        model Org {
          id       String    @id @db.Uuid
          handle   String    @unique
          projects Project[]
          @@map("orgs")
        }
        model Project {
          id    String @id
          orgId String @map("org_id") @db.Uuid
          org   Org    @relation(fields: [orgId], references: [id])
        }
        """
        let configuration = TenancyConfiguration(style: .rls, model: "Org", key: "orgId", lookup: ["handle", "id"], setting: .absent)
        let catalog = try #require(PrismaSchemaReader.read(SourceFile(name: "s", text: text), configuration: configuration).catalog)
        let error = #expect(throws: TenantError.self) { try Self.scope(catalog).resolve(a, on: db) }
        #expect(error == .ambiguous(given: a, matches: [Tenant(id: a, slug: "acme"), Tenant(id: b, slug: a)]), "\(String(describing: error))")
        #expect(try Self.scope(catalog).resolve("acme", on: db).id == a)
        _ = server
    }

    // MARK: Item 2: lql doctor warns when slugs are not constrained

    @Test func doctorWarnsWhenSlugsMayLookLikeIdsAndItsSQLFixesIt() throws {
        let db = try Self.scratchDatabase("lookup_doctor")
        for s in Self.ddl().prefix(4) { try db.execute(s) }
        try db.execute("INSERT INTO tenants VALUES ('t-1', 'one', 'One'), ('t-2', 't-1', 'Two')")
        let findings = try Doctor(catalog: Self.catalog).examine(db)
        let unconstrained = try #require(findings.first { $0.code == "tenant-lookup-unconstrained" }, "\(findings)")
        #expect(unconstrained.severity == .warning && unconstrained.subject == "tenants.slug")
        #expect(unconstrained.message.contains(#"ALTER TABLE "public"."tenants" ADD CONSTRAINT "tenants_slug_not_an_id" CHECK ("slug" !~ '<a pattern every id matches>');"#),
                "\(unconstrained.message)")
        let ambiguous = try #require(findings.first { $0.code == "tenant-lookup-ambiguous" }, "\(findings)")
        #expect(ambiguous.message.contains("`t-1` is the slug of id `t-2` and the id of id `t-1`"), "\(ambiguous.message)")

        // A uuid key gets a pattern it can apply as printed; then the warning is gone and a
        // slug shaped like an id cannot be written.
        try db.execute("DROP TABLE notes, orders, customers, tenants")
        try db.execute("CREATE TABLE tenants (id text PRIMARY KEY, slug text UNIQUE NOT NULL, name text NOT NULL)")
        try db.execute("INSERT INTO tenants VALUES ('0a000000-0000-4000-8000-00000000000a', 'one', 'One')")
        let uuidSchema = Self.schema.replacingOccurrences(of: "model Tenant {\n  id           String     @id", with: "model Tenant {\n  id           String     @id @default(uuid())")
        let uuidCatalog = try #require(PrismaSchemaReader.read(SourceFile(name: "s", text: uuidSchema)).catalog)
        let before = try Doctor(catalog: uuidCatalog).examine(db).first { $0.code == "tenant-lookup-unconstrained" }
        let message = try #require(before?.message)
        let sql = try #require(message.range(of: "constrain it: ").map { String(message[$0.upperBound...]) })
        #expect(sql.contains("!~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'"), "\(sql)")
        try db.execute(sql)
        #expect(!(try Doctor(catalog: uuidCatalog).examine(db)).contains { $0.code.hasPrefix("tenant-lookup") })
        #expect(throws: PostgresError.self) {
            try db.execute("INSERT INTO tenants VALUES ('x', '0A000000-0000-4000-8000-00000000000A', 'Evil')")
        }
    }

    /// Models with different key columns: every column doctor names exists.
    @Test func doctorNamesEachTablesOwnKeyColumn() throws {
        let db = try Self.scratchDatabase("doctor_keys")
        try db.execute("CREATE TABLE tenants (id text PRIMARY KEY, slug text UNIQUE NOT NULL CHECK (slug !~ '^t-'))")
        try db.execute("CREATE TABLE customers (id text PRIMARY KEY, tenant_id text NOT NULL)")
        try db.execute("CREATE TABLE events (id text PRIMARY KEY, owner_tenant text NOT NULL)")
        try db.execute("CREATE TABLE settings (id text PRIMARY KEY, org text NOT NULL, timezone text NOT NULL)")
        for (table, column) in [("customers", "tenant_id"), ("events", "owner_tenant"), ("settings", "org")] {
            try db.execute("ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY")
            try db.execute("ALTER TABLE \(table) FORCE ROW LEVEL SECURITY")
            try db.execute("CREATE POLICY p ON \(table) USING (\(column) = current_setting('app.current_tenant_id', true))")
        }
        try db.execute("CREATE ROLE doctor_keys_reader LOGIN")
        try db.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO doctor_keys_reader")
        let text = """
        datasource db {
          provider = "postgresql"
          url      = env("DATABASE_URL")
        }
        model Tenant {
          id        String     @id
          slug      String     @unique
          customers Customer[]
          events    Event[]
          settings  Setting[]
          @@map("tenants")
        }
        model Customer {
          id       String @id
          tenantId String @map("tenant_id")
          tenant   Tenant @relation(fields: [tenantId], references: [id])
          @@map("customers")
        }
        model Event {
          id       String @id
          tenantId String @map("owner_tenant")
          tenant   Tenant @relation(fields: [tenantId], references: [id])
          @@map("events")
        }
        model Setting {
          id       String @id
          ownerId  String @map("org")
          owner    Tenant @relation(fields: [ownerId], references: [id])
          timezone String
          @@map("settings")
        }
        """
        let catalog = try #require(PrismaSchemaReader.read(SourceFile(name: "s", text: text)).catalog)
        let server = try Self.server.get()
        let reader = try Connection(server.cluster.url(user: "doctor_keys_reader", database: "doctor_keys"))
        let findings = try Doctor(catalog: catalog).examine(reader)
        let columns = Set(try db.execute("SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = 'public'").rows.compactMap { $0[0] })
        for f in findings where f.subject.contains(".") && !f.subject.contains(" ") {
            #expect(columns.contains(f.subject), "doctor names a column that does not exist: \(f)")
        }
        let empty = Set(findings.filter { $0.code == "tenant-column-allows-empty" }.map(\.subject))
        #expect(empty == ["customers.tenant_id", "events.owner_tenant", "settings.org"], "\(findings)")
        let traps = findings.filter { $0.code == "policy-empty-string-trap" }
        #expect(traps.count == 3)
        #expect(traps.contains { $0.subject.hasPrefix("events") && $0.message.contains("rows whose owner_tenant is ''") }, "\(traps)")
        // `--time-zone tenant` reads the settings model by its own key column too.
        let zone = try #require(TimeZoneQuery.tenantZoneQuery(catalog)?.0)
        #expect(zone.contains(#"WHERE "org" = $1"#), "\(zone)")
    }

    // MARK: Item 5: the row-level scope pins search_path and standard_conforming_strings

    /// `boundary_reader` has `search_path = shadow, public` (whose `tenants` maps alpha's slug to
    /// beta's id) and `standard_conforming_strings = off`; `PGOPTIONS`-style URL options and a
    /// session's temporary `orders` try the same. lql reads public's tables, and `~` (whose SQL
    /// holds backslashes when the pattern is a column) still works.
    @Test func theScopePinsSearchPathAndStandardStrings() throws {
        let server = try Self.server.get()
        let optionsURL = server.readerURL + "&options=" + "-c search_path=shadow -c standard_conforming_strings=off"
            .addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        for url in [server.readerURL, optionsURL] {
            let db = try Connection(url)
            #expect(try db.execute("SHOW standard_conforming_strings").scalar == "off")
            #expect(try db.execute("SELECT count(*) FROM orders WHERE ref = 'S-shadow'").scalar == "15", "the shadow is what an unpinned path reads")
            let orders = try Self.scope().withTenant("alpha", on: db) { (tx: TenantTransaction) throws -> [[String?]] in
                #expect(try tx.connection.execute("SHOW search_path").scalar == #""public", pg_temp"#)
                #expect(try tx.connection.execute("SHOW standard_conforming_strings").scalar == "on")
                return try tx.execute(try #require(Self.compile("Order | sort id | select id, ref").program?.statements.last).sql).rows
            }
            #expect(orders == [["A-o1", #"A-ref\1%_"#], ["A-o2", #"A-ref\2%_"#], ["A-o3", #"A-ref\3%_"#]], "\(url)")
            // Back outside the scope the session's own settings are untouched.
            #expect(try db.execute("SHOW standard_conforming_strings").scalar == "off")
            // A column as the pattern: `replace(…, '\', '\\')` in the SQL, which standard strings keep.
            #expect(try Self.run("Order | where ref ~ ref | count", tenant: "alpha", url: url) == [["3"]])
            #expect(try Self.run("Customer | where name ~ name | count", tenant: "beta", url: url) == [["3"]])
            #expect(try Self.run("Order | where ref ~ \"\\\\2%_\" | select id", tenant: "alpha", url: url) == [["A-o2"]])
        }
        // A temporary table of the same name, as a pooled session might hold.
        let pooled = try Connection(server.readerURL)
        try pooled.execute("CREATE TEMP TABLE orders (LIKE public.orders)")
        try pooled.execute("INSERT INTO orders SELECT id, 'T-temp', total, tenant_id, customer_id FROM public.orders")
        #expect(try Self.scope().withTenant("beta", on: pooled) { tx in
            try tx.execute(try #require(Self.compile("Order | sort id | select ref").program?.statements.last).sql).rows
        } == [[#"B-ref\1%_"#], [#"B-ref\2%_"#], [#"B-ref\3%_"#]])
        // The Leora default strategy (its own lookup statement and setting) is pinned the same way.
        let leoraStyle = TenantScope()
        #expect(try leoraStyle.resolve("alpha", on: pooled) == Tenant(id: "t-alpha", slug: "alpha"))
        try leoraStyle.withTenant("alpha", on: pooled) { (tx: TenantTransaction) throws -> Void in
            #expect(try tx.connection.execute("SHOW search_path").scalar == #""public", pg_temp"#)
            #expect(try tx.connection.execute("SELECT count(*) FROM orders WHERE ref LIKE 'A-%'").scalar == "3")
        }
    }

    /// Through the binary, with `PGOPTIONS` and the role's defaults all pointing at the shadow.
    @Test func theBinaryReadsPublicTablesWhateverPGOPTIONSSays() throws {
        let server = try Self.server.get()
        let r = try runLQL(["run", "-e", "Order | where ref ~ ref | sort id | select id, ref", "--format", "csv",
                            "--tenant", "alpha", "--db", server.readerURL, "--schema", server.schemaPath],
                           environment: ["PGOPTIONS": "-c search_path=shadow -c standard_conforming_strings=off"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "id,ref\nA-o1,A-ref\\1%_\nA-o2,A-ref\\2%_\nA-o3,A-ref\\3%_\n", "\(r.out)")
    }

    // MARK: Item 11: did-you-mean names other tenants only where chosen

    @Test func didYouMeanIsOffOutsideThePromptAndInMCPAndCanBeTurnedOn() throws {
        let server = try Self.server.get()
        let base = ["--tenant", "alpah", "--db", server.ownerURL, "--schema", server.schemaPath]
        let plain = try runLQL(["run", "-e", "Order | count"] + base)
        #expect(plain.status == 4)
        #expect(plain.err.contains("no tenant with slug or id `alpah`") && !plain.err.contains("alpha"), "\(plain.err)")
        let mcp = try runLQL(["mcp"] + base, stdin: Data())
        #expect(mcp.status == 4, "\(mcp.err)")
        #expect(!mcp.err.contains("`alpha`") && !mcp.err.contains("did you mean"), "\(mcp.err)")

        let dir = ThrowawayClusters.root(of: server.cluster) + "/project"
        for (value, suggests) in [("true", true), ("false", false)] {
            let config = dir + "/lql-\(value).toml"
            try "[tenancy]\nsuggest_tenants = \(value)\n".write(toFile: config, atomically: true, encoding: .utf8)
            let r = try runLQL(["run", "-e", "Order | count", "--config", config] + base)
            #expect(r.status == 4)
            #expect(r.err.contains("did you mean `alpha`") == suggests, "\(value): \(r.err)")
            let m = try runLQL(["mcp", "--config", config] + base, stdin: Data())
            #expect(m.status == 4 && !m.err.contains("`alpha`"), "mcp with \(value): \(m.err)")
        }
        let bad = dir + "/lql-bad.toml"
        try "[tenancy]\nsuggest_tenants = \"no\"\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let r = try runLQL(["run", "-e", "Order | count", "--config", bad] + base)
        #expect(r.status == 2 && r.err.contains("`tenancy.suggest_tenants` must be true or false"), "\(r.err)")
        // The library's scope with suggestions off does not even list the slugs.
        var quiet = TenantScope()
        quiet.suggestsTenants = false
        #expect(throws: TenantError.unknown(given: "alpah", similar: [])) { try quiet.resolve("alpah", on: try Connection(server.ownerURL)) }
    }

    /// A database of its own in this suite's cluster.
    static func scratchDatabase(_ name: String) throws -> Connection {
        let server = try server.get()
        let admin = try Connection(server.ownerURL)
        try admin.executeScript("DROP DATABASE IF EXISTS \(name)")
        try admin.executeScript("CREATE DATABASE \(name)")
        return try Connection(server.cluster.url(database: name))
    }
}
