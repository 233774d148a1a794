import Foundation
import LQL
import LQLPostgres
import LQLCluster
import LQLTenancy

/// One throwaway cluster per test process with the supply-chain example (one schema per tenant)
/// loaded at scale 1 exactly as `lql demo --example supply-chain` loads it, stopped and removed at
/// exit. `ownerURL` is the superuser (for expectations written against `tenant_<slug>.<table>`),
/// `readerURL` is lql_reader, and `scope` is the scope lql itself builds from the schema.
public final class SupplyChainCluster: Sendable {
    public let cluster: LocalCluster
    public let ownerURL: String
    public let readerURL: String
    public let catalog: Catalog
    public static let tenants = SupplyChainExample.tenants
    public static var directory: String { Repository.path("examples/supply-chain") }
    public static var schemaPath: String { directory + "/schema.prisma" }

    private static let started: Result<SupplyChainCluster, any Error> = Result { try SupplyChainCluster() }
    public static func shared() throws -> SupplyChainCluster { try started.get() }

    private init() throws {
        cluster = try ThrowawayClusters.make(prefix: "lql-supply-")
        atexit { SupplyChainCluster.stopAtExit() }
        try cluster.start()
        ownerURL = cluster.url(user: "postgres", database: "postgres")
        readerURL = cluster.url(user: "lql_reader", database: "postgres")
        try SupplyChainExample(directory: SupplyChainCluster.directory).load(on: try Connection(ownerURL), scale: 1)
        guard let catalog = try PrismaSchemaReader.load(path: SupplyChainCluster.schemaPath).catalog else {
            throw ClusterSetupError("examples/supply-chain/schema.prisma does not read into a catalog")
        }
        self.catalog = catalog
    }

    private static func stopAtExit() {
        if case .success(let c) = started { c.cluster.destroy() }
    }

    /// The scope `lql run` uses for this schema: registry lookup, schema checks, search_path.
    public var scope: TenantScope {
        guard case .schemaPerTenant(let s) = catalog.tenancy else { fatalError("the supply-chain schema is schema-per-tenant") }
        let layout = SchemaPerTenantLayout(catalog: catalog, tenancy: s,
                                           migrationsDirectory: SupplyChainCluster.directory + "/migrations")
        return TenantScope(strategy: .schemaPerTenant(layout))
    }

    /// Rows computed by the superuser, for comparing with what lql returns.
    public func rows(_ sql: String, _ params: [String?] = []) throws -> [[String?]] {
        try Connection(ownerURL).execute(sql, params).rows
    }
}

/// Compiles `text` against `catalog` and runs its last query through `scope` on `connection` in
/// `tenant`'s scope, as `lql run` does; returns the rows as PostgreSQL text. Compile errors throw.
public func runCompiledQuery(_ text: String, catalog: Catalog, scope: TenantScope, tenant: String,
                             on connection: Connection, parameters: [String: String] = [:]) throws -> [[String?]] {
    let result = LQLCompiler.compile(source: SourceFile(name: "test.lql", text: text), catalog: catalog, parameters: parameters)
    guard let statement = result.program?.statements.last, !result.hasErrors else {
        throw ClusterSetupError("`\(text)` does not compile: \(result.diagnostics.map(\.message).joined(separator: "; "))")
    }
    return try scope.withTenant(tenant, on: connection) { tx in try tx.execute(statement.sql).rows }
}
