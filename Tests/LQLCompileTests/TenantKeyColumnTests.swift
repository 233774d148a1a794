import LQL
import Testing

/// Security fixes of issue 17: each scoped model uses its own key column; what lql cannot scope
/// is refused, never read; a key with no declared relation is still the key.
@Suite struct TenantKeyColumnTests {
    /// The root is `Organization`; `Project` points at it through `orgId`, `Member` through
    /// `organizationId`, `AuditEvent` has `orgId` with no relation, `Task` and `Country` have no key.
    static let schema = """
    datasource db {
      provider = "postgresql"
      url      = env("DATABASE_URL")
    }
    model Organization {
      id       String       @id @db.Uuid
      slug     String       @unique
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
      id        String  @id
      title     String
      projectId String  @map("project_id")
      project   Project @relation(fields: [projectId], references: [id])
    }
    model AuditEvent {
      id     String @id
      orgId  String @map("org_id") @db.Uuid
      action String
      @@map("audit_events")
    }
    model Country {
      id   String @id
      code String
    }
    """

    /// The schema read with `model = "Organization"` (plus whatever else `configuration` says).
    static func catalog(_ configuration: TenancyConfiguration = TenancyConfiguration()) throws -> Catalog {
        var configuration = configuration
        configuration.model = configuration.model ?? "Organization"
        let result = PrismaSchemaReader.read(SourceFile(name: "schema.prisma", text: schema), configuration: configuration)
        return try #require(result.catalog, "\(result.diagnostics.map(\.message))")
    }

    static func sql(_ query: String, _ catalog: Catalog) throws -> String {
        let result = LQLCompiler.compile(source: SourceFile(name: "t.lql", text: query), catalog: catalog)
        return try #require(result.program?.statements.first, "\(result.diagnostics.map(\.message))").sql.text
    }

    static func errors(_ query: String, _ catalog: Catalog) -> [Diagnostic] {
        LQLCompiler.compile(source: SourceFile(name: "t.lql", text: query), catalog: catalog).diagnostics.filter(\.isError)
    }

    @Test func eachModelUsesItsOwnKeyColumn() throws {
        let c = try Self.catalog()
        #expect(try Self.sql("Project | count", c) == "SELECT count(*) AS \"count\"\nFROM \"Project\" AS t\nWHERE t.\"org_id\" = $1")
        #expect(try Self.sql("Member | count", c) == "SELECT count(*) AS \"count\"\nFROM \"Member\" AS t\nWHERE t.\"organization_id\" = $1")
        #expect(try Self.sql("AuditEvent | count", c) == "SELECT count(*) AS \"count\"\nFROM \"audit_events\" AS t\nWHERE t.\"org_id\" = $1")
    }

    /// Without a file the root must be called `Tenant` (Leora's convention), and then too each
    /// model keeps its own column.
    @Test func withoutConfigurationARootNamedTenantWorksTheSame() throws {
        let text = Self.schema.replacingOccurrences(of: "Organization", with: "Tenant")
        let c = try #require(PrismaSchemaReader.read(SourceFile(name: "s", text: text)).catalog)
        #expect(try Self.sql("Project | count", c).hasSuffix("WHERE t.\"org_id\" = $1"))
        #expect(try Self.sql("Member | count", c).hasSuffix("WHERE t.\"organization_id\" = $1"))
        #expect(try Self.sql("AuditEvent | count", c).hasSuffix("WHERE t.\"org_id\" = $1"))
        #expect(Self.errors("Task | count", c).map(\.code) == [.unqueryableModel])
        // And with no root at all there is no tenancy (refused at run time, see CLIExitCodeTests).
        let plain = try #require(PrismaSchemaReader.read(SourceFile(name: "s", text: Self.schema)).catalog)
        #expect(plain.tenancy == .none)
    }

    @Test func aJoinMatchesBothModelsKeyColumns() throws {
        let sql = try Self.sql("Project | select name, who: lead.email", try Self.catalog())
        #expect(sql.contains("LEFT JOIN \"Member\" AS j1 ON j1.\"id\" = t.\"lead_id\" AND j1.\"organization_id\" = t.\"org_id\" AND j1.\"organization_id\" = $1"), "\(sql)")
        #expect(sql.contains("WHERE t.\"org_id\" = $1"))
    }

    @Test func aCollectionOverAScopedModelCarriesItsOwnPredicate() throws {
        let sql = try Self.sql("Member | select email, n: count(leads)", try Self.catalog())
        #expect(sql.contains("c1.\"org_id\" = $1"), "\(sql)")
    }

