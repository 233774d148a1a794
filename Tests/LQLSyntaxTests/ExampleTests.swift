import Testing
import LQLDiagnostics
@testable import LQLSyntax

/// Every example of language.md parses without diagnostics into the expected tree.
@Suite struct LanguageExampleTests {
    // rules: program, query, where_stage, select_stage, sort_stage, take_stage, date literal, and/==/>=
    @Test func openOrdersThisYear() {
        let (ast, diagnostics) = dump("""
        -- open orders this year, newest first
        Order
        | where status == PENDING and orderDate >= @2025-01-01
        | select number, customer.name, total, orderDate
        | sort orderDate desc
        | take 20
        """)
        #expect(diagnostics == [])
        #expect(ast == "(query Order (where (and (== status PENDING) (>= orderDate @2025-01-01))) (select number customer.name total orderDate) (sort (desc orderDate)) (take 20))")
    }

    // rules: select_item with output_name, call with where filter, ~, or, continuation after `,`
    @Test func customerSupport() {
        let (ast, diagnostics) = dump("""
        -- support: find a customer, with activity counts (no join fan-out)
        Customer
        | where name ~ "bistro" or accountNumber == "WC-00042"
        | select name, tier, orders: count(orders), open: count(orders where status == PENDING),
                 lastOrder: max(orders.orderDate), atRisk: any(healthSnapshots where riskLevel == HIGH)
        """)
        #expect(diagnostics == [])
        #expect(ast == """
        (query Customer (where (or (~ name "bistro") (== accountNumber "WC-00042"))) \
        (select name tier (orders: (call count orders)) (open: (call count orders (where (== status PENDING)))) \
        (lastOrder: (call max orders.orderDate)) (atRisk: (call any healthSnapshots (where (== riskLevel HIGH))))))
        """)
    }

    // rules: group_stage with aggregate clause on the next line, in list, range, arithmetic precedence
    @Test func revenueByCategoryAndMonth() {
        let (ast, diagnostics) = dump("""
        -- revenue by category and month
        OrderLine
        | where order.status in [CONFIRMED, FULFILLED] and order.orderDate in @2025-01-01..@2026-01-01
        | group by product.category, month: trunc(order.orderDate, "month")
          aggregate revenue: sum(quantity * unitPrice - discount), orders: count_distinct(orderId)
        | sort month, revenue desc
        """)
        #expect(diagnostics == [])
        #expect(ast == """
        (query OrderLine (where (and (in order.status (list CONFIRMED FULFILLED)) (in order.orderDate (.. @2025-01-01 @2026-01-01)))) \
        (group (by product.category (month: (call trunc order.orderDate "month"))) \
        (aggregate (revenue: (call sum (- (* quantity unitPrice) discount))) (orders: (call count_distinct orderId)))) \
        (sort month (desc revenue)))
        """)
    }

    // rules: param_declaration, type_reference, duration, parameter, newline separation
    @Test func savedReportWithParameters() {
        let (ast, diagnostics) = dump("""
        -- a saved report with typed parameters
        param since: DateTime = today() - 90 days
        param minBalance: Decimal = 0
        Invoice
        | where status in [OPEN, OVERDUE] and dueAt < $since and balanceDue > $minBalance
        | select number, customer.name, customer.salesRep.fullName, balanceDue, dueAt
        | sort balanceDue desc
        """)
        #expect(diagnostics == [])
        #expect(ast == """
        (param since DateTime (- (call today) (duration 90 day)))
        (param minBalance Decimal 0)
        (query Invoice (where (and (and (in status (list OPEN OVERDUE)) (< dueAt $since)) (> balanceDue $minBalance))) \
        (select number customer.name customer.salesRep.fullName balanceDue dueAt) (sort (desc balanceDue)))
        """)
    }

    // rules: shape (to-one and to-many), query on one line continued by a line starting with `|`
    @Test func nestedShapes() {
        let (ast, diagnostics) = dump("""
        -- nested shapes for inspecting one record (to-one → object, to-many → array)
        Order | where number == "WC-10042"
        | select number, status, customer { name, email }, lines { product.name, quantity, unitPrice }
        """)
        #expect(diagnostics == [])
        #expect(ast == """
        (query Order (where (== number "WC-10042")) (select number status (shape customer name email) (shape lines product.name quantity unitPrice)))
        """)
    }

    // rules: let_declaration, group_stage, count() call, count_stage, three statements by newline
    @Test func reuse() {
        let (ast, diagnostics) = dump("""
        -- reuse
        let recent = Order | where orderDate >= today() - 30 days
        recent | group by status aggregate n: count(), value: sum(total)
        recent | count
        """)
        #expect(diagnostics == [])
        #expect(ast == """
        (let recent (query Order (where (>= orderDate (- (call today) (duration 30 day))))))
        (query recent (group (by status) (aggregate (n: (call count)) (value: (call sum total)))))
        (query recent (count))
        """)
    }

    /// All examples in one source, as language.md shows them.
    @Test func allExamplesTogether() {
        let result = parse(allExamples)
        #expect(result.diagnostics.isEmpty)
        #expect(result.program.statements.count == 10)
    }
}

let allExamples = """
-- open orders this year, newest first
Order
| where status == PENDING and orderDate >= @2025-01-01
| select number, customer.name, total, orderDate
| sort orderDate desc
| take 20

-- support: find a customer, with activity counts (no join fan-out)
Customer
| where name ~ "bistro" or accountNumber == "WC-00042"
| select name, tier, orders: count(orders), open: count(orders where status == PENDING),
         lastOrder: max(orders.orderDate), atRisk: any(healthSnapshots where riskLevel == HIGH)

-- revenue by category and month
OrderLine
| where order.status in [CONFIRMED, FULFILLED] and order.orderDate in @2025-01-01..@2026-01-01
| group by product.category, month: trunc(order.orderDate, "month")
  aggregate revenue: sum(quantity * unitPrice - discount), orders: count_distinct(orderId)
| sort month, revenue desc

-- a saved report with typed parameters
param since: DateTime = today() - 90 days
param minBalance: Decimal = 0
Invoice
| where status in [OPEN, OVERDUE] and dueAt < $since and balanceDue > $minBalance
| select number, customer.name, customer.salesRep.fullName, balanceDue, dueAt
| sort balanceDue desc

-- nested shapes for inspecting one record (to-one → object, to-many → array)
Order | where number == "WC-10042"
| select number, status, customer { name, email }, lines { product.name, quantity, unitPrice }

-- reuse
let recent = Order | where orderDate >= today() - 30 days
recent | group by status aggregate n: count(), value: sum(total)
recent | count
"""
