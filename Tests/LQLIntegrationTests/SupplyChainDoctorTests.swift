import Foundation
import LQL
import LQLPostgres
import LQLCluster
import LQLDoctor
import LQLTestSupport
import Testing

/// `lql doctor` on the supply-chain example: sound as shipped (only the note saying which
/// tenant schemas the role reads), and one finding per weakness planted in a copy.
@Suite(.serialized) struct SupplyChainDoctorTests {
    static var migrations: String { SupplyChainCluster.directory + "/migrations" }

    func doctor(_ catalog: Catalog) -> Doctor { Doctor(catalog: catalog, migrationsDirectory: Self.migrations) }

    @Test func asShippedHasNoFindingsButTheNote() throws {
        let db = try SupplyChainCluster.shared()
        let findings = try doctor(db.catalog).examine(try Connection(db.readerURL))
        #expect(findings.filter { $0.severity != .note }.map(\.description) == [])
        #expect(findings.filter { $0.severity == .note }.map { "\($0.code) \($0.subject)" } == ["role-reads-tenant-schemas lql_reader"])
        #expect(findings.first?.message.contains("tenant_acme, tenant_globex, tenant_initech") == true)

        let cli = try runLQL(["doctor", "--db", db.readerURL, "--schema", SupplyChainCluster.schemaPath])
        #expect(cli.status == 0, "\(cli.out)\(cli.err)")
        #expect(cli.out.contains("0 failures, 0 warnings"))
    }

    @Test func everyPlantedWeaknessIsReportedOnce() throws {
        let weak = try SupplyChainWeakDatabase.shared()
        let findings = try doctor(weak.catalog).examine(try Connection(weak.readerURL))
        let reported = findings.filter { $0.severity != .note }.map { "\($0.code) \($0.subject)" }.sorted()
        #expect(reported == SupplyChainWeakDatabase.expectedFindings.sorted(),
                "\(findings.map(\.description).joined(separator: "\n"))")

        let cli = try runLQL(["doctor", "--db", weak.readerURL, "--schema", SupplyChainCluster.schemaPath])
        #expect(cli.status == 1)
        for line in SupplyChainWeakDatabase.expectedFindings { #expect(cli.out.contains(line), "\(line)") }
    }

    /// The scope refuses what the doctor reports: a lagging tenant and a missing table, exit 4.
    @Test func laggingOrIncompleteTenantsAreRefusedWithTheMissingPiece() throws {
        let weak = try SupplyChainWeakDatabase.shared()
        let base = ["-e", "Order | count", "--db", weak.readerURL, "--schema", SupplyChainCluster.schemaPath]
        let lagging = try runLQL(base + ["--tenant", "globex"])
        #expect(lagging.status == 4)
        #expect(lagging.err.contains("tenant `globex`: schema `tenant_globex` lags behind in migrations: `0002_inventory_reorder_point` not applied"), "\(lagging.err)")
        #expect(lagging.out.isEmpty)
        let incomplete = try runLQL(base + ["--tenant", "initech"])
        #expect(incomplete.status == 4)
        #expect(incomplete.err.contains("schema `tenant_initech` has no table `inventory`"), "\(incomplete.err)")
        let missing = try runLQL(base + ["--tenant", "hooli"])
        #expect(missing.status == 4)
        #expect(missing.err.contains("schema `tenant_hooli` does not exist"), "\(missing.err)")
        let sound = try runLQL(base + ["--tenant", "acme", "--format", "csv"])
        #expect(sound.status == 0, "\(sound.err)")
        #expect(sound.out == "count\n800\n")
    }
}

/// A copy of the example in its own database with weaknesses planted, one finding each.
final class SupplyChainWeakDatabase: Sendable {
    let readerURL: String
    let catalog: Catalog
    static let name = "supply_weak"

    static let weaknesses = [
        "DROP TABLE tenant_initech.inventory",
        "DELETE FROM tenant_globex._prisma_migrations WHERE migration_name = '0002_inventory_reorder_point'",
        "CREATE TABLE public.orders (id text)",
        "GRANT USAGE ON SCHEMA tenant_acme TO PUBLIC; GRANT SELECT ON ALL TABLES IN SCHEMA tenant_acme TO PUBLIC",
        "INSERT INTO public.tenants (id, slug, name, schema_name) VALUES ('t-hooli', 'hooli', 'Hooli', 'tenant_hooli')",
        "GRANT INSERT ON tenant_globex.orders TO lql_reader",
    ]
    static let expectedFindings = [
        "table-missing tenant_initech.inventory",
        "migration-missing tenant_globex._prisma_migrations",
        "shared-table-shadows-tenant-table public.orders",
        "tenant-schema-public-access tenant_acme",
        "tenant-schema-missing tenant_hooli",
        "role-can-write lql_reader on tenant_globex.orders",
    ]

    private static let made: Result<SupplyChainWeakDatabase, any Error> = Result { try SupplyChainWeakDatabase() }
    static func shared() throws -> SupplyChainWeakDatabase { try made.get() }

    private init() throws {
        let db = try SupplyChainCluster.shared()
        let admin = try Connection(db.ownerURL)
        try admin.executeScript("DROP DATABASE IF EXISTS \(Self.name) WITH (FORCE)")
        try admin.executeScript("CREATE DATABASE \(Self.name)")
        let owner = try Connection(db.cluster.url(user: "postgres", database: Self.name))
        try SupplyChainExample(directory: SupplyChainCluster.directory).load(on: owner, scale: 1)
        for statement in Self.weaknesses { try owner.executeScript(statement) }
        readerURL = db.cluster.url(user: "lql_reader", database: Self.name)
        catalog = db.catalog
    }
}
