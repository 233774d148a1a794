import LQLDiagnostics
import Testing
@testable import LQLSchema

/// Legal but awkward PSL: everything here must read without errors.
@Suite struct HostileSchemaTests {
    static let text = """
    // leading comment
    datasource db { // comment after a brace
      provider = "postgresql" // trailing
      url      = env("DATABASE_URL")
      extensions = [pgcrypto, citext(schema: "public")]
    }
    generator client {
      provider        = "prisma-client-js"
      previewFeatures = ["views", "postgresqlExtensions"]
      binaryTargets   = [
        "native", // the build host
        /// a doc comment where none belongs
        "debian-openssl-3.0.x",
      ]
    }

    /// People. Doc comments
    /// span two lines.
    model Person {
      id        Int      @id @default(autoincrement()) // comment after attributes
      // a plain comment between fields
      name      String   @db.VarChar(200) @custom.thing(1, "two", three: [4]) @weird
      /// @sensitive
      ssn       String?  @map("social_security_number")
      nickname  String?  /// @sensitive trailing doc documents this field
      managerId Int?     @map("manager_id")
      manager   Person?  @relation("Management", fields: [managerId], references: [id], onDelete: SetNull, onUpdate: Cascade, map: "person_manager_fk")
      reports   Person[] @relation("Management")
      mentorId  Int?     @unique
      mentor    Person?  @relation(name: "Mentoring", fields: [mentorId], references: [id])
      mentee    Person?  @relation("Mentoring")
      written   Letter[] @relation("LetterAuthor")
      received  Letter[] @relation("LetterRecipient")
      geom      Unsupported("geometry(Point, 4326)")?
      legacy    String   @ignore
      color     Color    @default(DARK_RED)
      settings  Json     @default("{\\"a\\": [1, 2]}")
      address   Address?
      created   DateTime @default(dbgenerated("now()")) @db.Timestamptz(6)

      @@map("people")
      @@index([name(sort: Desc), // sorted
               id], type: BTree, map: "people_name_idx")
      @@unknownBlockAttribute(whatever: true)
    }

    model Letter {
      authorId    Int
      recipientId Int
      sentAt      DateTime
      author      Person @relation("LetterAuthor", fields: [authorId], references: [id])
      recipient   Person @relation("LetterRecipient", fields: [recipientId], references: [id])

      @@id([authorId, recipientId, sentAt])
      @@unique(fields: [authorId, sentAt], name: "one_per_moment")
      @@map("letters")
    }

    model Hidden {
      id Int @id
      @@ignore
    }

    view PersonSummary {
      id      Int    @unique
      name    String
      letters Int?
    }

    enum Color {
      DARK_RED   @map("dark-red")
      LIGHT_BLUE @map("light-blue")
      /// documented value
      PLAIN

      @@map("colour")
    }

    type Address {
      street String
      city   String
    }
    """

    let result = SchemaFixtures.read(text)

    @Test func readsWithoutErrors() throws {
        #expect(result.diagnostics.map(\.message) == [])
        let catalog = try #require(result.catalog)
        #expect(catalog.models.map(\.name) == ["Person", "Letter", "PersonSummary"])
        #expect(catalog.tenancy == .none)
    }

    @Test func docCommentsAndSensitivity() throws {
        let person = try #require(result.catalog?.model(named: "Person"))
        #expect(person.documentation == "People. Doc comments\nspan two lines.")
        #expect(person.field(named: "ssn")?.isSensitive == true)
        #expect(person.field(named: "ssn")?.columnName == "social_security_number")
        #expect(person.field(named: "nickname")?.isSensitive == true)
        #expect(person.field(named: "managerId")?.isSensitive == false)
        #expect(person.field(named: "name")?.isSensitive == false)
    }

