import Foundation
import LQLDiagnostics
import Testing
@testable import LQLSchema

/// schema.prisma and migrations/0001_init/migration.sql must describe the same database
/// (LEORA-CONVENTIONS).
let leoraMigrationPath = SchemaFixtures.packageRoot + "/examples/leora/migrations/0001_init/migration.sql"

@Suite(.enabled(if: FileManager.default.fileExists(atPath: leoraMigrationPath)))
struct LeoraMigrationConsistencyTests {
    let check = MigrationConsistency(catalog: try! SchemaFixtures.load("leora").catalog!,
                                     sql: (try? String(contentsOfFile: leoraMigrationPath, encoding: .utf8)) ?? "")

    @Test func sameTablesColumnsTypesAndNullability() {
        let fromSchema = check.schemaColumns, fromSQL = check.migrationColumns
        // Differences first (readable failures), then the order.
        #expect(fromSchema.filter { !fromSQL.contains($0) } == [], "only in schema.prisma")
        #expect(fromSQL.filter { !fromSchema.contains($0) } == [], "only in migration.sql")
        #expect(fromSchema == fromSQL)
    }

    @Test func sameIndexesAndForeignKeys() {
        let fromSchema = check.schemaIndexesAndForeignKeys, fromSQL = check.migrationIndexesAndForeignKeys
        #expect(Set(fromSchema).subtracting(fromSQL).sorted() == [], "only in schema.prisma")
        #expect(Set(fromSQL).subtracting(fromSchema).sorted() == [], "only in migration.sql")
        #expect(fromSchema.count == fromSQL.count)
    }

    @Test func sameEnums() {
        #expect(check.schemaEnums == check.migrationEnums)
    }
}
