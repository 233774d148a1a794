import Foundation
import LQL
import LQLPostgres
import LQLCluster

/// Where throwaway clusters go (see ThrowawayClusters).
public func throwawayClusterBase() -> String { ThrowawayClusters.base }

/// The Leora example, loaded exactly as `lql demo` loads it: migration, RLS, roles, seed.
public enum LeoraExample {
    public static let files = ["migrations/0001_init/migration.sql", "rls.sql", "roles.sql", "seed.sql"]

    /// Loads the example into the database `ownerURL` (a superuser) names, seeded at `scale`.
    public static func load(into ownerURL: String, scale: Int = 1) throws {
        let db = try Connection(ownerURL)
        for file in files {
            try db.executeScript(String(contentsOfFile: Repository.path("examples/leora/" + file), encoding: .utf8))
        }
        try db.execute("SELECT leora_seed($1::int)", [String(scale)])
        try db.execute("ANALYZE")
    }

    public static func catalog() throws -> Catalog {
        guard let catalog = try PrismaSchemaReader.load(path: Repository.leoraSchemaPath).catalog else {
            throw ClusterSetupError("examples/leora/schema.prisma does not read into a catalog")
        }
        return catalog
    }
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

    private static let started: Result<LeoraCluster, any Error> = Result { try LeoraCluster(prefix: "lql-leora-") }
    public static func shared() throws -> LeoraCluster { try started.get() }

    /// A cluster of one's own (for tests that stop or restart the server): call `destroy()`.
    public static func makePrivate(prefix: String) throws -> LeoraCluster { try LeoraCluster(prefix: prefix) }

    private init(prefix: String) throws {
        cluster = try ThrowawayClusters.make(prefix: prefix)
        if prefix == "lql-leora-" { atexit { LeoraCluster.stopAtExit() } }
        do {
            try cluster.start()
            ownerURL = cluster.url(user: "postgres", database: "postgres")
            readerURL = cluster.url(user: "lql_reader", database: "postgres")
            try LeoraExample.load(into: ownerURL)
            catalog = try LeoraExample.catalog()
        } catch {
            cluster.destroy()
            throw error
        }
    }

    private static func stopAtExit() {
        if case .success(let c) = started { c.cluster.destroy() }
    }

    /// Stops the server and removes the cluster (for private clusters).
    public func destroy() { cluster.destroy() }

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

    /// Every value of the first column, computed by the superuser, sorted.
    public func column(_ sql: String, _ params: [String?] = []) throws -> [String] {
        try Connection(ownerURL).execute(sql, params).rows.map { $0.first.flatMap { $0 } ?? "" }.sorted()
    }
}

public struct ClusterSetupError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
