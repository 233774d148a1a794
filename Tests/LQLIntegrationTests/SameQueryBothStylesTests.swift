import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// THE BAR of issue 6: the same LQL text runs unchanged in both tenancy styles wherever the
/// models match. Each text runs against the Leora cluster (RLS, `tenant_id`) and the supply-chain
/// cluster (schema per tenant) in every tenant, and equals its hand-written SQL in each.
struct BothStylesCase: CustomTestStringConvertible, Sendable {
    var lql: String
    /// Leora: `$1` = the tenant id.
    var leoraSQL: String
    /// Supply chain: `{s}` = `tenant_<slug>`.
    var supplySQL: String
    var testDescription: String { lql }
}

@Suite struct SameQueryBothStylesTests {
    static let cases: [BothStylesCase] = [
        BothStylesCase(lql: "Order | group by status aggregate n: count() | sort status",
                       leoraSQL: "SELECT status, count(*) FROM orders WHERE tenant_id = $1 GROUP BY status ORDER BY status",
                       supplySQL: "SELECT status, count(*) FROM {s}.orders GROUP BY status ORDER BY status"),
        BothStylesCase(lql: "Order | count",
                       leoraSQL: "SELECT count(*) FROM orders WHERE tenant_id = $1",
                       supplySQL: "SELECT count(*) FROM {s}.orders"),
        BothStylesCase(lql: "Order | where status == PENDING | aggregate n: count(), value: sum(total)",
                       leoraSQL: "SELECT count(*), sum(total) FROM orders WHERE tenant_id = $1 AND status = 'PENDING'",
                       supplySQL: "SELECT count(*), sum(total) FROM {s}.orders WHERE status = 'PENDING'"),
        BothStylesCase(lql: "Order | where orderDate >= @2026-01-01 | select number, total | sort number | take 10",
                       leoraSQL: "SELECT number, total FROM orders WHERE tenant_id = $1 AND order_date >= '2026-01-01' ORDER BY number LIMIT 10",
                       supplySQL: "SELECT number, total FROM {s}.orders WHERE order_date >= '2026-01-01' ORDER BY number LIMIT 10"),
        BothStylesCase(lql: "Order | where deliveryDate is null and status != CANCELLED | count",
                       leoraSQL: "SELECT count(*) FROM orders WHERE tenant_id = $1 AND delivery_date IS NULL AND status <> 'CANCELLED'",
                       supplySQL: "SELECT count(*) FROM {s}.orders WHERE delivery_date IS NULL AND status <> 'CANCELLED'"),
        BothStylesCase(lql: "Order | group by month: trunc(orderDate, \"month\") aggregate n: count(), value: sum(total) | sort month desc | take 6",
                       leoraSQL: "SELECT date_trunc('month', order_date), count(*), sum(total) FROM orders WHERE tenant_id = $1 GROUP BY 1 ORDER BY 1 DESC LIMIT 6",
                       supplySQL: "SELECT date_trunc('month', order_date), count(*), sum(total) FROM {s}.orders GROUP BY 1 ORDER BY 1 DESC LIMIT 6"),
        BothStylesCase(lql: "Product | group by category aggregate n: count() | sort category",
                       leoraSQL: "SELECT category, count(*) FROM products WHERE tenant_id = $1 GROUP BY category ORDER BY category",
                       supplySQL: "SELECT category, count(*) FROM {s}.products GROUP BY category ORDER BY category"),
        BothStylesCase(lql: "Supplier | select name, country | sort name, country | take 5",
                       leoraSQL: "SELECT name, country FROM suppliers WHERE tenant_id = $1 ORDER BY name, country LIMIT 5",
                       supplySQL: "SELECT name, country FROM {s}.suppliers ORDER BY name, country LIMIT 5"),
        BothStylesCase(lql: "User | select email, fullName | sort email | take 5",
                       leoraSQL: "SELECT email, full_name FROM users WHERE tenant_id = $1 ORDER BY email LIMIT 5",
                       supplySQL: "SELECT email, full_name FROM {s}.users ORDER BY email LIMIT 5"),
        BothStylesCase(lql: "Inventory | aggregate units: sum(onHand), places: count_distinct(location)",
                       leoraSQL: "SELECT sum(on_hand), count(DISTINCT location) FROM inventory WHERE tenant_id = $1",
                       supplySQL: "SELECT sum(on_hand), count(DISTINCT location) FROM {s}.inventory"),
        BothStylesCase(lql: "Order | sort total desc, number | take 3 | select number, status, total",
                       leoraSQL: "SELECT number, status, total FROM orders WHERE tenant_id = $1 ORDER BY total DESC, number LIMIT 3",
                       supplySQL: "SELECT number, status, total FROM {s}.orders ORDER BY total DESC, number LIMIT 3"),
    ]

    @Test(arguments: cases)
    func sameTextBothStyles(_ c: BothStylesCase) throws {
        let leora = try LeoraCluster.shared()
        guard case .rowLevel = leora.catalog.tenancy else { Issue.record("Leora is not row-level"); return }
        let leoraReader = try Connection(leora.readerURL)
        for tenant in LeoraCluster.tenants {
            let got = try runCompiledQuery(c.lql, catalog: leora.catalog, scope: TenantScope(), tenant: tenant, on: leoraReader)
            let want = try Connection(leora.ownerURL).execute(c.leoraSQL, [try leora.tenantID(tenant)]).rows
            #expect(got == want, "leora \(tenant)")
            #expect(!want.isEmpty)
        }
        let supply = try SupplyChainCluster.shared()
        guard case .schemaPerTenant = supply.catalog.tenancy else { Issue.record("supply chain is not schema-per-tenant"); return }
        let supplyReader = try Connection(supply.readerURL)
        for tenant in SupplyChainCluster.tenants {
            let got = try runCompiledQuery(c.lql, catalog: supply.catalog, scope: supply.scope, tenant: tenant, on: supplyReader)
            let want = try supply.rows(c.supplySQL.replacingOccurrences(of: "{s}", with: "tenant_" + tenant))
            #expect(got == want, "supply-chain \(tenant)")
            #expect(!want.isEmpty)
        }
    }

    /// The same text through the CLI: `--schema` alone decides the style.
    @Test func sameTextThroughTheCLI() throws {
        let text = "Order | group by status aggregate n: count() | sort status"
        let leora = try LeoraCluster.shared(), supply = try SupplyChainCluster.shared()
        let a = try runLQL(["-e", text, "--db", leora.readerURL, "--schema", Repository.leoraSchemaPath, "--tenant", "well-crafted", "--format", "csv"])
        let b = try runLQL(["-e", text, "--db", supply.readerURL, "--schema", SupplyChainCluster.schemaPath, "--tenant", "acme", "--format", "csv"])
        #expect(a.status == 0 && b.status == 0, "\(a.err)\(b.err)")
        let wantA = try Connection(leora.ownerURL).execute("SELECT status, count(*) FROM orders WHERE tenant_id = $1 GROUP BY 1 ORDER BY 1",
                                                           [try leora.tenantID("well-crafted")]).rows
        let wantB = try supply.rows("SELECT status, count(*) FROM tenant_acme.orders GROUP BY 1 ORDER BY 1")
        #expect(a.out == "status,n\n" + wantA.map { "\($0[0]!),\($0[1]!)\n" }.joined())
        #expect(b.out == "status,n\n" + wantB.map { "\($0[0]!),\($0[1]!)\n" }.joined())
    }
}
