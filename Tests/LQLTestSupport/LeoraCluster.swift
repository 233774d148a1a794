import Foundation
import LQL
import LQLPostgres

/// Where throwaway clusters go: tmpfs when there is one (initdb and fsync-free start are faster).
public func throwawayClusterBase() -> String {
    FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
}

/// One throwaway cluster per test process with the Leora example loaded at scale 1 exactly as
/// `lql demo` loads it (migration, RLS, roles, seed), stopped and removed at exit. Sessions that
/// connect as `lql_reader` are under RLS; `ownerURL` is the superuser, for computing expectations.
public final class LeoraCluster: Sendable {
    public let cluster: LocalCluster
    public let ownerURL: String
    public let readerURL: String
    public let catalog: Catalog
    public static let tenants = ["well-crafted", "harbor-wines", "north-cellars"]

    private static let started: Result<LeoraCluster, any Error> = Result { try LeoraCluster() }
    public static func shared() throws -> LeoraCluster { try started.get() }

    private init() throws {
        cluster = try LocalCluster.temporary(in: throwawayClusterBase(), prefix: "lql-leora-")
        atexit { LeoraCluster.stopAtExit() }
        try cluster.start()
        ownerURL = cluster.url(user: "postgres", database: "postgres")
        readerURL = cluster.url(user: "lql_reader", database: "postgres")
        let db = try Connection(ownerURL)
        for file in ["migrations/0001_init/migration.sql", "rls.sql", "roles.sql", "seed.sql"] {
            try db.executeScript(String(contentsOfFile: Repository.path("examples/leora/" + file), encoding: .utf8))
        }
        try db.execute("SELECT leora_seed($1::int)", ["1"])
        try db.execute("ANALYZE")
        guard let catalog = try PrismaSchemaReader.load(path: Repository.leoraSchemaPath).catalog else {
            throw ClusterSetupError("examples/leora/schema.prisma does not read into a catalog")
        }
        self.catalog = catalog
    }

    private static func stopAtExit() {
        if case .success(let c) = started { c.cluster.destroy() }
    }

    /// The tenant id of a slug, read by the superuser.
    public func tenantID(_ slug: String) throws -> String {
        guard let id = try Connection(ownerURL).execute("SELECT id FROM tenants WHERE slug = $1", [slug]).scalar else {
            throw ClusterSetupError("no tenant \(slug)")
        }
        return id
    }

    /// A single value computed by the superuser, for comparing with what lql returns.
    public func scalar(_ sql: String, _ params: [String?] = []) throws -> String {
        try Connection(ownerURL).execute(sql, params).scalar ?? ""
    }
}

public struct ClusterSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
