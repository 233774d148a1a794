import Testing
@testable import LQLRepl

/// Every prefix of the language's examples (and some broken text) gets an answer, never a crash,
/// and never offers a tenant or sensitive field.
@Suite struct CompletionRobustnessTests {
    static let examples = [
        "-- open orders this year, newest first\nOrder\n| where status == PENDING and orderDate >= @2025-01-01\n| select number, customer.name, total, orderDate\n| sort orderDate desc\n| take 20",
        "Customer\n| where name ~ \"bistro\" or accountNumber == \"WC-00042\"\n| select name, tier, orders: count(orders), open: count(orders where status == PENDING),\n         lastOrder: max(orders.orderDate), atRisk: any(healthSnapshots where riskLevel == HIGH)",
        "OrderLine\n| where order.status in [CONFIRMED, FULFILLED] and order.orderDate in @2025-01-01..@2026-01-01\n| group by product.category, month: trunc(order.orderDate, \"month\")\n  aggregate revenue: sum(quantity * unitPrice - discount), orders: count_distinct(orderId)\n| sort month, revenue desc",
        "param since: DateTime = today() - 90 days\nparam minBalance: Decimal = 0\nInvoice\n| where status in [OPEN, OVERDUE] and dueAt < $since and balanceDue > $minBalance\n| select number, customer.name, customer.salesRep.fullName, balanceDue, dueAt\n| sort balanceDue desc",
        "Order | where number == \"WC-10042\"\n| select number, status, customer { name, email }, lines { product.name, quantity, unitPrice }",
        "let recent = Order | where orderDate >= today() - 30 days\nrecent | group by status aggregate n: count(), value: sum(total)\nrecent | count",
        "))) | | where ]] {{ . . == in [ , $ \\ \"unterminated 'x é 🍷 -- \n\t@@ ..",
        "\\i '\\set x \\d \\format \\timing on \\",
    ]

    @Test func everyPrefixAnswers() {
        let engine = CompletionEngine(catalog: LeoraCatalog.catalog, bindings: ["recent": "Order"], parameters: ["since"], files: .empty)
        let forbidden: Set<String> = ["tenantId", "tenant", "hashedPassword", "token", "secret", "accessToken", "refreshToken"]
        var answered = 0
        for example in Self.examples {
            var prefix = ""
            for ch in example {
                prefix.append(ch)
                let completion = engine.complete(prefix)
                #expect(prefix.hasSuffix(completion.word), "word must end the input: \(prefix)")
                #expect(!completion.word.contains("\n"))
                #expect(completion.candidates.allSatisfy { !forbidden.contains($0.text) }, "\(prefix)")
                answered += completion.candidates.isEmpty ? 0 : 1
            }
        }
        #expect(answered > 100)
    }
}
