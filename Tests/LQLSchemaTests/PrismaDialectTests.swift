import LQLDiagnostics
import Testing
@testable import LQLSchema

/// Parts of today's Prisma schema language beyond v1's reader: `/* */` comments, the datasource
/// provider, and a schema that declares nothing.
@Suite struct PrismaDialectTests {
    @Test func blockCommentsAreBlankAndKeepTheLines() throws {
        let text = SchemaFixtures.datasource + """
        /* Customers of a shop.
           A block comment may span lines. */
        model Customer {
          id   Int    @id /* the key */
          name String /* shown
                         everywhere */
          tier Int
        }
        """
        let result = SchemaFixtures.read(text)
        #expect(result.diagnostics.filter(\.isError).isEmpty, "\(result.diagnostics.map(\.message))")
        let customer = try #require(result.catalog?.models.first { $0.name == "Customer" })
        #expect(customer.fields.map(\.name) == ["id", "name", "tier"])
    }

    @Test func anUnclosedBlockCommentIsAnErrorAtItsStart() {
        let text = SchemaFixtures.datasource + "model A {\n  id Int @id\n}\n/* never closed\n"
        let result = SchemaFixtures.read(text)
        #expect(result.catalog == nil)
        let d = result.diagnostics.first { $0.code == .schemaUnterminatedBlock }
        #expect(d?.message.contains("`/*`") == true)
        let start = text.utf8.count - "/* never closed\n".utf8.count
        #expect(d?.span == Span(start, start + 2))
    }

    @Test func aNonPostgresProviderIsRefused() {
        let text = "datasource db {\n  provider = \"mysql\"\n  url = env(\"DATABASE_URL\")\n}\nmodel A {\n  id Int @id\n}\n"
        let result = SchemaFixtures.read(text)
        #expect(result.catalog == nil)
        let d = result.diagnostics.first { $0.code == .schemaUnsupportedProvider }
        #expect(d?.message.contains("`mysql`") == true)
        #expect(d.map { String(decoding: Array(text.utf8)[$0.span.start..<$0.span.end], as: UTF8.self) } == "\"mysql\"")
    }

    @Test func anEmptySchemaWarnsThatItHasNoModels() {
        let result = SchemaFixtures.read(SchemaFixtures.datasource)
        let d = result.diagnostics.first { $0.code == .schemaEmptyCatalog }
        #expect(d?.severity == .warning)
        #expect(d?.hints.contains { $0.contains("--schema prisma/schema") } == true)
        #expect(result.catalog != nil)
    }
}
