import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTenancy
import LQLTestSupport
import Testing

/// Issue 13 part A's conformance suite: derive, take n by, append, case and windows, each compiled
/// and run as `lql_reader` through the RLS scope, equal to SQL written by hand (window functions
/// over explicit `tenant_id = $1` joins, run by the superuser) in each of the three Leora tenants.
/// Orders are made total (a unique last key) wherever the rows are compared in order.
@Suite struct AnalyticsConformanceTests {
    static let orderColumns = "id, number, customer_id, portal_user_id, sales_rep_id, status, order_date, delivery_date, total, currency"

    static let cases: [ConformanceCase] = [
        // take n by: top-N per group in the order of the last sort
        ConformanceCase(lql: """
                            OrderLine
                            | where order.status in [CONFIRMED, FULFILLED] and order.orderDate in @2025-01-01..@2026-01-01
                            | group by product.category, product.name aggregate revenue: sum(quantity * unitPrice - discount)
                            | sort revenue desc
                            | take 3 by category
                            """,
                        sql: """
                            SELECT category, name, revenue FROM (
                              SELECT category, name, revenue,
                                     row_number() OVER (PARTITION BY category ORDER BY revenue DESC, name) AS rn
                              FROM (SELECT p.category, p.name, sum(l.quantity * l.unit_price - l.discount) AS revenue
                                    FROM order_lines l JOIN orders o ON o.id = l.order_id AND o.tenant_id = $1
                                    JOIN products p ON p.id = l.product_id AND p.tenant_id = $1
                                    WHERE l.tenant_id = $1 AND o.status IN ('CONFIRMED', 'FULFILLED')
                                      AND o.order_date >= '2025-01-01' AND o.order_date < '2026-01-01'
                                    GROUP BY p.category, p.name) g) r
                            WHERE rn <= 3 ORDER BY revenue DESC, category, name
                            """),
        ConformanceCase(lql: "Order | derive net: total - 100 | where customer.tier == VIP | sort net desc | take 2 by customerId",
                        sql: """
                            SELECT \(orderColumns), net FROM (
                              SELECT o.*, o.total - 100 AS net,
                                     row_number() OVER (PARTITION BY o.customer_id ORDER BY o.total - 100 DESC, o.id) AS rn
                              FROM orders o JOIN customers c ON c.id = o.customer_id AND c.tenant_id = $1
                              WHERE o.tenant_id = $1 AND c.tier = 'VIP') r
                            WHERE rn <= 2 ORDER BY net DESC, id
                            """),
        ConformanceCase(lql: "param n: Int = 1\nCustomer | sort createdAt desc | take $n by tier | select tier, name",
                        sql: """
                            SELECT tier, name FROM (SELECT c.*, row_number() OVER (PARTITION BY tier ORDER BY created_at DESC, id) AS rn
                                                    FROM customers c WHERE tenant_id = $1) r
                            WHERE rn <= 2 ORDER BY created_at DESC, id
                            """, parameters: ["n": "2"]),
        // windows in derive / select, over grouped rows and over model rows
        ConformanceCase(lql: """
                            OrderLine | where order.status in [CONFIRMED, FULFILLED]
                            | group by product.category aggregate revenue: sum(quantity * unitPrice - discount)
                            | derive rank: rank() over (sort revenue desc), share: round(revenue / sum(revenue) over (), 4)
                            """,
                        sql: """
                            SELECT category, revenue, rank() OVER (ORDER BY revenue DESC), round(revenue / sum(revenue) OVER (), 4)
                            FROM (SELECT p.category, sum(l.quantity * l.unit_price - l.discount) AS revenue
                                  FROM order_lines l JOIN orders o ON o.id = l.order_id AND o.tenant_id = $1
                                  JOIN products p ON p.id = l.product_id AND p.tenant_id = $1
                                  WHERE l.tenant_id = $1 AND o.status IN ('CONFIRMED', 'FULFILLED') GROUP BY p.category) g
                            """, ordered: false),
        ConformanceCase(lql: """
                            Order | where status in [CONFIRMED, FULFILLED]
                            | group by month: date(trunc(orderDate, "month")) aggregate revenue: sum(total)
                            | derive toDate: sum(revenue) over (sort month),
                                     change: revenue - lag(revenue) over (sort month),
                                     avg3: round(avg(revenue) over (sort month rows 3), 2)
                            | sort month
                            """,
                        sql: """
                            SELECT month, revenue, sum(revenue) OVER w, revenue - lag(revenue) OVER w,
                                   round(avg(revenue) OVER (ORDER BY month ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), 2)
                            FROM (SELECT date_trunc('month', order_date)::date AS month, sum(total) AS revenue FROM orders
                                  WHERE tenant_id = $1 AND status IN ('CONFIRMED', 'FULFILLED') GROUP BY 1) m
                            WINDOW w AS (ORDER BY month)
                            ORDER BY month
                            """),
        ConformanceCase(lql: "Order | select number, customerId, total, r: rank() over (by customerId sort total desc) | where r <= 2 | sort customerId, r, number",
                        sql: """
                            SELECT number, customer_id, total, r FROM (
                              SELECT number, customer_id, total, rank() OVER (PARTITION BY customer_id ORDER BY total DESC) AS r
                              FROM orders WHERE tenant_id = $1) x
                            WHERE r <= 2 ORDER BY customer_id, r, number
                            """),
        ConformanceCase(lql: "Order | derive r: rank() over (by customer.tier sort total desc) | where r <= 3 | select number, tier: customer.tier, total, r | sort tier, r, number",
                        sql: """
                            SELECT number, tier, total, r FROM (
                              SELECT o.number, c.tier, o.total, rank() OVER (PARTITION BY c.tier ORDER BY o.total DESC) AS r
                              FROM orders o JOIN customers c ON c.id = o.customer_id AND c.tenant_id = $1 WHERE o.tenant_id = $1) x
                            WHERE r <= 3 ORDER BY tier, r, number
                            """),
        ConformanceCase(lql: """
                            Order | where status != CANCELLED
                            | select number, q: ntile(4) over (sort total, number), pr: percent_rank() over (sort total),
                                     dr: dense_rank() over (by status sort total desc), n: row_number() over (sort orderDate, number)
                            | sort number
                            """,
                        sql: """
                            SELECT number, ntile(4) OVER (ORDER BY total, number), percent_rank() OVER (ORDER BY total),
                                   dense_rank() OVER (PARTITION BY status ORDER BY total DESC),
                                   row_number() OVER (ORDER BY order_date, number)
                            FROM orders WHERE tenant_id = $1 AND status <> 'CANCELLED' ORDER BY number
                            """),
        ConformanceCase(lql: """
                            Order | select number, prev: lag(total) over (by customerId sort orderDate, number),
                                     next2: lead(total, 2) over (by customerId sort orderDate, number),
                                     f: first(total) over (by customerId sort orderDate, number),
                                     l: last(total) over (by customerId sort orderDate, number)
                            | sort number
                            """,
                        sql: """
                            SELECT number, lag(total) OVER w, lead(total, 2) OVER w,
                                   first_value(total) OVER w, last_value(total) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
                            FROM orders WHERE tenant_id = $1
                            WINDOW w AS (PARTITION BY customer_id ORDER BY order_date, number) ORDER BY number
                            """),
        ConformanceCase(lql: "Invoice | select number, perCustomer: count() over (by customerId), running: count() over (by customerId sort issuedAt, number), moving: sum(total) over (by customerId sort issuedAt, number rows 2) | sort number",
                        sql: """
                            SELECT number, count(*) OVER (PARTITION BY customer_id),
                                   count(*) OVER (PARTITION BY customer_id ORDER BY issued_at, number),
                                   sum(total) OVER (PARTITION BY customer_id ORDER BY issued_at, number ROWS 1 PRECEDING)
                            FROM invoices WHERE tenant_id = $1 ORDER BY number
                            """),
        // derive and case
        ConformanceCase(lql: "Order | derive net: total - 100, big: net > 500 | where big and customer.tier != STANDARD | select number, net, who: customer.name | sort number",
                        sql: """
                            SELECT o.number, o.total - 100, c.name FROM orders o JOIN customers c ON c.id = o.customer_id AND c.tenant_id = $1
                            WHERE o.tenant_id = $1 AND o.total - 100 > 500 AND c.tier <> 'STANDARD' ORDER BY o.number
                            """),
        ConformanceCase(lql: """
                            Customer | derive spent: sum(orders.total) ?? 0
                            | group by band: case when spent >= 5000 then "5k+" when spent >= 1000 then "1k-5k" else "<1k" end
                              aggregate customers: count(), most: max(spent)
                            """,
                        sql: """
                            SELECT CASE WHEN spent >= 5000 THEN '5k+' WHEN spent >= 1000 THEN '1k-5k' ELSE '<1k' END, count(*), max(spent)
                            FROM (SELECT c.id, coalesce(sum(o.total), 0) AS spent FROM customers c
                                  LEFT JOIN orders o ON o.customer_id = c.id AND o.tenant_id = $1
                                  WHERE c.tenant_id = $1 GROUP BY c.id) s GROUP BY 1
                            """, ordered: false),
        ConformanceCase(lql: "Order | select number, weight: case when total > 1000 then 2 when total > 100 then 1.5 end, live: case when status == CANCELLED then 0 else 1 end | sort number",
                        sql: """
                            SELECT number, CASE WHEN total > 1000 THEN 2 WHEN total > 100 THEN 1.5 END,
                                   CASE WHEN status = 'CANCELLED' THEN 0 ELSE 1 END FROM orders WHERE tenant_id = $1 ORDER BY number
                            """),
        // append (UNION ALL), distinct after it (set union), a sort kept through distinct
        ConformanceCase(lql: """
                            let vip = Customer | where tier == VIP | select name, why: "vip"
                            let risky = Customer | where status == AT_RISK | select name, why: "at risk"
                            vip | append risky | sort name, why
                            """,
                        sql: """
                            SELECT name, why FROM (SELECT name, 'vip' AS why FROM customers WHERE tenant_id = $1 AND tier = 'VIP'
                                                   UNION ALL
                                                   SELECT name, 'at risk' FROM customers WHERE tenant_id = $1 AND status = 'AT_RISK') u
                            ORDER BY name, why
                            """),
        ConformanceCase(lql: "Customer | where tier == VIP | select city | append (Customer | where status == AT_RISK | select city) | distinct | sort city",
                        sql: """
                            SELECT city FROM customers WHERE tenant_id = $1 AND tier = 'VIP'
                            UNION SELECT city FROM customers WHERE tenant_id = $1 AND status = 'AT_RISK' ORDER BY city NULLS LAST
                            """),
        ConformanceCase(lql: "Order | sort total desc | select total | distinct",
                        sql: "SELECT DISTINCT total FROM orders WHERE tenant_id = $1 ORDER BY total DESC"),
        ConformanceCase(lql: "Order | sort total desc, number | take 40 | where status == PENDING | select number, total",
                        sql: """
                            SELECT number, total FROM (SELECT * FROM orders WHERE tenant_id = $1 ORDER BY total DESC, number LIMIT 40) o
                            WHERE status = 'PENDING' ORDER BY total DESC, number
                            """),
    ]

