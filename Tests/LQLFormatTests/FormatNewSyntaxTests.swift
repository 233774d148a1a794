import LQLDiagnostics
import LQLSyntax
import Testing
@testable import LQLFormat

/// The layout engine works on tokens, so syntax the parser learns later (design/analytics.md's
/// v2: derive, take n by, append, case … end, windows, conditional aggregates, `in (query)`) is
/// laid out by the same rules. Checked on the layout alone (the parser of this branch may not
/// accept them yet): the significant tokens and the comments are kept in order, and laying out
/// twice changes nothing. Once the parser accepts them, FormatPropertyTests covers their goldens.
@Suite struct FormatNewSyntaxTests {
    static let v2Examples = [
        """
        -- top 3 products per category by 2025 revenue
        OrderLine
        | where order.status in [CONFIRMED, FULFILLED] and order.orderDate in @2025-01-01..@2026-01-01
        | group by product.category, product.name aggregate revenue: sum(quantity * unitPrice - discount)
        | sort revenue desc
        | take 3 by category
        """,
        """
        OrderLine | where order.status in [CONFIRMED, FULFILLED]
        | group by product.category aggregate revenue: sum(quantity * unitPrice - discount)
        | derive rank: rank() over (sort revenue desc), share: round(revenue / sum(revenue) over (), 4)
        """,
        """
        Customer | select name, recent: (orders | sort orderDate desc | take 3) { number, total }
        Customer | where id in (Invoice | where status == OVERDUE | select customerId) | select name
        """,
        """
        Order | where status in [CONFIRMED, FULFILLED]
        | group by month: date(trunc(orderDate, "month")) aggregate revenue: sum(total)
        | derive toDate: sum(revenue) over (sort month),
                 change: revenue - lag(revenue) over (sort month),
                 avg3: round(avg(revenue) over (sort month rows 3), 2)
        | sort month
        """,
        """
        Order | group by rep: salesRep.fullName ?? "Unassigned"
          aggregate orders: count(), cancelled: count(where status == CANCELLED),
                    h2: sum(total where orderDate >= @2025-07-01)
        Customer | select name, fulfilled: sum(orders.total where status == FULFILLED) ?? 0
        """,
        """
        Customer | derive spent: sum(orders.total) ?? 0
        | group by band: case when spent >= 5000 then "5k+" when spent >= 1000 then "1k-5k" else "<1k" end
          aggregate customers: count(), median: median(spent), p90: percentile(spent, 0.9)
        """,
        """
        let vip = Customer | where tier == VIP | select name, why: "vip" -- the VIPs
        let risky = Customer | where status == AT_RISK | select name, why: "at risk"
        vip | append risky | sort name
        """,
    ]

    static func significant(_ text: String) -> [String] {
        Lexer.tokenize(SourceFile(name: "<t>", text: text)).tokens
            .filter { $0.kind != .newline && $0.kind != .endOfFile }
            .map { $0.kind == .comment ? TriviaAttacher.trimmedTrailingBlanks($0.text) : $0.text }
    }

    @Test(arguments: v2Examples)
    func keepsTokensAndIsIdempotent(_ text: String) {
        let once = LQLFormatter.layout(SourceFile(name: "<t>", text: text), width: LQLFormatter.lineWidth)
        let twice = LQLFormatter.layout(SourceFile(name: "<t>", text: once), width: LQLFormatter.lineWidth)
        #expect(Self.significant(once) == Self.significant(text))
        #expect(twice == once)
        for line in once.split(separator: "\n") {
            #expect(line.count <= LQLFormatter.lineWidth, "\(line)")
        }
    }

    @Test func aWindowAndACaseAreLaidOutLikeAnyExpression() {
        let text = "Customer | derive spent: sum(orders.total)??0 | group by band: case when spent>=5000 then \"5k+\" else \"<1k\" end aggregate n: count(where spent > 0)"
        let out = LQLFormatter.layout(SourceFile(name: "<t>", text: text), width: 100)
        #expect(out.hasPrefix("""
            Customer
            | derive spent: sum(orders.total) ?? 0
            | group by band: case when spent >= 5000 then "5k+" else "<1k" end
              aggregate n: count(where spent > 0)
            """))
    }
}
