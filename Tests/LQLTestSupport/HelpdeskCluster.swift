import Foundation
import LQL
import LQLPostgres
import LQLCluster
import LQLTenancy

/// The helpdesk example's catalog, read as lql reads it: the schema folder with the tenancy of
/// its `lql.toml` (Organization root, uuid ids, Message scoped through its ticket). The settings
/// are written out here because this module stays free of the TOML reader (its extensions would
/// reach every test target); `HelpdeskConfigurationTests` checks they equal what the shipped file
/// says.
public enum HelpdeskFixture {
    public static var directory: String { Repository.path("examples/helpdesk") }
    public static var configPath: String { directory + "/lql.toml" }
    public static var schemaPath: String { directory + "/schema" }

    public static let tenancy = TenancyConfiguration(
        style: .rls, model: "Organization", key: "organizationId", lookup: ["slug", "id"],
        setting: .name("app.current_organization_id"), through: ["Message": "ticket"], shared: ["Country"],
        sensitive: ["Member.passwordHash"])

    public static func catalog() throws -> Catalog {
        guard let catalog = try PrismaSchemaReader.load(path: schemaPath, configuration: tenancy).catalog else {
            throw ClusterSetupError("examples/helpdesk does not read into a catalog")
        }
        return catalog
    }
}

/// One throwaway cluster per test process with the helpdesk example loaded at scale 1 exactly as
/// `lql demo --example helpdesk` loads it, removed at exit. `readerURL` (lql_reader) is under the
/// example's RLS; `ownerURL` is the superuser, whom RLS does not hold (lql's predicates alone).
public final class HelpdeskCluster: Sendable {
    public let cluster: LocalCluster
    public let ownerURL: String
    public let readerURL: String
    public let catalog: Catalog
    public static let tenants = HelpdeskExample.tenants

    private static let started: Result<HelpdeskCluster, any Error> = Result { try HelpdeskCluster() }
    public static func shared() throws -> HelpdeskCluster { try started.get() }

    private init() throws {
        cluster = try ThrowawayClusters.make(prefix: "lql-helpdesk-")
        atexit { HelpdeskCluster.stopAtExit() }
        try cluster.start()
        ownerURL = cluster.url(user: "postgres", database: "postgres")
        readerURL = cluster.url(user: "lql_reader", database: "postgres")
        try HelpdeskExample(directory: HelpdeskFixture.directory).load(on: try Connection(ownerURL), scale: 1)
        catalog = try HelpdeskFixture.catalog()
    }

    private static func stopAtExit() {
        if case .success(let c) = started { c.cluster.destroy() }
    }

    /// The scope `lql run` builds from the example's configuration (root lookup, uuid `$1`).
    public var scope: TenantScope {
        guard case .rowLevel(let r) = catalog.tenancy else { fatalError("the helpdesk example is row-level") }
        return TenantScope(strategy: .rowLevel(r, catalog: catalog))
    }

    /// An organization's id, read by the superuser.
    public func organizationID(_ slug: String) throws -> String {
        guard let id = try Connection(ownerURL).execute("SELECT id::text FROM organizations WHERE slug = $1", [slug]).scalar else {
            throw ClusterSetupError("no organization \(slug)")
        }
        return id
    }
}
