import LQLConfig
import LQLDiagnostics
import LQLSchema
import Testing

/// `lql.toml` as configuration.md fixes it: every key read into the configuration, bad input a
/// clear error naming the file, and the doc-comment twin with the file winning.
@Suite struct ConfigurationFileTests {
    static let full = """
    schema = "prisma/schema.prisma"

    [tenancy]
    style = "rls"
    model = "Team"
    key = "teamId"
    lookup = ["slug", "id"]
    setting = "app.current_team_id"

    [tenancy.through]
    Attendee = "booking.eventType"
    Membership = "team"

    [tenancy.shared]
    models = ["Country", "Currency"]

    [sensitive]
    fields = ["User.password", "ApiKey.hashedKey"]

    [defaults]
    tenant = "acme"
    format = "table"
    time_zone = "UTC"
    """

    @Test func everyKeyIsRead() throws {
        let c = try LQLConfigurationLoader.parse(Self.full, path: "/app/lql.toml")
        #expect(c.schema == "/app/prisma/schema.prisma")
        #expect(c.tenancy == TenancyConfiguration(style: .rls, model: "Team", key: "teamId", lookup: ["slug", "id"],
                                                  setting: .name("app.current_team_id"),
                                                  through: ["Attendee": "booking.eventType", "Membership": "team"],
                                                  shared: ["Country", "Currency"], sensitive: ["User.password", "ApiKey.hashedKey"],
                                                  sourceName: "lql.toml"))
        #expect(c.defaultTenant == "acme")
        #expect(c.defaultFormat == "table")
        #expect(c.defaultTimeZone == "UTC")
    }

    @Test func anOmittedSettingMeansNoPolicies() throws {
        let c = try LQLConfigurationLoader.parse("[tenancy]\nmodel = \"Team\"\n", path: "/a/lql.toml")
        #expect(c.tenancy.setting == .absent)
        #expect(try LQLConfigurationLoader.parse("", path: "/a/lql.toml").tenancy.setting == nil)
    }

    @Test func badInputIsAClearError() {
        let cases: [(String, String)] = [
            ("[tenancy]\nstyle = \"row\"\n", "style must be \"rls\", \"schema\" or \"none\""),
            ("[tenancy]\nmodle = \"Team\"\n", "unknown key `modle` in [tenancy]; did you mean `model`?"),
            ("[tenancy.shared]\nmodels = [1]\n", "must be a list of strings"),
            ("[tenancy]\nmodel = \n", "line 2"),
            ("[sensitive]\nfields = [\"password\"]\n", "\"Model.field\""),
            ("[tenancy.through]\nTask = 3\n", "path string"),
            ("colour = 1\n", "unknown key `colour`"),
        ]
        for (text, words) in cases {
            #expect {
                _ = try LQLConfigurationLoader.parse(text, path: "/a/lql.toml")
            } throws: { error in
                "\(error)".hasPrefix("/a/lql.toml: ") && "\(error)".contains(words)
            }
        }
    }

    static let teamSchema = """
    datasource db {
      provider = "postgresql"
      url      = env("DATABASE_URL")
    }
    /// @tenant(lookup: [slug], setting: "app.team")
    model Team {
      id      Int      @id
      slug    String   @unique
      members Member[]
    }
    model Member {
      id     Int    @id
      teamId Int
      team   Team   @relation(fields: [teamId], references: [id])
      user   User   @relation(fields: [userId], references: [id])
      userId Int
      notes  Note[]
    }
    /// @shared
    model Plan {
      id Int @id
    }
    /// @tenantThrough(member)
    model Note {
      id       Int    @id
      memberId Int
      member   Member @relation(fields: [memberId], references: [id])
    }
    model User {
      id       Int      @id
      email    String
      password String
      members  Member[]
    }
    """

    @Test func theDocCommentTwinScopesModelsAndTheFileWins() throws {
        let docsOnly = try #require(PrismaSchemaReader.read(SourceFile(name: "s", text: Self.teamSchema)).catalog)
        guard case .rowLevel(let r) = docsOnly.tenancy else { Issue.record("\(docsOnly.tenancy)"); return }
        #expect(r.tenantModel == "Team")
        #expect(r.settingName == "app.team")
        #expect(r.lookupFields == ["slug"])
        #expect(r.keyType == .int4)
        #expect(docsOnly.model(named: "Plan")?.tenantScope == .shared)
        #expect(docsOnly.model(named: "Plan")?.tenantScopeSource == "/// @shared")
        #expect(docsOnly.model(named: "Note")?.tenantScope == .through(path: ["member"]))
        #expect(docsOnly.model(named: "User")?.tenantScope == .unscoped)

        let file = try LQLConfigurationLoader.parse("""
            [tenancy]
            setting = "app.current_team_id"
            [tenancy.through]
            Note = "member.team"
            [sensitive]
            fields = ["User.password"]
            """, path: "/x/lql.toml")
        let both = try #require(PrismaSchemaReader.read(SourceFile(name: "s", text: Self.teamSchema), configuration: file.tenancy).catalog)
        guard case .rowLevel(let r2) = both.tenancy else { Issue.record("\(both.tenancy)"); return }
        #expect(r2.settingName == "app.current_team_id")
        #expect(r2.tenantModel == "Team", "the file is silent on the root: the doc comment decides")
        #expect(both.model(named: "Note")?.tenantScope == .through(path: ["member", "team"]))
        #expect(both.model(named: "Note")?.tenantScopeSource == "lql.toml [tenancy.through]")
        #expect(both.model(named: "User")?.field(named: "password")?.isSensitive == true)
    }

    @Test func aRootTheSchemaLacksIsAnError() throws {
        let result = PrismaSchemaReader.read(SourceFile(name: "s", text: Self.teamSchema),
                                             configuration: TenancyConfiguration(model: "Teams"))
        #expect(result.catalog == nil)
        #expect(result.diagnostics.contains { $0.code == .schemaTenancyConfiguration && $0.message.contains("`Teams`") && $0.hints.contains("did you mean `Team`?") })
    }

    @Test func styleNoneLeavesEveryModelUnscopedAndQueryable() throws {
        let c = try #require(PrismaSchemaReader.read(SourceFile(name: "s", text: Self.teamSchema),
                                                     configuration: TenancyConfiguration(style: TenancyConfiguration.Style.none)).catalog)
        #expect(c.tenancy == .none)
        #expect(c.canStartQuery(try #require(c.model(named: "User"))))
    }
}
