import LQLPostgres
import Foundation

/// Loads `examples/supply-chain` into an empty database, as its README describes: the registry
/// and tenant schemas (registry.sql), every migration into every tenant schema, the read-only
/// role, the seed. The same steps for `lql demo --example supply-chain` and the tests.
public struct SupplyChainExample: Sendable {
    /// The `examples/supply-chain` directory.
    public let directory: String
    public static let tenants = ["acme", "globex", "initech"]

    public init(directory: String) {
        self.directory = directory
    }

    public var migrator: TenantSchemaMigrator { TenantSchemaMigrator(directory: directory + "/migrations") }

    /// Runs as the owner (a superuser in the example) on an empty database.
    public func load(on db: Connection, scale: Int) throws {
        try db.executeScript(try file("registry.sql"))
        let schemas = try db.execute("SELECT schema_name FROM public.tenants ORDER BY slug").rows.compactMap { $0[0] }
        for schema in schemas { try migrator.migrate(schema: schema, on: db) }
        try db.executeScript(try file("roles.sql"))
        try db.executeScript(try file("seed.sql"))
        try db.execute("SELECT supply_seed($1::int)", [String(scale)])
        try db.executeScript("ANALYZE")
    }

    private func file(_ name: String) throws -> String {
        let path = directory + "/" + name
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PostgresError(kind: .client, message: "cannot read \(path)")
        }
        return text
    }
}
