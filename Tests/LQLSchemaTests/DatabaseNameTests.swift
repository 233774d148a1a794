import LQLDiagnostics
import Testing
@testable import LQLSchema

/// Issue 18 item 11: `@@map("")` and a NUL inside `@map`/`@@map`/`@@schema` were read and failed
/// only at the server. They are E0532 at the string, and the schema yields no catalog.
@Suite struct DatabaseNameTests {
    func expectRefused(_ schema: String, at marked: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = SchemaFixtures.datasource + schema
        let result = SchemaFixtures.read(text)
        #expect(result.catalog == nil, sourceLocation: sourceLocation)
        let d = result.diagnostics.first { $0.code == .schemaInvalidDatabaseName }
        #expect(d != nil, "got \(result.diagnostics.map { "\($0.code) \($0.message)" })", sourceLocation: sourceLocation)
        guard let d else { return }
        #expect(d.code.code == "E0532", sourceLocation: sourceLocation)
        #expect(SourceFile(name: "t", text: text).text(in: d.span) == marked, sourceLocation: sourceLocation)
        #expect(!d.hints.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func anEmptyMapIsRefused() {
        expectRefused("model A {\n  id Int @id\n  @@map(\"\")\n}\n", at: "\"\"")
        expectRefused("model A {\n  id Int @id @map(name: \"\")\n}\n", at: "\"\"")
        expectRefused("model A {\n  id Int @id\n  @@schema(\"\")\n}\n", at: "\"\"")
        expectRefused("enum E {\n  X @map(\"\")\n  @@map(\"e\")\n}\nmodel A {\n  id Int @id\n  e E\n}\n", at: "\"\"")
    }

    @Test func aNulInAMapIsRefused() {
        expectRefused("model A {\n  id Int @id\n  @@map(\"orders\u{0}x\")\n}\n", at: "\"orders\u{0}x\"")
        expectRefused("model A {\n  id Int @id\n  n String @map(\"n\u{0}\")\n}\n", at: "\"n\u{0}\"")
        expectRefused("enum E {\n  X\n  @@map(\"\u{0}\")\n}\nmodel A {\n  id Int @id\n  e E\n}\n", at: "\"\u{0}\"")
    }

    /// A control character would reach the compiled SQL's text raw (printed by `lql compile`), and
    /// a name past 63 bytes is cut by the server, so two models could read one table.
    @Test func aControlCharacterOrAnOverlongNameIsRefused() {
        expectRefused("model A {\n  id Int @id\n  @@map(\"ord\u{1B}[2Jers\")\n}\n", at: "\"ord\u{1B}[2Jers\"")
        expectRefused("model A {\n  id Int @id\n  n String @map(\"n\u{85}\")\n}\n", at: "\"n\u{85}\"")
        let long = String(repeating: "t", count: 64)
        expectRefused("model A {\n  id Int @id\n  @@map(\"\(long)\")\n}\n", at: "\"\(long)\"")
        let fits = String(repeating: "é", count: 31) + "t"  // 63 bytes
        let result = SchemaFixtures.read(SchemaFixtures.datasource + "model A {\n  id Int @id\n  @@map(\"\(fits)\")\n}\n")
        #expect(result.catalog?.model(named: "A")?.tableName == fits, "\(result.diagnostics.map(\.message))")
    }

    @Test func ordinaryMapsStillRead() {
        let result = SchemaFixtures.read(SchemaFixtures.datasource + "model A {\n  id Int @id @map(\"a_id\")\n  @@map(\"a table\")\n}\n")
        #expect(result.catalog?.model(named: "A")?.tableName == "a table", "\(result.diagnostics.map(\.message))")
        #expect(result.catalog?.model(named: "A")?.field(named: "id")?.columnName == "a_id")
    }
}
