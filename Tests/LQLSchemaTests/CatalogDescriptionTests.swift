import LQLDiagnostics
import Testing
@testable import LQLSchema

@Suite struct CatalogDescriptionTests {
    let catalog = try! SchemaFixtures.load("leora").catalog!

    @Test func listsQueryableModelsAndEnums() {
        let text = CatalogDescription.models(catalog)
        #expect(text.hasPrefix("Models (25), tenants kept apart by row (tenant_id)\n"))
        #expect(!text.contains("\n  Tenant "))
        let orderLine = text.split(separator: "\n").first { $0.hasPrefix("  Order ") }
        // Order: 10 visible columns (tenantId hidden), 6 visible relations (tenant hidden).
        let cells = orderLine?.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        #expect(cells == ["Order", "orders", "10", "6", "scoped", "by", "tenantId"])
        #expect(text.contains("Enums (14)"))
        #expect(text.contains("OrderStatus     DRAFT PENDING CONFIRMED FULFILLED CANCELLED"))
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }

    @Test func describesOneModel() {
        let text = CatalogDescription.model(catalog.model(named: "Order")!, in: catalog)
        #expect(text.hasPrefix("Order (table orders, tenant-scoped)\n"))
        let lines = text.split(separator: "\n").map(String.init)
        func cells(_ prefix: String) -> [String]? {
            lines.first { $0.hasPrefix("  \(prefix) ") }?.split(separator: " ").map(String.init)
        }
        #expect(cells("orderDate") == ["orderDate", "DateTime", "required", "order_date"])
        #expect(cells("deliveryDate") == ["deliveryDate", "DateTime", "nullable", "delivery_date"])
        #expect(cells("status") == ["status", "OrderStatus", "(enum)", "required", "status"])
        #expect(cells("customer") == ["customer", "Customer", "to-one", "orders.customer_id", "=", "customers.id"])
        #expect(cells("lines") == ["lines", "OrderLine", "to-many", "orders.id", "=", "order_lines.order_id"])
        #expect(text.contains("Hidden (refused in queries)"))
        #expect(cells("tenantId")?.prefix(3) == ["tenantId", "tenant", "key,"])
        #expect(lines.filter { $0.hasPrefix("  tenantId ") }.count == 1)
    }

    @Test func showsSensitiveFieldsOnlyAsHidden() {
        let text = CatalogDescription.model(catalog.model(named: "User")!, in: catalog)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("hashedPassword") } == ["  hashedPassword  sensitive"])
        #expect(!text.contains("hashed_password"))
    }
}
