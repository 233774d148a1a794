import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// Every example of design v2 (`analytics.md`, "each must work exactly as written against the
/// Leora example") compiles as one program and each of its queries runs, as lql_reader through
/// the RLS tenant scope, in every Leora tenant and returns rows there.
@Suite struct AnalyticsDesignExamplesTests {
    /// The page's example block, verbatim (checked against the page when it is at hand).
    static let examples = #"""
-- top 3 products per category by 2025 revenue
OrderLine
| where order.status in [CONFIRMED, FULFILLED] and order.orderDate in @2025-01-01..@2026-01-01
| group by product.category, product.name aggregate revenue: sum(quantity * unitPrice - discount)
| sort revenue desc
| take 3 by category

-- categories ranked, with each one's share of all revenue
OrderLine | where order.status in [CONFIRMED, FULFILLED]
| group by product.category aggregate revenue: sum(quantity * unitPrice - discount)
| derive rank: rank() over (sort revenue desc), share: round(revenue / sum(revenue) over (), 4)

-- each customer's three latest orders, and customers with an overdue invoice
Customer | select name, recent: (orders | sort orderDate desc | take 3) { number, total }
Customer | where id in (Invoice | where status == OVERDUE | select customerId) | select name

-- top 2 orders of each customer, keeping paths after derive
Order | derive net: total - 100 | where customer.tier == VIP | sort net desc | take 2 by customerId

-- running total, month-over-month change, 3-month moving average
Order | where status in [CONFIRMED, FULFILLED]
| group by month: date(trunc(orderDate, "month")) aggregate revenue: sum(total)
| derive toDate: sum(revenue) over (sort month),
         change: revenue - lag(revenue) over (sort month),
         avg3: round(avg(revenue) over (sort month rows 3), 2)
| sort month

-- conditional aggregates, side by side
Order | group by rep: salesRep.fullName ?? "Unassigned"
  aggregate orders: count(), cancelled: count(where status == CANCELLED),
            h2: sum(total where orderDate >= @2025-07-01)
Customer | select name, fulfilled: sum(orders.total where status == FULFILLED) ?? 0

-- buckets, statistics
Customer | derive spent: sum(orders.total) ?? 0
| group by band: case when spent >= 5000 then "5k+" when spent >= 1000 then "1k-5k" else "<1k" end
  aggregate customers: count(), median: median(spent), p90: percentile(spent, 0.9)

-- two lists as one
let vip = Customer | where tier == VIP | select name, why: "vip"
let risky = Customer | where status == AT_RISK | select name, why: "at risk"
vip | append risky | sort name
"""#

    @Test func theExamplesAreThePagesExamples() throws {
        let page = URL(fileURLWithPath: Repository.path("../shared/design/analytics.md"))
        guard let text = try? String(contentsOf: page, encoding: .utf8) else { return }  // outside the workspace
        #expect(text.contains(Self.examples), "analytics.md's examples changed: copy them here")
    }

    @Test func everyExampleRunsInEveryTenant() throws {
        let db = try LeoraCluster.shared()
        let reader = try Connection(db.readerURL)
        let result = LQLCompiler.compile(source: SourceFile(name: "analytics.md", text: Self.examples), catalog: db.catalog)
        #expect(!result.hasErrors, "\(result.diagnostics.map { "\($0.code.code) \($0.message)" })")
        let statements = try #require(result.program?.statements)
        #expect(statements.count == 10, "ten example queries")
        for (i, statement) in statements.enumerated() {
            var nonEmpty = 0
            for tenant in LeoraCluster.tenants {
                let rows = try TenantScope().withTenant(tenant, on: reader) { tx in try tx.execute(statement.sql).rows }
                if !rows.isEmpty { nonEmpty += 1 }
            }
            #expect(nonEmpty == LeoraCluster.tenants.count, "example query \(i + 1) is empty in some tenant:\n\(statement.sql.text)")
        }
    }
}
