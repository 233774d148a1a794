import Foundation
import LQL
import LQLPostgres
import LQLTestSupport
import Testing

/// One LQL query and the SQL an analyst would write for it by hand against one tenant schema
/// (`{s}` = `tenant_<slug>`, a trusted test constant). `ordered`: the query fixes the row order.
struct ConformanceCase: CustomTestStringConvertible, Sendable {
    var lql: String
    var sql: String
    var ordered = true
    var parameters: [String: String] = [:]
    /// Columns holding JSON (nested shapes): compared as parsed values, arrays as multisets.
    var jsonColumns: Set<Int> = []
    var testDescription: String { lql.replacingOccurrences(of: "\n", with: " ") }
}

/// Rows compared value by value; JSON columns parsed; unordered results as sorted multisets.
func normalized(_ rows: [[String?]], _ c: ConformanceCase) -> [String] {
    let lines = rows.map { row in
        row.enumerated().map { i, v -> String in
            guard let v else { return "NULL" }
            return c.jsonColumns.contains(i) ? canonicalJSON(v) : v
        }.joined(separator: " | ")
    }
    return c.ordered ? lines : lines.sorted()
}

/// JSON text → a canonical text: object keys sorted, arrays sorted (multisets), numbers as written.
func canonicalJSON(_ text: String) -> String {
    guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else { return "invalid JSON: " + text }
    func canon(_ v: Any) -> String {
        switch v {
        case let d as [String: Any]: return "{" + d.keys.sorted().map { "\($0):\(canon(d[$0]!))" }.joined(separator: ",") + "}"
        case let a as [Any]: return "[" + a.map(canon).sorted().joined(separator: ",") + "]"
        case is NSNull: return "null"
        case let n as NSNumber: return n.stringValue
        default: return "\"\(v)\""
        }
    }
    return canon(value)
}

