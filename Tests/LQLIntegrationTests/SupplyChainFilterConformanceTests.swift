import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// Issue 13 part B in the schema-per-tenant style: filtered aggregates, statistics, `in (query)`
/// and shape pipelines resolve every table through the scope's search_path (no tenant
/// predicates) and equal hand-written SQL against `tenant_<slug>.<table>` in each schema.
@Suite struct SupplyChainFilterConformanceTests {
    static let cases: [ConformanceCase] = [
        ConformanceCase(lql: "Order | group by status aggregate n: count(), big: count(where total > 5000), v: sum(total where total > 5000) | sort status",
                        sql: "SELECT status, count(*), count(*) FILTER (WHERE total > 5000), sum(CASE WHEN total > 5000 THEN total END) FROM {s}.orders GROUP BY status ORDER BY status"),
        ConformanceCase(lql: "Supplier | select name, open: sum(orders.total where status in [PENDING, CONFIRMED]) ?? 0, m: median(orders.total) | sort name",
                        sql: """
                            SELECT s.name, coalesce((SELECT sum(o.total) FROM {s}.orders o WHERE o.supplier_id = s.id AND o.status IN ('PENDING', 'CONFIRMED')), 0),
                                   (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY o.total) FROM {s}.orders o WHERE o.supplier_id = s.id)::numeric
                            FROM {s}.suppliers s ORDER BY s.name
                            """),
        ConformanceCase(lql: "Order | aggregate p: percentile(total, 0.9), sd: stddev(total where status != CANCELLED)",
                        sql: "SELECT (percentile_cont(0.9) WITHIN GROUP (ORDER BY total))::numeric, stddev(total) FILTER (WHERE status <> 'CANCELLED') FROM {s}.orders"),
        ConformanceCase(lql: "Product | where id in (Inventory | where onHand < reorderPoint | select productId) | select sku | sort sku",
                        sql: "SELECT p.sku FROM {s}.products p WHERE EXISTS (SELECT 1 FROM {s}.inventory i WHERE i.product_id = p.id AND i.on_hand < i.reorder_point) ORDER BY p.sku"),
        ConformanceCase(lql: "Supplier | select name, top: (orders | sort total desc | take 2) { number } | sort name",
                        sql: """
                            SELECT s.name, coalesce((SELECT json_agg(json_build_object('number', x.number) ORDER BY x.total DESC, x.id)
                              FROM (SELECT * FROM {s}.orders o WHERE o.supplier_id = s.id ORDER BY o.total DESC, o.id LIMIT 2) x), '[]'::json)
                            FROM {s}.suppliers s ORDER BY s.name
                            """),
    ]

    @Test(arguments: cases)
    func lqlEqualsHandWrittenSQLInEveryTenantSchema(_ c: ConformanceCase) throws {
        let db = try SupplyChainCluster.shared()
        let reader = try Connection(db.readerURL)
        var distinct: Set<[String]> = []
        for tenant in SupplyChainCluster.tenants {
            let got = try runCompiledQuery(c.lql, catalog: db.catalog, scope: db.scope, tenant: tenant, on: reader, parameters: c.parameters)
            let want = try db.rows(c.sql.replacingOccurrences(of: "{s}", with: "tenant_" + tenant))
            #expect(normalized(got, c) == normalized(want, c), "tenant \(tenant)")
            distinct.insert(normalized(want, c))
        }
        #expect(distinct.count > 1, "the three tenants gave the same rows")
    }
}