    @Test(arguments: cases)
    func lqlEqualsHandWrittenSQLInEveryTenant(_ c: ConformanceCase) throws {
        try expectEqualToHandWrittenSQLInEveryLeoraTenant(c)
    }

    @Test func thereAreAtLeastThirteenQueries() {
        #expect(Self.cases.count >= 13)
    }
}

/// The same constructs in the schema-per-tenant style: no tenant predicates, unqualified tables
/// resolved through search_path, equal to hand-written SQL against `tenant_<slug>.<table>`.
@Suite struct SupplyChainAnalyticsConformanceTests {
    static let cases: [ConformanceCase] = [
        ConformanceCase(lql: "Order | select number, total, r: rank() over (by status sort total desc) | where r <= 2 | sort number",
                        sql: """
                            SELECT number, total, r FROM (SELECT number, total, rank() OVER (PARTITION BY status ORDER BY total DESC) AS r
                                                          FROM {s}.orders) x WHERE r <= 2 ORDER BY number
                            """),
        ConformanceCase(lql: "Order | sort total desc | take 1 by supplierId | select number, total | sort number",
                        sql: """
                            SELECT number, total FROM (SELECT o.*, row_number() OVER (PARTITION BY supplier_id ORDER BY total DESC, id) AS rn
                                                       FROM {s}.orders o) x WHERE rn <= 1 ORDER BY number
                            """),
        ConformanceCase(lql: "Order | where status == PENDING | select number | append (Order | where total > 5000 | select number) | sort number",
                        sql: "SELECT number FROM {s}.orders WHERE status = 'PENDING' UNION ALL SELECT number FROM {s}.orders WHERE total > 5000 ORDER BY number"),
        ConformanceCase(lql: "Order | derive running: sum(total) over (sort orderDate, number) | select number, running | sort number",
                        sql: "SELECT number, sum(total) OVER (ORDER BY order_date, number) FROM {s}.orders ORDER BY number"),
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
