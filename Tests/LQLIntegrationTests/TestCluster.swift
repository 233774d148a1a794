import Foundation
import LQLPostgres
import LQLCluster
import LQLTestSupport

/// One private PostgreSQL cluster per test process, started on first use (template copy on
/// tmpfs when there is one), with a small tenant-scoped schema, stopped and removed at exit.
final class TestCluster: Sendable {
    let cluster: LocalCluster
    /// Superuser (owner of the test tables).
    let ownerURL: String
    /// `lql_reader`: SELECT only, not owner, no BYPASSRLS.
    let readerURL: String
    let startSeconds: Double

    private static let started: Result<TestCluster, any Error> = Result { try TestCluster() }

    static func shared() throws -> TestCluster { try started.get() }

    private init() throws {
        let clock = ContinuousClock.now
        cluster = try ThrowawayClusters.make(prefix: "lql-test-")
        atexit { TestCluster.stopAtExit() }
        try cluster.start()
        let elapsed = ContinuousClock.now - clock
        startSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        ownerURL = cluster.url(user: "postgres", database: "postgres")
        readerURL = cluster.url(user: "lql_reader", database: "postgres")
        let db = try Connection(ownerURL)
        for statement in TestCluster.schema { try db.execute(statement) }
    }

    private static func stopAtExit() {
        if case .success(let test) = started { test.cluster.destroy() }
    }

    static let schema = [
        "CREATE ROLE lql_reader LOGIN",
        "CREATE TABLE tenants (id text PRIMARY KEY, slug text UNIQUE NOT NULL, name text NOT NULL)",
        """
        CREATE TABLE customers (id text PRIMARY KEY, tenant_id text NOT NULL REFERENCES tenants(id) CHECK (tenant_id <> ''),
                                name text NOT NULL, balance numeric(12,2))
        """,
        "ALTER TABLE customers ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE customers FORCE ROW LEVEL SECURITY",
        "CREATE POLICY tenant_isolation ON customers USING (tenant_id = NULLIF(current_setting('app.current_tenant_id', true), ''))",
        "GRANT SELECT ON tenants, customers TO lql_reader",
        "INSERT INTO tenants VALUES ('t-1', 'well-crafted', 'Well Crafted'), ('t-2', 'north-wind', 'North Wind'), ('t-3', 'well-known', 'Well Known')",
        """
        INSERT INTO customers VALUES ('c-1', 't-1', 'Bistro', 10.50), ('c-2', 't-1', 'Cafe', NULL),
                                     ('c-3', 't-2', 'Pub', 99.99), ('c-4', 't-3', 'Bar', 1.00)
        """,
    ]
}
