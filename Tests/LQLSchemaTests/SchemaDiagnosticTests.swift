import LQLDiagnostics
import Testing
@testable import LQLSchema

/// Each error kind, with `⟦…⟧` marking where the diagnostic must point.
@Suite struct SchemaDiagnosticTests {
    func expectError(_ marked: String, _ code: DiagnosticCode, hint: String? = nil, message: String? = nil,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        let source = MarkedSource(SchemaFixtures.datasource + marked)
        let result = SchemaFixtures.read(source.text)
        #expect(result.catalog == nil, sourceLocation: sourceLocation)
        let match = result.diagnostics.first { $0.code == code }
        #expect(match != nil, "got \(result.diagnostics.map { "\($0.code) \($0.message)" })", sourceLocation: sourceLocation)
        #expect(match?.span == source.span, "span of \(match?.message ?? "-")", sourceLocation: sourceLocation)
        if let hint { #expect(match?.hints.contains { $0.contains(hint) } == true, "hints: \(match?.hints ?? [])", sourceLocation: sourceLocation) }
        if let message { #expect(match?.message.contains(message) == true, "\(match?.message ?? "-")", sourceLocation: sourceLocation) }
        // Every diagnostic renders with a real location.
        let rendered = DiagnosticRenderer(useColor: false).render(result.diagnostics, in: SourceFile(name: "t.prisma", text: source.text))
        #expect(rendered.contains("t.prisma:"), sourceLocation: sourceLocation)
    }

    @Test func unknownTypeSuggestsClosest() {
        expectError("model A {\n  id Int @id\n  name ⟦Strng⟧\n}\n", .schemaUnknownType, hint: "`String`")
        expectError("model Customer {\n  id Int @id\n  orders ⟦Ordr[]⟧\n}\nmodel Order {\n  id Int @id\n}\n", .schemaUnknownType,
                    hint: "`Order`")
    }

    @Test func duplicates() {
        expectError("model A {\n  id Int @id\n}\nenum ⟦A⟧ {\n  X\n}\n", .schemaDuplicateDeclaration)
        expectError("model A {\n  id Int @id\n  name String\n  ⟦name⟧ Int\n}\n", .schemaDuplicateField, message: "`name` twice")
        expectError("enum E {\n  X\n  Y\n  ⟦X⟧\n}\n", .schemaDuplicateEnumValue)
    }

    @Test func relationProblems() {
        expectError("""
        model Customer {
          id Int @id
        }
        model Order {
          id         Int      @id
          customerId Int
          ⟦customer   Customer @relation(fields: [customerId], references: [id])⟧
        }
        """, .schemaMissingOppositeRelation, hint: "`orders Order[]`")

        expectError("""
        model User {
          id     Int     @id
          a      Order[]
          ⟦b      Order[]⟧
        }
        model Order {
          id       Int  @id
          ownerId  Int
          owner    User @relation(fields: [ownerId], references: [id])
          sellerId Int
          seller   User @relation(fields: [sellerId], references: [id])
        }
        """, .schemaAmbiguousRelation, hint: "@relation(")

        expectError("""
        model Customer {
          id     Int     @id
          code   String
          orders Order[]
        }
        model Order {
          id         Int      @id
          customerId Int
          customer   Customer @relation(fields: ⟦[customerId], references: [id, code]⟧)
        }
        """, .schemaRelationArityMismatch)

        expectError("""
        model Customer {
          id     Int     @id
          orders Order[]
        }
        model Order {
          id         Int      @id
          customerId Int
          customer   Customer @relation(fields: [⟦customrId⟧], references: [id])
        }
        """, .schemaUnknownReferencedField, hint: "`customerId`")

        expectError("""
        model Customer {
          id     Int     @id
          orders Order[]
        }
        model Order {
          id         Int      @id
          customerId Int
          customer   Customer @relation(fields: [customerId], references: [⟦uid⟧])
        }
        """, .schemaUnknownReferencedField, message: "`Customer`")

        expectError("""
        model Customer {
          id     Int     @id
          orders Order[]
        }
        model Order {
          id       Int      @id
          ⟦customer Customer⟧
        }
        """, .schemaRelationMissingFields)
    }

    @Test func syntaxProblems() {
        expectError("⟦model A⟧ {\n  id Int @id\n", .schemaUnterminatedBlock, hint: "`}`")
        // A missing `}` is caught at the next block, not by swallowing it.
        expectError("⟦model A⟧ {\n  id Int @id\nmodel B {\n  id Int @id\n}\n", .schemaUnterminatedBlock)
        expectError("model A {\n  id Int @id\n  name String @default(⟦\"abc⟧\n}\n", .schemaUnterminatedString)
        expectError("model A {\n  id Int @id ⟦=⟧ 3\n}\n", .schemaUnexpectedToken, message: "expected end of line")
        expectError("⟦table⟧ A {\n  id Int\n}\n", .schemaUnexpectedToken)
        expectError("model A {\n  id Int @id\n  ⟦name⟧\n}\n", .schemaUnexpectedToken)
        expectError("model A {\n  id Int @id ⟦#$%⟧\n}\n", .schemaInvalidCharacter)
    }

    @Test func validSchemaHasNoDiagnostics() {
        let result = SchemaFixtures.read(SchemaFixtures.datasource + "model A {\n  id Int @id\n}\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.catalog?.models.count == 1)
    }

    @Test func unreadableFileThrowsADiagnostic() {
        #expect(throws: Diagnostic.self) { try PrismaSchemaReader.load(path: "/nonexistent/schema.prisma") }
        do {
            _ = try PrismaSchemaReader.load(path: "/nonexistent/schema.prisma")
        } catch let d as Diagnostic {
            #expect(d.code == .schemaUnreadable)
            #expect(d.message.contains("does not exist"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