/// Each query's lql result — compiled, run as lql_reader through the schema-per-tenant scope —
/// equals its hand-written SQL run by the superuser against `tenant_<slug>.<table>`, in each of
/// the three tenant schemas.
@Suite struct SupplyChainConformanceTests {
    static let cases: [ConformanceCase] = [
        ConformanceCase(lql: "Order | count", sql: "SELECT count(*) FROM {s}.orders"),
        ConformanceCase(lql: "Order | group by status aggregate n: count() | sort status",
                        sql: "SELECT status, count(*) FROM {s}.orders GROUP BY status ORDER BY status"),
        ConformanceCase(lql: "Order | where status == PENDING | select number, total | sort number",
                        sql: "SELECT number, total FROM {s}.orders WHERE status = 'PENDING' ORDER BY number"),
        ConformanceCase(lql: "Order | where total > 5000 and status != CANCELLED | aggregate n: count(), value: sum(total)",
                        sql: "SELECT count(*), sum(total) FROM {s}.orders WHERE total > 5000 AND status <> 'CANCELLED'"),
        ConformanceCase(lql: "Order | select number, supplier.name, createdBy.fullName | sort number | take 25",
                        sql: """
                            SELECT o.number, s.name, u.full_name FROM {s}.orders o
                            LEFT JOIN {s}.suppliers s ON s.id = o.supplier_id LEFT JOIN {s}.users u ON u.id = o.created_by_id
                            ORDER BY o.number LIMIT 25
                            """),
        ConformanceCase(lql: "OrderItem | where product.category == \"Tools\" | aggregate units: sum(quantity)",
                        sql: "SELECT sum(i.quantity) FROM {s}.order_items i JOIN {s}.products p ON p.id = i.product_id WHERE p.category = 'Tools'"),
        ConformanceCase(lql: "OrderItem | group by category: product.category aggregate revenue: sum(quantity * unitPrice) | sort category",
                        sql: """
                            SELECT p.category, sum(i.quantity * i.unit_price) FROM {s}.order_items i
                            JOIN {s}.products p ON p.id = i.product_id GROUP BY p.category ORDER BY p.category NULLS LAST
                            """),
        ConformanceCase(lql: "Supplier | select name, offers: count(products) | sort name",
                        sql: "SELECT s.name, (SELECT count(*) FROM {s}.supplier_products sp WHERE sp.supplier_id = s.id) FROM {s}.suppliers s ORDER BY s.name"),
        ConformanceCase(lql: "Supplier | select name, open: count(orders where status in [PENDING, CONFIRMED]) | sort name",
                        sql: "SELECT s.name, (SELECT count(*) FROM {s}.orders o WHERE o.supplier_id = s.id AND o.status IN ('PENDING', 'CONFIRMED')) FROM {s}.suppliers s ORDER BY s.name"),
        ConformanceCase(lql: "Supplier | select name, units: sum(orders.items.quantity), lines: count(orders.items) | sort name",
                        sql: """
                            SELECT s.name, sum(i.quantity), count(i.id) FROM {s}.suppliers s
                            LEFT JOIN {s}.orders o ON o.supplier_id = s.id LEFT JOIN {s}.order_items i ON i.order_id = o.id
                            GROUP BY s.id, s.name ORDER BY s.name
                            """),
        ConformanceCase(lql: "Product | select sku, stock: sum(inventory.onHand) | sort sku",
                        sql: "SELECT p.sku, (SELECT sum(on_hand) FROM {s}.inventory i WHERE i.product_id = p.id) FROM {s}.products p ORDER BY p.sku"),
        ConformanceCase(lql: "Product | where any(inventory where onHand < reorderPoint) | count",
                        sql: "SELECT count(*) FROM {s}.products p WHERE EXISTS (SELECT 1 FROM {s}.inventory i WHERE i.product_id = p.id AND i.on_hand < i.reorder_point)"),
        ConformanceCase(lql: "Product | where all(supplierProducts where leadTimeDays < 30) | select sku | sort sku",
                        sql: "SELECT p.sku FROM {s}.products p WHERE NOT EXISTS (SELECT 1 FROM {s}.supplier_products sp WHERE sp.product_id = p.id AND NOT (sp.lead_time_days < 30)) ORDER BY p.sku"),
        ConformanceCase(lql: "Order | where orderDate >= @2026-01-01 and orderDate < @2026-04-01 | count",
                        sql: "SELECT count(*) FROM {s}.orders WHERE order_date >= '2026-01-01' AND order_date < '2026-04-01'"),
        ConformanceCase(lql: "Order | where orderDate in @2026-01-01..@2026-07-01 | group by month: trunc(orderDate, \"month\") aggregate n: count() | sort month",
                        sql: "SELECT date_trunc('month', order_date), count(*) FROM {s}.orders WHERE order_date >= '2026-01-01' AND order_date < '2026-07-01' GROUP BY 1 ORDER BY 1"),
        ConformanceCase(lql: "param minTotal: Decimal\nOrder | where total >= $minTotal | count",
                        sql: "SELECT count(*) FROM {s}.orders WHERE total >= 10000", parameters: ["minTotal": "10000"]),
        ConformanceCase(lql: "param st: OrderStatus = FULFILLED\nparam n: Int = 7\nOrder | where status == $st | sort orderDate desc, number | take $n | select number",
                        sql: "SELECT number FROM {s}.orders WHERE status = 'FULFILLED' ORDER BY order_date DESC, number LIMIT 7"),
        ConformanceCase(lql: "Order | where number ~ \"-10001\" | select number, supplier { name, country }, items { quantity, unitPrice }",
                        sql: """
                            SELECT o.number,
                                   (SELECT json_build_object('name', s.name, 'country', s.country) FROM {s}.suppliers s WHERE s.id = o.supplier_id),
                                   (SELECT coalesce(json_agg(json_build_object('quantity', i.quantity, 'unitPrice', i.unit_price)), '[]') FROM {s}.order_items i WHERE i.order_id = o.id)
                            FROM {s}.orders o WHERE o.number LIKE '%-10001'
                            """, ordered: false, jsonColumns: [1, 2]),
        ConformanceCase(lql: "User | select email, fullName, orders: count(orders) | sort email",
                        sql: "SELECT u.email, u.full_name, (SELECT count(*) FROM {s}.orders o WHERE o.created_by_id = u.id) FROM {s}.users u ORDER BY u.email"),
        ConformanceCase(lql: "SupplierProduct | group by country: supplier.country aggregate n: count(), fastest: min(leadTimeDays) | sort country",
                        sql: "SELECT s.country, count(*), min(sp.lead_time_days) FROM {s}.supplier_products sp JOIN {s}.suppliers s ON s.id = sp.supplier_id GROUP BY s.country ORDER BY s.country NULLS LAST"),
        ConformanceCase(lql: "Inventory | where location == \"Rotterdam\" and onHand < reorderPoint | select sku: product.sku, short: reorderPoint - onHand | sort short desc, sku",
                        sql: "SELECT p.sku, i.reorder_point - i.on_hand FROM {s}.inventory i JOIN {s}.products p ON p.id = i.product_id WHERE i.location = 'Rotterdam' AND i.on_hand < i.reorder_point ORDER BY 2 DESC, 1"),
        ConformanceCase(lql: "Order | sort total desc, number | skip 5 | take 10 | select number, total",
                        sql: "SELECT number, total FROM {s}.orders ORDER BY total DESC, number OFFSET 5 LIMIT 10"),
        ConformanceCase(lql: "Product | where name ~ \"o'ring\" or name ~ \"100%\" | select sku, name | sort sku",
                        sql: "SELECT sku, name FROM {s}.products WHERE strpos(lower(name), 'o''ring') > 0 OR strpos(name, '100%') > 0 ORDER BY sku"),
        ConformanceCase(lql: "Order | group by status aggregate avgTotal: avg(total), maxTotal: max(total) | sort status",
                        sql: "SELECT status, avg(total), max(total) FROM {s}.orders GROUP BY status ORDER BY status"),
        ConformanceCase(lql: "Product | where category is null | select sku | sort sku",
                        sql: "SELECT sku FROM {s}.products WHERE category IS NULL ORDER BY sku"),
        ConformanceCase(lql: "Order | select number, lines: count(items), units: sum(items.quantity) | sort number | take 30",
                        sql: "SELECT o.number, (SELECT count(*) FROM {s}.order_items i WHERE i.order_id = o.id), (SELECT sum(quantity) FROM {s}.order_items i WHERE i.order_id = o.id) FROM {s}.orders o ORDER BY o.number LIMIT 30"),
        ConformanceCase(lql: "OrderItem | where order.supplier.country == \"USA\" | aggregate n: count()",
                        sql: "SELECT count(*) FROM {s}.order_items i JOIN {s}.orders o ON o.id = i.order_id JOIN {s}.suppliers s ON s.id = o.supplier_id WHERE s.country = 'USA'"),
        ConformanceCase(lql: "Order | select status | distinct | sort status",
                        sql: "SELECT DISTINCT status FROM {s}.orders ORDER BY status"),
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
        // The tenants' data differ, so a scope that read the wrong schema could not pass.
        #expect(distinct.count > 1 || c.lql.contains("distinct"), "the three tenants gave the same rows")
    }

    @Test func thereAreAtLeastTwentyQueries() {
        #expect(Self.cases.count >= 20)
    }
}
