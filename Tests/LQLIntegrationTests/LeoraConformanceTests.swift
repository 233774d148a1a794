import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// Issue 3's conformance suite: each LQL query's result — compiled, run as `lql_reader` through the
/// RLS tenant scope that `lql run` uses — equals SQL written by hand from language.md's semantics
/// (explicit `tenant_id = $1` on every table, the tenant id as `$1`) run by the superuser, which
/// bypasses RLS, in each of the three Leora tenants. The hand-written SQL is deliberately not the
/// compiler's shape: joins, EXISTS and FILTER where lql writes correlated subqueries.
@Suite struct LeoraConformanceTests {
    static let cases: [ConformanceCase] = [
        // Counting and filtering
        ConformanceCase(lql: "Order | count", sql: "SELECT count(*) FROM orders WHERE tenant_id = $1"),
        ConformanceCase(lql: "Customer | where status == ACTIVE | count",
                        sql: "SELECT count(*) FROM customers WHERE tenant_id = $1 AND status = 'ACTIVE'"),
        ConformanceCase(lql: "Order | where status == PENDING | where total > 500 | count",
                        sql: "SELECT count(*) FROM orders WHERE tenant_id = $1 AND status = 'PENDING' AND total > 500"),
        ConformanceCase(lql: "Order | where status != CANCELLED and (total >= 1000 or currency == \"CAD\") | select number | sort number",
                        sql: "SELECT number FROM orders WHERE tenant_id = $1 AND status <> 'CANCELLED' AND (total >= 1000 OR currency = 'CAD') ORDER BY number"),
        ConformanceCase(lql: "Order | where not (status in [PENDING, CANCELLED]) | count",
                        sql: "SELECT count(*) FROM orders WHERE tenant_id = $1 AND NOT (status IN ('PENDING', 'CANCELLED'))"),
        ConformanceCase(lql: "Invoice | where status not in [PAID, VOID] | select number, balanceDue | sort number",
                        sql: "SELECT number, balance_due FROM invoices WHERE tenant_id = $1 AND status NOT IN ('PAID', 'VOID') ORDER BY number"),
        ConformanceCase(lql: "Customer | where email is null | select accountNumber | sort accountNumber",
                        sql: "SELECT account_number FROM customers WHERE tenant_id = $1 AND email IS NULL ORDER BY account_number"),
        ConformanceCase(lql: "Customer | where phone is not null and city != \"Napa\" | count",
                        sql: "SELECT count(*) FROM customers WHERE tenant_id = $1 AND phone IS NOT NULL AND city <> 'Napa'"),
        ConformanceCase(lql: "Order | where orderDate in @2025-01-01..@2025-07-01 | count",
                        sql: "SELECT count(*) FROM orders WHERE tenant_id = $1 AND order_date >= '2025-01-01' AND order_date < '2025-07-01'"),
        ConformanceCase(lql: "Order | where deliveryDate is null and status == FULFILLED | count",
                        sql: "SELECT count(*) FROM orders WHERE tenant_id = $1 AND delivery_date IS NULL AND status = 'FULFILLED'"),
        // `~`: case-insensitive substring, % and _ literal
        ConformanceCase(lql: "Customer | where name ~ \"BAR\" | select name | sort name",
                        sql: "SELECT name FROM customers WHERE tenant_id = $1 AND strpos(lower(name), 'bar') > 0 ORDER BY name"),
        ConformanceCase(lql: "Customer | where name ~ \"100%\" or name ~ \"r_c\" | select name | sort name",
                        sql: "SELECT name FROM customers WHERE tenant_id = $1 AND (strpos(lower(name), '100%') > 0 OR strpos(lower(name), 'r_c') > 0) ORDER BY name"),
        ConformanceCase(lql: "Customer | where name ~ \"'\" | count",
                        sql: "SELECT count(*) FROM customers WHERE tenant_id = $1 AND strpos(name, '''') > 0"),
        // select, sort, take, skip, distinct
        ConformanceCase(lql: "Order | select number, total | sort total desc, number | take 15",
                        sql: "SELECT number, total FROM orders WHERE tenant_id = $1 ORDER BY total DESC, number LIMIT 15"),
        ConformanceCase(lql: "Order | sort number | skip 10 | take 5 | select number",
                        sql: "SELECT number FROM orders WHERE tenant_id = $1 ORDER BY number OFFSET 10 LIMIT 5"),
        ConformanceCase(lql: "Order | sort number | take 20 | skip 15 | select number",
                        sql: "SELECT number FROM (SELECT number FROM orders WHERE tenant_id = $1 ORDER BY number LIMIT 20) s ORDER BY number OFFSET 15"),
        ConformanceCase(lql: "Customer | select city | distinct | sort city",
                        sql: "SELECT DISTINCT city FROM customers WHERE tenant_id = $1 ORDER BY city NULLS LAST"),
        ConformanceCase(lql: "Customer | sort city desc, accountNumber | select accountNumber, city | take 30",
                        sql: "SELECT account_number, city FROM customers WHERE tenant_id = $1 ORDER BY city DESC NULLS LAST, account_number LIMIT 30"),
        // To-one paths (LEFT JOIN semantics: null when any link is null)
        ConformanceCase(lql: "Order | select number, customer.name, salesRep.fullName | sort number | take 40",
                        sql: """
                            SELECT o.number, c.name, u.full_name FROM orders o
                            JOIN customers c ON c.id = o.customer_id AND c.tenant_id = $1
                            LEFT JOIN users u ON u.id = o.sales_rep_id AND u.tenant_id = $1
                            WHERE o.tenant_id = $1 ORDER BY o.number LIMIT 40
                            """),
        ConformanceCase(lql: "Invoice | select number, customer.salesRep.fullName | sort number",
                        sql: """
                            SELECT i.number, u.full_name FROM invoices i
                            JOIN customers c ON c.id = i.customer_id AND c.tenant_id = $1
                            LEFT JOIN users u ON u.id = c.sales_rep_id AND u.tenant_id = $1
                            WHERE i.tenant_id = $1 ORDER BY i.number
                            """),
        ConformanceCase(lql: "Payment | where invoice.customer.tier == VIP | aggregate n: count(), total: sum(amount)",
                        sql: """
                            SELECT count(*), sum(p.amount) FROM payments p
                            JOIN invoices i ON i.id = p.invoice_id AND i.tenant_id = $1
                            JOIN customers c ON c.id = i.customer_id AND c.tenant_id = $1
                            WHERE p.tenant_id = $1 AND c.tier = 'VIP'
                            """),
        ConformanceCase(lql: "Order | where salesRep is null | count",
                        sql: "SELECT count(*) FROM orders WHERE tenant_id = $1 AND sales_rep_id IS NULL"),
        ConformanceCase(lql: "Invoice | where order.status == FULFILLED | select number, order.number | sort number",
                        sql: """
                            SELECT i.number, o.number FROM invoices i JOIN orders o ON o.id = i.order_id AND o.tenant_id = $1
                            WHERE i.tenant_id = $1 AND o.status = 'FULFILLED' ORDER BY i.number
                            """),
        // To-many aggregates: no fan-out, count 0 when none
        ConformanceCase(lql: "Customer | select accountNumber, n: count(orders) | sort accountNumber",
                        sql: """
                            SELECT c.account_number, count(o.id) FROM customers c
                            LEFT JOIN orders o ON o.customer_id = c.id AND o.tenant_id = $1
                            WHERE c.tenant_id = $1 GROUP BY c.id, c.account_number ORDER BY c.account_number
                            """),
        ConformanceCase(lql: "Customer | select accountNumber, open: count(orders where status == PENDING), spent: sum(orders.total) ?? 0 | sort accountNumber",
                        sql: """
                            SELECT c.account_number, count(o.id) FILTER (WHERE o.status = 'PENDING'), coalesce(sum(o.total), 0)
                            FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.tenant_id = $1
                            WHERE c.tenant_id = $1 GROUP BY c.id, c.account_number ORDER BY c.account_number
                            """),
        ConformanceCase(lql: "Customer | select accountNumber, first: min(orders.orderDate), last: max(orders.orderDate) | sort accountNumber",
                        sql: """
                            SELECT c.account_number, min(o.order_date), max(o.order_date)
                            FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.tenant_id = $1
                            WHERE c.tenant_id = $1 GROUP BY c.id, c.account_number ORDER BY c.account_number
                            """),
        ConformanceCase(lql: "Order | select number, avgLine: avg(lines.quantity) | sort number | take 50",
                        sql: """
                            SELECT o.number, avg(l.quantity) FROM orders o
                            LEFT JOIN order_lines l ON l.order_id = o.id AND l.tenant_id = $1
                            WHERE o.tenant_id = $1 GROUP BY o.id, o.number ORDER BY o.number LIMIT 50
                            """),
        ConformanceCase(lql: "Customer | where any(healthSnapshots where riskLevel == HIGH) | select accountNumber | sort accountNumber",
                        sql: """
                            SELECT c.account_number FROM customers c WHERE c.tenant_id = $1 AND EXISTS (
                                SELECT 1 FROM account_health_snapshots h WHERE h.tenant_id = $1 AND h.customer_id = c.id AND h.risk_level = 'HIGH')
                            ORDER BY c.account_number
                            """),
        ConformanceCase(lql: "Customer | where all(orders where status == FULFILLED) | count",
                        sql: """
                            SELECT count(*) FROM customers c WHERE c.tenant_id = $1 AND NOT EXISTS (
                                SELECT 1 FROM orders o WHERE o.tenant_id = $1 AND o.customer_id = c.id AND o.status IS DISTINCT FROM 'FULFILLED')
                            """),
        ConformanceCase(lql: "Customer | where not any(orders) | count",
                        sql: "SELECT count(*) FROM customers c WHERE c.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.tenant_id = $1 AND o.customer_id = c.id)"),
        // Collections through two to-many steps: every line of every order, each once
        ConformanceCase(lql: "Customer | select accountNumber, units: sum(orders.lines.quantity), lines: count(orders.lines), avgPrice: avg(orders.lines.unitPrice) | sort accountNumber",
                        sql: """
                            SELECT c.account_number, sum(l.quantity), count(l.id), avg(l.unit_price) FROM customers c
                            LEFT JOIN orders o ON o.customer_id = c.id AND o.tenant_id = $1
                            LEFT JOIN order_lines l ON l.order_id = o.id AND l.tenant_id = $1
                            WHERE c.tenant_id = $1 GROUP BY c.id, c.account_number ORDER BY c.account_number
                            """),
        ConformanceCase(lql: "Customer | where any(orders.lines where quantity > 20) | count",
                        sql: """
                            SELECT count(*) FROM customers c WHERE c.tenant_id = $1 AND EXISTS (
                                SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id AND l.tenant_id = $1
                                WHERE o.tenant_id = $1 AND o.customer_id = c.id AND l.quantity > 20)
                            """),
        ConformanceCase(lql: "Invoice | select number, lines: count(customer.orders.lines) | sort number | take 40",
                        sql: """
                            SELECT i.number, (SELECT count(*) FROM orders o JOIN order_lines l ON l.order_id = o.id AND l.tenant_id = $1
                                              WHERE o.tenant_id = $1 AND o.customer_id = i.customer_id)
                            FROM invoices i WHERE i.tenant_id = $1 ORDER BY i.number LIMIT 40
                            """),
        ConformanceCase(lql: "Order | where count(lines) >= 4 | count",
                        sql: "SELECT count(*) FROM orders o WHERE o.tenant_id = $1 AND (SELECT count(*) FROM order_lines l WHERE l.tenant_id = $1 AND l.order_id = o.id) >= 4"),
        // group / aggregate
        ConformanceCase(lql: "Order | group by status aggregate n: count(), value: sum(total) | sort status",
                        sql: "SELECT status, count(*), sum(total) FROM orders WHERE tenant_id = $1 GROUP BY status ORDER BY status"),
        ConformanceCase(lql: "Order | group by customer.tier aggregate n: count(), avgTotal: avg(total) | sort tier",
                        sql: """
                            SELECT c.tier, count(*), avg(o.total) FROM orders o JOIN customers c ON c.id = o.customer_id AND c.tenant_id = $1
                            WHERE o.tenant_id = $1 GROUP BY c.tier ORDER BY c.tier
                            """),
        ConformanceCase(lql: "OrderLine | group by product.category aggregate revenue: sum(quantity * unitPrice - discount), orders: count_distinct(orderId) | sort category",
                        sql: """
                            SELECT p.category, sum(l.quantity * l.unit_price - l.discount), count(DISTINCT l.order_id)
                            FROM order_lines l JOIN products p ON p.id = l.product_id AND p.tenant_id = $1
                            WHERE l.tenant_id = $1 GROUP BY p.category ORDER BY p.category
                            """),
        ConformanceCase(lql: "Order | group by month: trunc(orderDate, \"month\") aggregate n: count() | sort month",
                        sql: "SELECT date_trunc('month', order_date), count(*) FROM orders WHERE tenant_id = $1 GROUP BY 1 ORDER BY 1"),
        ConformanceCase(lql: "Order | group by status aggregate n: count() | where n > 50 | sort n desc, status",
                        sql: "SELECT status, count(*) AS n FROM orders WHERE tenant_id = $1 GROUP BY status HAVING count(*) > 50 ORDER BY n DESC, status"),
        ConformanceCase(lql: "Invoice | aggregate open: count(balanceDue), owed: sum(balanceDue), biggest: max(total), smallest: min(total)",
                        sql: "SELECT count(balance_due), sum(balance_due), max(total), min(total) FROM invoices WHERE tenant_id = $1"),
        // Expressions and functions
        ConformanceCase(lql: "Customer | sort accountNumber | take 25 | select upper(accountNumber), length(name), lower(trim(name))",
                        sql: "SELECT upper(account_number), length(name), lower(btrim(name)) FROM customers WHERE tenant_id = $1 ORDER BY account_number LIMIT 25"),
        ConformanceCase(lql: "Customer | where starts_with(name, \"Caf\") or ends_with(name, \"Bar\") | select name | sort name",
                        sql: "SELECT name FROM customers WHERE tenant_id = $1 AND (starts_with(name, 'Caf') OR right(name, 3) = 'Bar') ORDER BY name"),
        ConformanceCase(lql: "Customer | select accountNumber, place: city ?? \"unknown\" | sort accountNumber",
                        sql: "SELECT account_number, coalesce(city, 'unknown') FROM customers WHERE tenant_id = $1 ORDER BY account_number"),
        ConformanceCase(lql: "OrderLine | select id, net: quantity * unitPrice - discount, half: quantity / 2, rest: quantity % 3 | sort id | take 40",
                        sql: "SELECT id, quantity * unit_price - discount, quantity::numeric / 2, quantity % 3 FROM order_lines WHERE tenant_id = $1 ORDER BY id LIMIT 40"),
        ConformanceCase(lql: "Order | group by y: year(orderDate) aggregate n: count() | sort y",
                        sql: "SELECT extract(year FROM order_date), count(*) FROM orders WHERE tenant_id = $1 GROUP BY 1 ORDER BY 1"),
        ConformanceCase(lql: "Payment | select id, round(amount), abs(-amount) | sort id | take 30",
                        sql: "SELECT id, round(amount), abs(-amount) FROM payments WHERE tenant_id = $1 ORDER BY id LIMIT 30"),
        // Parameters
        ConformanceCase(lql: "param minTotal: Decimal = 100\nOrder | where total >= $minTotal | count",
                        sql: "SELECT count(*) FROM orders WHERE tenant_id = $1 AND total >= 2500", parameters: ["minTotal": "2500"]),
        ConformanceCase(lql: "param since: DateTime\nparam st: OrderStatus\nOrder | where orderDate >= $since and status == $st | select number | sort number",
                        sql: "SELECT number FROM orders WHERE tenant_id = $1 AND order_date >= '2026-01-01' AND status = 'CONFIRMED' ORDER BY number",
                        parameters: ["since": "2026-01-01", "st": "CONFIRMED"]),
        ConformanceCase(lql: "param n: Int = 7\nCustomer | sort accountNumber | take $n | select accountNumber",
                        sql: "SELECT account_number FROM customers WHERE tenant_id = $1 ORDER BY account_number LIMIT 7"),
        ConformanceCase(lql: "param q: String\nCustomer | where name ~ $q | count",
                        sql: "SELECT count(*) FROM customers WHERE tenant_id = $1 AND strpos(lower(name), 'wine') > 0", parameters: ["q": "Wine"]),
        // let
        ConformanceCase(lql: "let big = Order | where total > 2000\nbig | where status == FULFILLED | count",
                        sql: "SELECT count(*) FROM orders WHERE tenant_id = $1 AND total > 2000 AND status = 'FULFILLED'"),
        // Nested shapes (JSON compared as parsed values)
        ConformanceCase(lql: "Order | sort number | take 10 | select number, customer { name, tier }",
                        sql: """
                            SELECT o.number, json_build_object('name', c.name, 'tier', c.tier) FROM orders o
                            JOIN customers c ON c.id = o.customer_id AND c.tenant_id = $1
                            WHERE o.tenant_id = $1 ORDER BY o.number LIMIT 10
                            """, jsonColumns: [1]),
        ConformanceCase(lql: "Order | sort number | take 10 | select number, lines { quantity, unitPrice }",
                        sql: """
                            SELECT o.number, coalesce((SELECT json_agg(json_build_object('quantity', l.quantity, 'unitPrice', l.unit_price))
                                FROM order_lines l WHERE l.tenant_id = $1 AND l.order_id = o.id), '[]'::json)
                            FROM orders o WHERE o.tenant_id = $1 ORDER BY o.number LIMIT 10
                            """, jsonColumns: [1]),
    ]

    @Test(arguments: cases)
    func lqlEqualsHandWrittenSQLInEveryTenant(_ c: ConformanceCase) throws {
        try expectEqualToHandWrittenSQLInEveryLeoraTenant(c)
    }

    @Test func thereAreAtLeastFortyQueries() {
        #expect(Self.cases.count >= 40)
    }
}
