import LQLDiagnostics
import Testing
@testable import LQLSchema

@Suite struct SupplyChainSchemaTests {
    let loaded = try! SchemaFixtures.load("supply-chain")

    @Test func readsAsSchemaPerTenant() throws {
        #expect(loaded.diagnostics.map { DiagnosticRenderer(useColor: false).render($0, in: loaded.source) } == [])
        let catalog = try #require(loaded.catalog)
        #expect(catalog.datasourceSchemas == ["public", "tenant"])
        #expect(catalog.tenancy == .schemaPerTenant(SchemaTenancy(tenantModel: "Tenant", sharedSchema: "public",
                                                                  tenantSchemaTemplate: "tenant", schemaPrefix: "tenant_")))
        #expect(catalog.models.map(\.name).sorted()
                == ["Inventory", "Order", "OrderItem", "Product", "Supplier", "SupplierProduct", "Tenant", "User"])
        let tenant = try #require(catalog.model(named: "Tenant"))
        #expect(tenant.isTenantRoot && !tenant.isTenantScoped)
        #expect(tenant.schemaName == "public")
        for m in catalog.models where m.name != "Tenant" {
            #expect(m.isTenantScoped, "\(m.name)")
            #expect(m.schemaName == "tenant")
            #expect(m.fields.filter(\.isTenantKey).isEmpty, "\(m.name) has no tenant column")
        }
    }

    @Test func tablesColumnsAndRelations() throws {
        let catalog = try #require(loaded.catalog)
        #expect(catalog.models.filter { $0.name != "Tenant" }.map(\.tableName).sorted()
                == ["inventory", "order_items", "orders", "products", "supplier_products", "suppliers", "users"])
        let item = try #require(catalog.model(named: "OrderItem"))
        #expect(item.field(named: "unitPrice")?.columnName == "unit_price")
        #expect(item.field(named: "order")?.relation?.joinColumns == [ColumnPair(local: "order_id", remote: "id")])
        let offers = try #require(catalog.model(named: "Supplier")?.field(named: "products")?.relation)
        #expect(offers.targetModel == "SupplierProduct")
        #expect(offers.joinColumns == [ColumnPair(local: "id", remote: "supplier_id")])
        #expect(catalog.model(named: "SupplierProduct")?.field(named: "leadTimeDays")?.columnName == "lead_time_days")
        #expect(catalog.model(named: "Inventory")?.uniqueKeys == [["productId", "location"]])
    }

    /// `Order | group by status aggregate n: count()` must mean the same in both examples.
    @Test func orderStatusMatchesLeora() throws {
        let leora = try SchemaFixtures.load("leora").catalog!
        let catalog = try #require(loaded.catalog)
        #expect(catalog.enumType(named: "OrderStatus")?.values == leora.enumType(named: "OrderStatus")?.values)
        #expect(catalog.enumType(named: "OrderStatus")?.schemaName == "tenant")
        #expect(catalog.model(named: "Order")?.field(named: "status")?.type == .enumeration("OrderStatus"))
        for name in ["orderDate", "total", "number"] {
            #expect(catalog.model(named: "Order")?.field(named: name)?.type == leora.model(named: "Order")?.field(named: name)?.type)
        }
    }
}
