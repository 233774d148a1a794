import Foundation
import LQLConfig
import LQLTestSupport
import Testing
@testable import LQLSchema

/// Prisma's implicit many-to-many relations: the hidden `_AToB` table (or `_Name` for
/// `@relation("Name")`), column `A` pointing at the `@id` of the model whose name sorts first.
@Suite struct ImplicitManyToManyTests {
    func relation(_ text: String, _ model: String, _ field: String) throws -> Relation {
        let catalog = try #require(SchemaFixtures.read(SchemaFixtures.datasource + text).catalog)
        return try #require(catalog.model(named: model)?.field(named: field)?.relation)
    }

    @Test func columnAPointsAtTheModelWhoseNameSortsFirst() throws {
        let schema = """
        model Tag {
          key   String @id @map("tag_key")
          posts Post[]
        }
        model Post {
          id   Int   @id @map("post_id")
          tags Tag[]
        }
        """
        let tags = try relation(schema, "Post", "tags")
        #expect(tags.implicitJoin == ImplicitJoin(table: "_PostToTag", schema: nil, localSide: "A", remoteSide: "B",
                                                  localKey: "post_id", remoteKey: "tag_key"))
        let posts = try relation(schema, "Tag", "posts")
        #expect(posts.implicitJoin == ImplicitJoin(table: "_PostToTag", schema: nil, localSide: "B", remoteSide: "A",
                                                   localKey: "tag_key", remoteKey: "post_id"))
    }

    @Test func aNamedRelationNamesTheTable() throws {
        let schema = """
        model Member {
          id       String   @id
          watching Ticket[] @relation("Watchers")
        }
        model Ticket {
          id       String   @id
          watchers Member[] @relation("Watchers")
        }
        """
        let watching = try relation(schema, "Member", "watching")
        #expect(watching.implicitJoin?.table == "_Watchers")
        #expect(watching.implicitJoin?.localSide == "A")
    }

    /// Prisma's documented example (troubleshooting relations): in `a_eats`/`b_eatenBy`, `A`
    /// holds the prey, the rows `a_eats` lists.
    @Test func aSelfRelationFollowsTheFieldNames() throws {
        let schema = """
        model Animal {
          id        Int      @id
          a_eats    Animal[] @relation(name: "FoodChain")
          b_eatenBy Animal[] @relation(name: "FoodChain")
        }
        """
        let eats = try relation(schema, "Animal", "a_eats")
        #expect(eats.implicitJoin?.table == "_FoodChain")
        #expect(eats.implicitJoin?.remoteSide == "A", "a_eats lists the A side")
        #expect(eats.implicitJoin?.localSide == "B")
        let eatenBy = try relation(schema, "Animal", "b_eatenBy")
        #expect(eatenBy.implicitJoin?.localSide == "A")
        #expect(eatenBy.implicitJoin?.remoteSide == "B")
    }

    @Test func withoutASingleFieldIdThereIsNoLink() throws {
        let schema = """
        model Post {
          a    Int
          b    Int
          tags Tag[]
          @@id([a, b])
        }
        model Tag {
          id    Int    @id
          posts Post[]
        }
        """
        let tags = try relation(schema, "Post", "tags")
        #expect(tags.implicitJoinTable == "_PostToTag")
        #expect(tags.implicitJoin == nil)
    }

    @Test func multiSchemaPutsTheTableInTheFirstModelsSchema() throws {
        let schema = """
        model Label {
          id      Int      @id
          tickets Ticket[]
          @@schema("tenant")
        }
        model Ticket {
          id     Int     @id
          labels Label[]
          @@schema("support")
        }
        """
        #expect(try relation(schema, "Ticket", "labels").implicitJoin?.schema == "tenant")
    }
}

/// The helpdesk example's lql.toml says exactly what the test fixture's catalog is built with,
/// and the folder reads into the scopes configuration.md promises.
@Suite struct HelpdeskConfigurationTests {
    @Test func theShippedFileMatchesTheFixture() throws {
        let file = try LQLConfigurationLoader.load(path: HelpdeskFixture.configPath)
        var tenancy = file.tenancy
        tenancy.sourceName = HelpdeskFixture.tenancy.sourceName
        #expect(tenancy == HelpdeskFixture.tenancy)
        #expect(file.schema == HelpdeskFixture.schemaPath)
        #expect(file.defaultTenant == "northwind")
    }

    @Test func everyModelHasItsScope() throws {
        let catalog = try HelpdeskFixture.catalog()
        let scopes = Dictionary(uniqueKeysWithValues: catalog.models.map { ($0.name, catalog.scopeRule(of: $0)) })
        #expect(scopes["Organization"] == .root(column: "id"))
        #expect(scopes["Ticket"] == .key(field: "organizationId", column: "organization_id"))
        #expect(scopes["Message"] == .through(path: ["ticket"]))
        #expect(scopes["Country"] == .shared)
        guard case .rowLevel(let r) = catalog.tenancy else { Issue.record("not row-level"); return }
        #expect(r.keyType == .uuid)
        #expect(r.settingName == "app.current_organization_id")
        #expect(catalog.model(named: "Ticket")?.field(named: "labels")?.relation?.implicitJoin?.table == "_LabelToTicket")
    }
}
