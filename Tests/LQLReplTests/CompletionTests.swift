import Testing
@testable import LQLRepl
import LQLSchema

@Suite struct CompletionTests {
    let engine = CompletionEngine(catalog: LeoraCatalog.catalog, bindings: ["recent": "Order"],
                                  parameters: ["since", "minBalance"], files: .empty)

    func texts(_ input: String) -> [String] { engine.complete(input).texts }

    @Test func modelsAtTheStartOfAStatement() {
        #expect(texts("Ord") == ["Order", "OrderLine"])
        #expect(texts("ord") == ["Order", "OrderLine"])  // case-insensitive; Tab fixes the case
        #expect(engine.complete("ord").replacement == "Order")
        #expect(texts("Cust") == ["Customer"])
        #expect(engine.complete("Cust").replacement == "Customer ")
        let all = texts("")
        #expect(all.contains("Invoice") && all.contains("recent") && all.contains("let"))
        #expect(!all.contains("Tenant"))  // the tenancy root is not queryable
    }

    @Test func letBindingsAreSources() {
        #expect(texts("rec") == ["recent"])
        #expect(texts("let x = Invo") == ["Invoice"])
        #expect(texts("recent | where stat") == ["status"])  // fields of Order
    }

    @Test func newStatementAfterAFinishedOne() {
        #expect(texts("Order | count\nCust") == ["Customer"])
        #expect(texts("Order | count; Cust") == ["Customer"])
    }