    @Test func attributesKeptIncludingUnknownOnes() throws {
        let person = try #require(result.catalog?.model(named: "Person"))
        let name = try #require(person.field(named: "name"))
        #expect(name.attributes.map(\.name) == ["db.VarChar", "custom.thing", "weird"])
        #expect(name.attributes[1].arguments == [AttributeArgument(name: nil, value: "1"), AttributeArgument(name: nil, value: "\"two\""),
                                                  AttributeArgument(name: "three", value: "[4]")])
        #expect(name.nativeType == "VarChar(200)")
        #expect(person.field(named: "created")?.nativeType == "Timestamptz(6)")
        #expect(person.field(named: "created")?.attributes.first?.arguments == [AttributeArgument(name: nil, value: "dbgenerated(\"now()\")")])
        #expect(person.field(named: "legacy") == nil, "@ignore fields are left out")
        #expect(person.field(named: "geom")?.type == .unsupported("geometry(Point, 4326)"))
        #expect(person.field(named: "address")?.type == .unsupported("Address"))
        #expect(person.field(named: "color")?.hasDefault == true)
        #expect(person.tableName == "people")
        #expect(person.attributes.map(\.name) == ["map", "index", "unknownBlockAttribute"])
        #expect(person.attributes[2].arguments == [AttributeArgument(name: "whatever", value: "true")])
        #expect(person.primaryKey == ["id"])
        #expect(person.uniqueKeys == [["mentorId"]])
    }

    @Test func selfRelationsPairByName() throws {
        let person = try #require(result.catalog?.model(named: "Person"))
        let manager = try #require(person.field(named: "manager")?.relation)
        #expect(manager.name == "Management")
        #expect(manager.targetModel == "Person")
        #expect(manager.oppositeField == "reports")
        #expect(manager.isOwningSide)
        #expect(manager.joinColumns == [ColumnPair(local: "manager_id", remote: "id")])
        let reports = try #require(person.field(named: "reports")?.relation)
        #expect(reports.cardinality == .toMany)
        #expect(reports.oppositeField == "manager")
        #expect(reports.joinColumns == [ColumnPair(local: "id", remote: "manager_id")])
        // 1:1 self relation: both ends to-one.
        let mentee = try #require(person.field(named: "mentee")?.relation)
        #expect(mentee.cardinality == .toOne)
        #expect(!mentee.isOwningSide)
        #expect(mentee.oppositeField == "mentor")
        #expect(mentee.joinColumns == [ColumnPair(local: "mentorId", remote: "id")].map { ColumnPair(local: $0.remote, remote: $0.local) })
    }

    @Test func namedRelationsBetweenTheSameModels() throws {
        let catalog = try #require(result.catalog)
        let written = try #require(catalog.model(named: "Person")?.field(named: "written")?.relation)
        let received = try #require(catalog.model(named: "Person")?.field(named: "received")?.relation)
        #expect(written.oppositeField == "author")
        #expect(written.joinColumns == [ColumnPair(local: "id", remote: "authorId")])
        #expect(received.oppositeField == "recipient")
        #expect(received.joinColumns == [ColumnPair(local: "id", remote: "recipientId")])
        let letter = try #require(catalog.model(named: "Letter"))
        #expect(letter.primaryKey == ["authorId", "recipientId", "sentAt"])
        #expect(letter.uniqueKeys == [["authorId", "sentAt"]])
    }

    @Test func enumMapsAndViews() throws {
        let catalog = try #require(result.catalog)
        let color = try #require(catalog.enumType(named: "Color"))
        #expect(color.databaseName == "colour")
        #expect(color.values == [EnumValue(name: "DARK_RED", databaseName: "dark-red"),
                                 EnumValue(name: "LIGHT_BLUE", databaseName: "light-blue"),
                                 EnumValue(name: "PLAIN", databaseName: "PLAIN")])
        let view = try #require(catalog.model(named: "PersonSummary"))
        #expect(view.isView)
        #expect(view.tableName == "PersonSummary")
        #expect(catalog.model(named: "Hidden") == nil, "@@ignore models are left out")
    }

    @Test func implicitManyToMany() throws {
        let text = SchemaFixtures.datasource + """
        model Post {
          id   Int   @id
          tags Tag[]
        }
        model Tag {
          id    Int    @id
          posts Post[]
        }
        """
        let catalog = try #require(SchemaFixtures.read(text).catalog)
        let tags = try #require(catalog.model(named: "Post")?.field(named: "tags")?.relation)
        #expect(tags.implicitJoinTable == "_PostToTag")
        #expect(tags.joinColumns == [])
        #expect(tags.oppositeField == "posts")
    }

    @Test func rowLevelTenancyWithOtherNames() throws {
        let text = SchemaFixtures.datasource + """
        model Tenant {
          id       String    @id
          accounts Account[]
        }
        model Account {
          id    String @id
          orgId String @map("org_id")
          org   Tenant @relation(fields: [orgId], references: [id])
        }
        model Lookup {
          id   String @id
          code String
        }
        """
        let catalog = try #require(SchemaFixtures.read(text).catalog)
        #expect(catalog.tenancy == .rowLevel(RowLevelTenancy(tenantField: "orgId", tenantColumn: "org_id", tenantRelationField: "org",
                                                             lookupFields: ["id"])))
        #expect(catalog.model(named: "Account")?.isTenantScoped == true)
        #expect(catalog.model(named: "Account")?.field(named: "orgId")?.isTenantKey == true)
        #expect(catalog.model(named: "Lookup")?.isTenantScoped == false)
    }

    @Test func tenantFieldWithoutRelationIsStillTheKey() throws {
        let source = MarkedSource(SchemaFixtures.datasource + """
        model Tenant {
          id       String    @id
          accounts Account[]
        }
        model Account {
          id       String @id
          tenantId String
          tenant   Tenant @relation(fields: [tenantId], references: [id])
        }
        model AuditLog {
          id       String @id
          ⟦tenantId String⟧
        }
        """)
        let result = SchemaFixtures.read(source.text)
        // A key is a key whether or not the schema declares its relation: scoped, and no warning.
        let auditLog = try #require(result.catalog?.model(named: "AuditLog"))
        #expect(auditLog.isTenantScoped)
        #expect(auditLog.tenantScope == .key(field: "tenantId", column: "tenantId"))
        #expect(auditLog.tenantScopeSource == "has `tenantId` (no relation declared)")
        #expect(auditLog.field(named: "tenantId")?.isTenantKey == true)
        #expect(result.diagnostics.isEmpty)
        _ = source.span
    }

    @Test func noTenantModelMeansNoTenancy() throws {
        let text = SchemaFixtures.datasource + "model A {\n  id Int @id\n}\n"
        #expect(SchemaFixtures.read(text).catalog?.tenancy == Tenancy.none)
    }
}
