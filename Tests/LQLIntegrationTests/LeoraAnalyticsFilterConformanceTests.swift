import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// Issue 13 part B's conformance cases: conditional aggregates, statistics, count_distinct over
/// relations, `in (query)`, shape pipelines and the calendar functions, each compared with SQL
/// written by hand (joins, CASE, EXISTS and make_date where lql writes FILTER, correlated
/// subqueries and date_trunc), in each of the three Leora tenants, as in LeoraConformanceTests.
@Suite struct LeoraAnalyticsFilterConformanceTests {
    static let cases: [ConformanceCase] = [
        // Conditional aggregates, grouped and alone
        ConformanceCase(lql: "Order | group by status aggregate n: count(), big: count(where total > 1000), h2: sum(total where orderDate >= @2025-07-01) | sort status",
                        sql: """
                            SELECT status, count(*), sum(CASE WHEN total > 1000 THEN 1 ELSE 0 END),
                                   sum(CASE WHEN order_date >= '2025-07-01' THEN total END)
                            FROM orders WHERE tenant_id = $1 GROUP BY status ORDER BY status
                            """),
        ConformanceCase(lql: """
                            Order | group by rep: salesRep.fullName ?? "Unassigned"
                              aggregate orders: count(), cancelled: count(where status == CANCELLED),
                                        h2: sum(total where orderDate >= @2025-07-01)
                            | sort rep
                            """,
                        sql: """
                            SELECT coalesce(u.full_name, 'Unassigned') AS rep, count(*),
                                   sum(CASE WHEN o.status = 'CANCELLED' THEN 1 ELSE 0 END),
                                   sum(CASE WHEN o.order_date >= '2025-07-01' THEN o.total END)
                            FROM orders o LEFT JOIN users u ON u.id = o.sales_rep_id AND u.tenant_id = $1
                            WHERE o.tenant_id = $1 GROUP BY 1 ORDER BY 1
                            """),
        ConformanceCase(lql: "Customer | aggregate withOrders: count(where any(orders)), vip: count(where tier == VIP), vipOrders: count(where tier == VIP and any(orders where status == FULFILLED))",
                        sql: """
                            SELECT (SELECT count(DISTINCT o.customer_id) FROM orders o WHERE o.tenant_id = $1),
                                   (SELECT count(*) FROM customers WHERE tenant_id = $1 AND tier = 'VIP'),
                                   (SELECT count(DISTINCT c.id) FROM customers c JOIN orders o ON o.customer_id = c.id AND o.tenant_id = $1
                                     WHERE c.tenant_id = $1 AND c.tier = 'VIP' AND o.status = 'FULFILLED')
                            """),
        ConformanceCase(lql: "Order | group by customer.tier aggregate buyers: count_distinct(customerId where status == FULFILLED), avgBig: avg(total where total > 500) | sort tier",
                        sql: """
                            SELECT c.tier, count(DISTINCT CASE WHEN o.status = 'FULFILLED' THEN o.customer_id END),
                                   avg(CASE WHEN o.total > 500 THEN o.total END)
                            FROM orders o JOIN customers c ON c.id = o.customer_id AND c.tenant_id = $1
                            WHERE o.tenant_id = $1 GROUP BY c.tier ORDER BY c.tier
                            """),
        // Over relations, the condition on the related row
        ConformanceCase(lql: "Customer | select accountNumber, fulfilled: sum(orders.total where status == FULFILLED) ?? 0 | sort accountNumber",
                        sql: """
                            SELECT c.account_number, coalesce(sum(CASE WHEN o.status = 'FULFILLED' THEN o.total END), 0)
                            FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.tenant_id = $1
                            WHERE c.tenant_id = $1 GROUP BY c.id, c.account_number ORDER BY c.account_number
                            """),
        ConformanceCase(lql: "Customer | select accountNumber, a: avg(orders.total where status != CANCELLED), hi: max(orders.orderDate where status == FULFILLED), lo: min(orders.total where status == PENDING) | sort accountNumber",
                        sql: """
                            SELECT c.account_number, avg(CASE WHEN o.status <> 'CANCELLED' THEN o.total END),
                                   max(CASE WHEN o.status = 'FULFILLED' THEN o.order_date END),
                                   min(CASE WHEN o.status = 'PENDING' THEN o.total END)
                            FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.tenant_id = $1
                            WHERE c.tenant_id = $1 GROUP BY c.id, c.account_number ORDER BY c.account_number
                            """),
        ConformanceCase(lql: "Customer | select accountNumber, reps: count_distinct(orders.salesRepId), products: count_distinct(orders.lines.productId where quantity > 2) | sort accountNumber",
                        sql: """
                            SELECT c.account_number, count(DISTINCT o.sales_rep_id),
                                   count(DISTINCT CASE WHEN l.quantity > 2 THEN l.product_id END)
                            FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.tenant_id = $1
                            LEFT JOIN order_lines l ON l.order_id = o.id AND l.tenant_id = $1
                            WHERE c.tenant_id = $1 GROUP BY c.id, c.account_number ORDER BY c.account_number
                            """),
        // Statistics
        ConformanceCase(lql: "Order | aggregate m: median(total), p90: percentile(total, 0.9), sd: stddev(total)",
                        sql: """
                            SELECT (percentile_cont(0.5::float8) WITHIN GROUP (ORDER BY total::float8))::numeric,
                                   (percentile_cont(0.9::float8) WITHIN GROUP (ORDER BY total::float8))::numeric,
                                   stddev(total)
                            FROM orders WHERE tenant_id = $1
                            """),
        ConformanceCase(lql: "Order | group by status aggregate m: median(total where total > 100), p: percentile(total, 0.25 where total > 100), sd: stddev(total where total > 100) | sort status",
                        sql: """
                            SELECT s.status,
                                   (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY o.total) FROM orders o
                                     WHERE o.tenant_id = $1 AND o.status = s.status AND o.total > 100)::numeric,
                                   (SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY o.total) FROM orders o
                                     WHERE o.tenant_id = $1 AND o.status = s.status AND o.total > 100)::numeric,
                                   (SELECT stddev(o.total) FROM orders o WHERE o.tenant_id = $1 AND o.status = s.status AND o.total > 100)
                            FROM (SELECT DISTINCT status FROM orders WHERE tenant_id = $1) s ORDER BY s.status
                            """),
        ConformanceCase(lql: "Customer | select accountNumber, m: median(orders.total), sd: stddev(orders.total where status != CANCELLED), p: percentile(orders.total, 0.75) | sort accountNumber",
                        sql: """
                            SELECT c.account_number, (percentile_cont(0.5) WITHIN GROUP (ORDER BY o.total))::numeric,
                                   stddev_samp(CASE WHEN o.status <> 'CANCELLED' THEN o.total END),
                                   (percentile_cont(0.75) WITHIN GROUP (ORDER BY o.total))::numeric
                            FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.tenant_id = $1
                            WHERE c.tenant_id = $1 GROUP BY c.id, c.account_number ORDER BY c.account_number
                            """),
        ConformanceCase(lql: "param p: Decimal = 0.5\nOrder | group by status aggregate q: percentile(total, $p) | sort status",
                        sql: "SELECT status, (percentile_cont(0.75) WITHIN GROUP (ORDER BY total))::numeric FROM orders WHERE tenant_id = $1 GROUP BY status ORDER BY status",
                        parameters: ["p": "0.75"]),
        // x in (query)
        ConformanceCase(lql: "Customer | where id in (Invoice | where status == OVERDUE | select customerId) | select accountNumber | sort accountNumber",
                        sql: """
                            SELECT c.account_number FROM customers c WHERE c.tenant_id = $1
                              AND EXISTS (SELECT 1 FROM invoices i WHERE i.tenant_id = $1 AND i.customer_id = c.id AND i.status = 'OVERDUE')
                            ORDER BY c.account_number
                            """),
        ConformanceCase(lql: "let overdue = Invoice | where status == OVERDUE | select customerId\nCustomer | where id not in overdue | count",
                        sql: """
                            SELECT count(*) FROM customers c WHERE c.tenant_id = $1
                              AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.tenant_id = $1 AND i.customer_id = c.id AND i.status = 'OVERDUE')
                            """),
        ConformanceCase(lql: "User | where id not in (Customer | select salesRepId) | select email | sort email",
                        sql: """
                            SELECT u.email FROM users u WHERE u.tenant_id = $1
                              AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.tenant_id = $1 AND c.sales_rep_id = u.id)
                            ORDER BY u.email
                            """),
        // Shape pipelines (compared as text: the items' order matters)
        ConformanceCase(lql: "Customer | sort accountNumber | take 25 | select accountNumber, recent: (orders | sort orderDate desc | take 3) { number, total }",
                        sql: """
                            SELECT c.account_number,
                                   coalesce((SELECT json_agg(json_build_object('number', x.number, 'total', x.total) ORDER BY x.order_date DESC, x.id)
                                     FROM (SELECT * FROM orders o WHERE o.tenant_id = $1 AND o.customer_id = c.id
                                           ORDER BY o.order_date DESC, o.id LIMIT 3) x), '[]'::json)
                            FROM customers c WHERE c.tenant_id = $1 ORDER BY c.account_number LIMIT 25
                            """),
        ConformanceCase(lql: "Customer | sort accountNumber | take 25 | select accountNumber, open: (orders | where status == PENDING or status == CONFIRMED | skip 1 | take 2) { number }",
                        sql: """
                            SELECT c.account_number,
                                   coalesce((SELECT json_agg(json_build_object('number', x.number) ORDER BY x.id)
                                     FROM (SELECT * FROM orders o WHERE o.tenant_id = $1 AND o.customer_id = c.id
                                           AND o.status IN ('PENDING', 'CONFIRMED') ORDER BY o.id OFFSET 1 LIMIT 2) x), '[]'::json)
                            FROM customers c WHERE c.tenant_id = $1 ORDER BY c.account_number LIMIT 25
                            """),
        ConformanceCase(lql: "Order | sort number | take 20 | select number, lines: (lines | where quantity > 1 | sort product.name) { product.name, quantity }",
                        sql: """
                            SELECT o.number,
                                   coalesce((SELECT json_agg(json_build_object('name', p.name, 'quantity', l.quantity) ORDER BY p.name, l.id)
                                     FROM order_lines l JOIN products p ON p.id = l.product_id AND p.tenant_id = $1
                                     WHERE l.tenant_id = $1 AND l.order_id = o.id AND l.quantity > 1), '[]'::json)
                            FROM orders o WHERE o.tenant_id = $1 ORDER BY o.number LIMIT 20
                            """),
        // Calendar functions and string(x)
        ConformanceCase(lql: "Order | sort number | take 40 | select number, d: days_between(orderDate, deliveryDate), q: quarter(orderDate), w: week(orderDate), wd: weekday(orderDate), h: hour(orderDate)",
                        sql: """
                            SELECT number, (delivery_date AT TIME ZONE 'UTC')::date - (order_date AT TIME ZONE 'UTC')::date,
                                   ((extract(month FROM order_date)::int - 1) / 3) + 1,
                                   to_char(order_date, 'IW')::int, to_char(order_date, 'ID')::int, to_char(order_date, 'HH24')::int
                            FROM orders WHERE tenant_id = $1 ORDER BY number LIMIT 40
                            """),
        ConformanceCase(lql: "Order | group by q: date(trunc(orderDate, \"quarter\")) aggregate n: count(), s: sum(total) | sort q",
                        sql: """
                            SELECT make_date(extract(year FROM order_date)::int, ((extract(month FROM order_date)::int - 1) / 3) * 3 + 1, 1) AS q,
                                   count(*), sum(total)
                            FROM orders WHERE tenant_id = $1 GROUP BY 1 ORDER BY 1
                            """),
        ConformanceCase(lql: "Customer | sort accountNumber | take 30 | select label: name + \" (\" + string(tier) + \")\", s: string(status)",
                        sql: "SELECT format('%s (%s)', name, tier), status::text FROM customers WHERE tenant_id = $1 ORDER BY account_number LIMIT 30"),
    ]

    @Test(arguments: cases)
    func lqlEqualsHandWrittenSQLInEveryTenant(_ c: ConformanceCase) throws {
        try expectEqualToHandWrittenSQLInEveryLeoraTenant(c)
    }
}