    @Test func stageKeywordsAfterPipe() {
        #expect(texts("Order | ") == ["where", "select", "sort", "take", "skip", "group by", "aggregate", "count", "distinct",
                                      "derive", "append"])
        #expect(texts("Order | s") == ["select", "sort", "skip"])
        #expect(texts("Order\n| wh") == ["where"])
        #expect(texts("Order | group ") == ["by"])
    }

    @Test func fieldsInAStage() {
        let fields = texts("Order | where ")
        #expect(fields.first == "id")
        #expect(fields.contains("status") && fields.contains("customer") && fields.contains("orderDate"))
        #expect(!fields.contains("lines"))  // to-many is not a scalar in `where`
        #expect(texts("Order | where ord") == ["orderDate"])
        #expect(texts("Order | sort tot") == ["total"])
    }

    @Test func neverTenantOrSensitiveFields() {
        for input in ["User | select ", "User | where ", "Order | select customer.salesRep.", "PortalSession | where ",
                      "IntegrationToken | select ", "WebhookSubscription | sort ", "Order | select te", "User | select hashed"] {
            let offered = texts(input)
            for forbidden in ["tenantId", "tenant", "hashedPassword", "token", "accessToken", "refreshToken", "secret"] {
                #expect(!offered.contains(forbidden), "\(forbidden) offered for \(input)")
            }
        }
        #expect(texts("Order | where tenant.") == [])
        #expect(texts("IntegrationToken | select provider, ") == ["id", "provider", "expiresAt", "createdAt"])
    }

    @Test func toOnePathsAfterDot() {
        let customer = texts("Order | select customer.")
        #expect(customer.contains("accountNumber") && customer.contains("salesRep"))
        #expect(customer.contains("orders"))  // shapes: select allows to-many
        #expect(texts("Order | where customer.salesRep.full") == ["fullName"])
        let rep = texts("Invoice | select number, customer.salesRep.")
        #expect(rep.contains("email") && rep.contains("role") && !rep.contains("hashedPassword"))
        #expect(texts("Order | where customer.na") == ["name"])
        #expect(!texts("Order | where customer.").contains("orders"))  // to-many not in where
        #expect(texts("Order | where status.") == [])  // a scalar has no fields
    }

    @Test func toManyInsideAggregates() {
        let inCount = texts("Customer | select name, n: count(")
        #expect(inCount.contains("orders") && inCount.contains("healthSnapshots"))
        #expect(texts("Customer | select lastOrder: max(orders.order") == ["orderDate"])
        // a run of to-many steps inside a collection function: every line of every order
        #expect(texts("Customer | select n: count(orders.li") == ["lines"])
        #expect(texts("Customer | select units: sum(orders.lines.quan") == ["quantity"])
        // `count(orders where …)`: the condition is about orders
        #expect(texts("Customer | select open: count(orders where sta") == ["status", "starts_with"])
        #expect(texts("Customer | select open: count(orders where status == P") == ["PENDING"])
        #expect(texts("Customer | select atRisk: any(healthSnapshots where riskLevel == ") == ["LOW", "MEDIUM", "HIGH"])
        // back outside the call the scope is Customer again
        #expect(texts("Customer | select n: count(orders where status == PENDING), ti") == ["tier"])
    }

    @Test func shapes() {
        let inShape = texts("Order | where number == \"WC-10042\" | select number, customer { ")
        #expect(inShape.contains("name") && inShape.contains("email") && !inShape.contains("tenantId"))
        #expect(texts("Order | select lines { product.na") == ["name"])
        #expect(texts("Order | select lines { quan") == ["quantity"])
    }

    @Test func enumValuesAfterComparison() {
        #expect(texts("Order | where status == ") == ["DRAFT", "PENDING", "CONFIRMED", "FULFILLED", "CANCELLED"])
        #expect(texts("Order | where status != C") == ["CONFIRMED", "CANCELLED"])
        #expect(texts("Order | where customer.tier == ") == ["STANDARD", "PREFERRED", "VIP"])
        #expect(texts("Invoice | where status in [") == ["DRAFT", "OPEN", "PAID", "OVERDUE", "VOID"])
        #expect(texts("Invoice | where status in [OPEN, O") == ["OPEN", "OVERDUE"])
        #expect(texts("OrderLine | where order.status in [CONFIRMED, ") == ["DRAFT", "PENDING", "CONFIRMED", "FULFILLED", "CANCELLED"])
        #expect(texts("Order | where x == OrderStatus.") == ["DRAFT", "PENDING", "CONFIRMED", "FULFILLED", "CANCELLED"])
        #expect(texts("Role | where isSystem == ") == ["true", "false"])
    }

    @Test func wordsAfterAnOperand() {
        #expect(texts("Order | where status == PENDING ") == ["and", "or", "in", "is", "not"])
        #expect(texts("Order | sort orderDate ") == ["asc", "desc"])
        #expect(texts("OrderLine | group by product.category ") == ["aggregate"])
        #expect(texts("Task | where dueAt is ") == ["null", "not"])
        #expect(texts("Task | where dueAt is not ") == ["null"])
    }

    @Test func multiLineStatements() {
        #expect(texts("Order\n| where status == PENDING\n| select cust") == ["customerId", "customer"])  // schema order
        #expect(texts("Order\n| where status == PENDING and\n  orderDate >= @2025-01-01\n| sort ").contains("orderDate"))
    }

    @Test func afterShapingStagesOnlyOutputColumns() {
        #expect(texts("OrderLine | group by product.category, month: trunc(order.orderDate, \"month\") aggregate revenue: sum(quantity) | sort ")
            == ["category", "month", "revenue"])
        #expect(texts("Order | select number, total | where ") == ["number", "total"])
        #expect(texts("Order | count | where ") == ["count"])
    }

    @Test func functionsOnceAWordIsTyped() {
        let offered = engine.complete("Order | where lo")
        #expect(offered.texts == ["lower"])
        #expect(offered.replacement == "lower(")
        #expect(texts("Order | select su") == ["sum"])
    }

    @Test func parameters() {
        #expect(texts("Invoice | where dueAt < $") == ["minBalance", "since"])
        #expect(texts("Invoice | where dueAt < $si") == ["since"])
        #expect(texts("param since: Date") == ["DateTime"])
        #expect(texts("param s: Order") == ["OrderStatus"])
    }

    @Test func nothingInsideStringsCommentsOrNumbers() {
        #expect(texts("Customer | where name ~ \"bis") == [])
        #expect(texts("Order | where status == PENDING -- cust") == [])
        #expect(texts("Order | take 1") == [])
        #expect(texts("Order | where orderDate >= @2025") == [])
        #expect(texts("Order wh") == [])  // after the source only `|` may come
    }

    @Test func metaCommands() {
        #expect(texts("\\") .count == MetaCommandInfo.allSpellings.count)
        #expect(texts("\\ti") == ["\\timing", "\\timeout"])
        #expect(texts("\\t") == ["\\tenant", "\\tenants", "\\timing", "\\timeout"])
        #expect(engine.complete("\\timi").replacement == "\\timing ")
        #expect(engine.complete("\\conn").replacement == "\\conninfo")
        #expect(texts("\\d Inv") == ["Inventory", "Invoice"])
        #expect(texts("\\format j") == ["json"])
        #expect(texts("\\timing o") == ["on", "off"])
        #expect(texts("\\unset m") == ["minBalance"])
        #expect(texts("\\help ti") == ["timing", "timeout"])
        #expect(texts("\\help wh") == ["where"], "language topics too")
        #expect(texts("\\x a") == ["auto"])
        // a meta-command typed on a continuation line
        #expect(texts("Order |\n\\d Cu") == ["Customer"])
    }
}
