import Foundation
import Testing
@testable import LQLSchema

/// examples/supply-chain: schema.prisma against the SQL that builds it — registry.sql for the
/// `public` models, every migrations/*/migration.sql (in order) for the per-tenant ones.
@Suite struct SupplyChainMigrationConsistencyTests {
    static let directory = SchemaFixtures.packageRoot + "/examples/supply-chain"
    static func read(_ relative: String) -> String {
        (try? String(contentsOfFile: directory + "/" + relative, encoding: .utf8)) ?? ""
    }
    static var migrationNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/migrations")) ?? [])
            .filter { FileManager.default.fileExists(atPath: directory + "/migrations/\($0)/migration.sql") }.sorted()
    }

    let catalog = try! SchemaFixtures.load("supply-chain").catalog!
    var tenantSQL: MigrationConsistency {
        MigrationConsistency(catalog: catalog, sql: Self.migrationNames.map { Self.read("migrations/\($0)/migration.sql") }.joined(separator: "\n"),
                             models: { $0.isTenantScoped })
    }
    var registrySQL: MigrationConsistency {
        MigrationConsistency(catalog: catalog, sql: Self.read("registry.sql"), models: { $0.isTenantRoot })
    }

    @Test func thereAreMigrations() {
        #expect(Self.migrationNames == ["0001_init", "0002_inventory_reorder_point"])
    }

    @Test(arguments: ["tenant", "registry"])
    func sameTablesColumnsTypesAndNullability(_ part: String) {
        let check = part == "tenant" ? tenantSQL : registrySQL
        let fromSchema = check.schemaColumns, fromSQL = check.migrationColumns
        #expect(!fromSchema.isEmpty)
        #expect(fromSchema.filter { !fromSQL.contains($0) } == [], "only in schema.prisma")
        #expect(fromSQL.filter { !fromSchema.contains($0) } == [], "only in the SQL")
        #expect(fromSchema.count == fromSQL.count)
    }

    @Test(arguments: ["tenant", "registry"])
    func sameIndexesAndForeignKeys(_ part: String) {
        let check = part == "tenant" ? tenantSQL : registrySQL
        let fromSchema = check.schemaIndexesAndForeignKeys, fromSQL = check.migrationIndexesAndForeignKeys
        #expect(Set(fromSchema).subtracting(fromSQL).sorted() == [], "only in schema.prisma")
        #expect(Set(fromSQL).subtracting(fromSchema).sorted() == [], "only in the SQL")
        #expect(fromSchema.count == fromSQL.count)
    }

    @Test func sameEnums() {
        #expect(tenantSQL.schemaEnums == tenantSQL.migrationEnums)
    }
}
