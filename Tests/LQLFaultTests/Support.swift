import Foundation
import LQLPostgres
import LQLTestSupport

/// The Leora schema and a report whose every row names its tenant: customer ids, which the
/// superuser can list per tenant.
enum Fault {
    static let schema = ["--schema", Repository.leoraSchemaPath]
    static let customerIDs = "Customer | select id"

    /// `lql run -e QUERY --format csv` as `--db url --tenant slug`.
    static func runIDs(_ url: String, tenant: String, extra: [String] = []) throws -> ProcessOutcome {
        try runLQL(["run", "-e", customerIDs, "--format", "csv", "--tenant", tenant, "--db", url] + schema + extra)
    }

    /// The data rows of a one-column CSV, sorted.
    static func csvValues(_ out: String) -> [String] {
        Array(out.split(separator: "\n").dropFirst().map(String.init)).sorted()
    }

    /// Customer ids per tenant slug, computed by the superuser.
    static func expectedIDs(_ leora: LeoraCluster) throws -> [String: [String]] {
        var ids: [String: [String]] = [:]
        for slug in LeoraCluster.tenants {
            ids[slug] = try leora.column("SELECT id FROM customers WHERE tenant_id = (SELECT id FROM tenants WHERE slug = $1)", [slug])
        }
        return ids
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
