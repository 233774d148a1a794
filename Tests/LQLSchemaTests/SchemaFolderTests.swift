import Foundation
import LQLDiagnostics
import Testing
@testable import LQLSchema

/// Prisma's multi-file schema: a folder of `.prisma` files (subfolders included) is one schema,
/// found at `prisma/schema/` or where `prisma.config.ts` says.
@Suite struct SchemaFolderTests {
    func makeFolder(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lql-schema-folder-\(UUID().uuidString)").path
        for (name, text) in files {
            let path = root + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return root
    }

    let datasource = "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n"

    @Test func relationsResolveAcrossFilesAndSubfolders() throws {
        let root = try makeFolder([
            "schema/schema.prisma": datasource,
            "schema/customer.prisma": "model Customer {\n  id     Int     @id\n  orders Order[]\n}\n",
            "schema/sales/order.prisma": "model Order {\n  id         Int      @id\n  customerId Int\n  customer   Customer @relation(fields: [customerId], references: [id])\n}\n",
            "schema/migrations/ignored.prisma": "this is not read",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loaded = try PrismaSchemaReader.load(path: root + "/schema")
        #expect(loaded.diagnostics.filter(\.isError).isEmpty, "\(loaded.diagnostics.map(\.message))")
        let names = loaded.catalog?.models.map(\.name).sorted()
        #expect(names == ["Customer", "Order"])
        #expect(loaded.catalog?.models.first { $0.name == "Customer" }?.relationFields.map(\.name) == ["orders"])
    }

    @Test func anErrorNamesItsOwnFileAndLine() throws {
        let root = try makeFolder([
            "schema/a.prisma": datasource,
            "schema/b.prisma": "model A {\n  id Int @id\n  name Strng\n}\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loaded = try PrismaSchemaReader.load(path: root + "/schema")
        #expect(loaded.catalog == nil)
        let d = try #require(loaded.diagnostics.first { $0.code == .schemaUnknownType })
        #expect(d.notes.first?.message == "in `\(root)/schema/b.prisma`, line 3", "\(d.notes)")
    }

    @Test func aFolderWithoutPrismaFilesIsUnreadable() throws {
        let root = try makeFolder(["schema/readme.md": "no schema here"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(throws: Diagnostic.self) { try PrismaSchemaReader.load(path: root + "/schema") }
    }

    @Test func theLocatorFindsTheFolderAndPrismaConfig() throws {
        let root = try makeFolder(["prisma/schema/a.prisma": datasource])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(SchemaLocator.locate(explicit: nil, environment: [:], workingDirectory: root) == root + "/prisma/schema")
        try "import { defineConfig } from 'prisma/config'\n// schema: 'wrong'\nexport default defineConfig({\n  schema: \"db/models\",\n})\n"
            .write(toFile: root + "/prisma.config.ts", atomically: true, encoding: .utf8)
        #expect(SchemaLocator.locate(explicit: nil, environment: [:], workingDirectory: root) == root + "/db/models")
        #expect(PrismaConfig.schemaValue(in: "export default { schema: `a/b.prisma` }") == "a/b.prisma")
        #expect(PrismaConfig.schemaValue(in: "const x = 1") == nil)
    }
}
