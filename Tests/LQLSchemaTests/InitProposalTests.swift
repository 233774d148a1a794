import Foundation
import LQLConfig
import LQLDiagnostics
import LQLSchema
import Testing

/// `lql init`'s proposals for schemas written in the style of real apps (InitGolden/*.prisma):
/// the commented lql.toml matches its golden file (`LQL_RECORD=1` rewrites them), parses, and
/// applied to its schema scopes every model it says it scopes.
@Suite struct InitProposalTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("InitGolden")
    static let names = ["team", "organization-uuid", "workspace", "two-level"]

    static func schema(_ name: String) throws -> (text: String, catalog: Catalog) {
        let text = try String(contentsOf: directory.appendingPathComponent(name + ".prisma"), encoding: .utf8)
        let result = PrismaSchemaReader.read(SourceFile(name: name + ".prisma", text: text))
        return (text, try #require(result.catalog, "\(result.diagnostics.map(\.message))"))
    }

    @Test(arguments: names) func proposalMatchesItsGoldenFile(name: String) throws {
        let (_, catalog) = try Self.schema(name)
        let actual = ConfigurationFileWriter.render(ConfigurationProposal(catalog: catalog), schemaPath: "prisma/schema.prisma")
        let url = Self.directory.appendingPathComponent(name + ".toml")
        if ProcessInfo.processInfo.environment["LQL_RECORD"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "InitGolden/\(name).toml differs; LQL_RECORD=1 rewrites it")
    }

    @Test(arguments: names) func proposalParsesAndScopesWhatItSays(name: String) throws {
        let (text, catalog) = try Self.schema(name)
        let proposal = ConfigurationProposal(catalog: catalog)
        let file = try LQLConfigurationLoader.parse(ConfigurationFileWriter.render(proposal, schemaPath: "s.prisma"), path: "/p/lql.toml")
        let result = PrismaSchemaReader.read(SourceFile(name: "s", text: text), configuration: file.tenancy)
        let configured = try #require(result.catalog, "\(result.diagnostics.map(\.message))")
        for k in proposal.keyedList { #expect(configured.model(named: k.model)?.tenantScope.isScoped == true, "\(name): \(k.model)") }
        for t in proposal.through { #expect(configured.model(named: t.model)?.tenantScope == .through(path: t.path), "\(name): \(t.model)") }
        for u in proposal.unplaced { #expect(configured.model(named: u).map { configured.canStartQuery($0) } == false, "\(name): \(u)") }
        for s in proposal.sensitive {
            let parts = s.split(separator: ".").map(String.init)
            #expect(configured.model(named: parts[0])?.field(named: parts[1])?.isSensitive == true, "\(name): \(s)")
        }
    }

    @Test func teamProposal() throws {
        let p = ConfigurationProposal(catalog: try Self.schema("team").catalog)
        #expect(p.root == "Team")
        #expect(p.key == "teamId")
        #expect(p.lookup == ["slug", "id"])
        #expect(p.keyType == "Int")
        #expect(p.through.map { "\($0.model)=\($0.path.joined(separator: "."))" } == ["Booking=eventType", "Attendee=booking.eventType"])
        #expect(p.unplaced == ["User", "Session", "Country"])
        #expect(p.personal == ["Session"])
        #expect(p.sensitive == ["User.password", "ApiKey.hashedKey", "Webhook.secret", "Session.sessionToken"])
        #expect(p.keyedList.first { $0.model == "ApiKey" }?.optional == true)
    }

    @Test func organizationWithUuidKeysAndAKeyWithoutRelation() throws {
        let p = ConfigurationProposal(catalog: try Self.schema("organization-uuid").catalog)
        #expect(p.root == "Organization")
        #expect(p.key == "orgId")
        #expect(p.keyType == "String @db.Uuid")
        #expect(p.keyedList.map(\.model) == ["Member", "Customer", "Invoice", "AuditLog"])
        #expect(p.through.map(\.model) == ["InvoiceLine"])
        #expect(p.sensitive == ["User.passwordHash"])
    }

    @Test func twoLevelTenancyIsNamed() throws {
        let p = ConfigurationProposal(catalog: try Self.schema("two-level").catalog)
        #expect(p.root == "Organization")
        #expect(p.secondLevel == "Project")
        #expect(p.through.map { "\($0.model)=\($0.path.joined(separator: "."))" } == ["Environment=project", "Event=project", "ApiKey=project"])
    }
}