    @Test func keysAreRecordedPerModel() throws {
        let c = try Self.catalog()
        #expect(c.model(named: "Project")?.tenantScope == .key(field: "orgId", column: "org_id"))
        #expect(c.model(named: "Member")?.tenantScope == .key(field: "organizationId", column: "organization_id"))
        #expect(c.model(named: "AuditEvent")?.tenantScope == .key(field: "orgId", column: "org_id"))
        #expect(c.model(named: "Organization")?.tenantScope == .root(column: "id"))
        #expect(c.model(named: "Task")?.tenantScope == .unscoped)
        guard case .rowLevel(let r) = c.tenancy else { Issue.record("not row-level"); return }
        #expect(r.keyType == .uuid)
    }

    @Test func aModelLqlCannotScopeIsRefused() throws {
        let c = try Self.catalog()
        for query in ["Task | count", "Country | select code", "Project | select name, n: count(tasks)",
                      "Project | where any(tasks where title == \"x\")"] {
            let errors = Self.errors(query, c)
            #expect(errors.map(\.code) == [.unqueryableModel], "\(query): \(errors.map(\.message))")
        }
        #expect(!c.queryableModels.map(\.name).contains("Task"))
        #expect(Self.errors("Task | count", c).first?.hints.first?.contains("[tenancy.through]") == true)
    }

    @Test func throughScopedModelIsAnExistsChain() throws {
        let c = try Self.catalog(TenancyConfiguration(through: ["Task": "project"], shared: ["Country"]))
        #expect(c.model(named: "Task")?.tenantScope == .through(path: ["project"]))
        #expect(try Self.sql("Task | count", c)
                == "SELECT count(*) AS \"count\"\nFROM \"Task\" AS t\nWHERE EXISTS (SELECT 1 FROM \"Project\" AS h1 WHERE h1.\"id\" = t.\"project_id\" AND h1.\"org_id\" = $1)")
        #expect(try Self.sql("Country | count", c) == "SELECT count(*) AS \"count\"\nFROM \"Country\" AS t")
        let collection = try Self.sql("Project | select name, n: count(tasks)", c)
        #expect(collection.contains("EXISTS (SELECT 1 FROM \"Project\" AS h1 WHERE h1.\"id\" = c1.\"project_id\" AND h1.\"org_id\" = $1)"), "\(collection)")
    }

    @Test func aPathOfTwoHopsScopesEveryHop() throws {
        // A task's comments: Comment → task → project; Task is scoped through project.
        let schema = Self.schema.replacingOccurrences(of: "model Country {", with: """
        model Comment {
          id     String @id
          body   String
          taskId String @map("task_id")
          task   Task   @relation(fields: [taskId], references: [id])
        }
        model Country {
        """).replacingOccurrences(of: "  project   Project @relation(fields: [projectId], references: [id])\n",
                                  with: "  project   Project @relation(fields: [projectId], references: [id])\n  comments  Comment[]\n")
        let result = PrismaSchemaReader.read(SourceFile(name: "s", text: schema),
                                             configuration: TenancyConfiguration(model: "Organization", through: ["Task": "project", "Comment": "task.project"]))
        let c = try #require(result.catalog, "\(result.diagnostics.map(\.message))")
        let sql = try Self.sql("Comment | count", c)
        #expect(sql.contains("WHERE EXISTS (SELECT 1 FROM \"Task\" AS h1 WHERE h1.\"id\" = t.\"task_id\" AND EXISTS (SELECT 1 FROM \"Project\" AS h2 WHERE h2.\"id\" = h1.\"project_id\" AND h2.\"org_id\" = $1))"), "\(sql)")
    }

    @Test func aBadThroughPathIsAnError() throws {
        for (path, words) in [("projekt", "has no relation `projekt`"), ("project.tasks", "not a to-one"), ("project.lead", "")] {
            let result = PrismaSchemaReader.read(SourceFile(name: "s", text: Self.schema),
                                                 configuration: TenancyConfiguration(model: "Organization", through: ["Task": path]))
            if path == "project.lead" {
                // Member is keyed: a path may end at any scoped model.
                #expect(result.catalog?.model(named: "Task")?.tenantScope == .through(path: ["project", "lead"]))
                continue
            }
            #expect(result.catalog == nil, "\(path)")
            #expect(result.diagnostics.contains { $0.code == .schemaTenancyConfiguration && $0.message.contains(words) }, "\(result.diagnostics.map(\.message))")
        }
    }

    @Test func aScopedModelListedAsSharedStaysScoped() throws {
        let result = PrismaSchemaReader.read(SourceFile(name: "s", text: Self.schema), configuration: TenancyConfiguration(model: "Organization", shared: ["Project"]))
        #expect(result.catalog?.model(named: "Project")?.tenantScope == .key(field: "orgId", column: "org_id"))
        #expect(result.diagnostics.map(\.code) == [.schemaTenancyConfigurationIgnored])
    }
}
