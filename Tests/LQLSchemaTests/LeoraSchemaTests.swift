import LQLDiagnostics
import Testing
@testable import LQLSchema

@Suite struct LeoraSchemaTests {
    let loaded = try! SchemaFixtures.load("leora")
    var catalog: Catalog { loaded.catalog! }

    @Test func readsWithoutDiagnostics() {
        #expect(loaded.diagnostics.map { DiagnosticRenderer(useColor: false).render($0, in: loaded.source) } == [])
        #expect(loaded.catalog != nil)
    }

    @Test func countsModelsAndEnums() {
        #expect(catalog.models.count == 26)
        #expect(catalog.enums.count == 14)
        #expect(catalog.queryableModels.count == 25)
        #expect(catalog.enumType(named: "OrderStatus")?.values.map(\.name) == ["DRAFT", "PENDING", "CONFIRMED", "FULFILLED", "CANCELLED"])
        #expect(catalog.enumType(named: "OrderStatus")?.databaseName == "OrderStatus")
    }

    @Test func mapsTablesAndColumns() throws {
        let order = try #require(catalog.model(named: "Order"))
        #expect(order.tableName == "orders")
        #expect(order.field(named: "orderDate")?.columnName == "order_date")
        #expect(order.field(named: "orderDate")?.type == .scalar(.dateTime))
        #expect(order.field(named: "total")?.nativeType == "Decimal(12,2)")
        #expect(order.field(named: "status")?.type == .enumeration("OrderStatus"))
        #expect(order.field(named: "deliveryDate")?.isOptional == true)
        #expect(order.primaryKey == ["id"])
        #expect(order.uniqueKeys.contains(["tenantId", "number"]))
        #expect(catalog.model(named: "AccountHealthSnapshot")?.tableName == "account_health_snapshots")
        #expect(catalog.model(named: "Inventory")?.field(named: "reorderPoint")?.columnName == "reorder_point")
        #expect(catalog.model(named: "Inventory")?.field(named: "updatedAt")?.isUpdatedAt == true)
        #expect(catalog.model(named: "WebhookSubscription")?.field(named: "events")?.isList == true)
        #expect(catalog.model(named: "Tenant")?.field(named: "slug")?.isUnique == true)
    }

    @Test func resolvesRelationsBothWays() throws {
        let customer = try #require(catalog.model(named: "Order")?.field(named: "customer")?.relation)
        #expect(customer.targetModel == "Customer")
        #expect(customer.cardinality == .toOne)
        #expect(customer.isOwningSide)
        #expect(customer.oppositeField == "orders")
        #expect(customer.joinColumns == [ColumnPair(local: "customer_id", remote: "id")])

        let orders = try #require(catalog.model(named: "Customer")?.field(named: "orders")?.relation)
        #expect(orders.targetModel == "Order")
        #expect(orders.cardinality == .toMany)
        #expect(!orders.isOwningSide)
        #expect(orders.oppositeField == "customer")
        #expect(orders.joinColumns == [ColumnPair(local: "id", remote: "customer_id")])

        let lines = try #require(catalog.model(named: "Order")?.field(named: "lines")?.relation)
        #expect(lines.targetModel == "OrderLine")
        #expect(lines.oppositeField == "order")
        #expect(lines.joinColumns == [ColumnPair(local: "id", remote: "order_id")])

        let salesOrders = try #require(catalog.model(named: "User")?.field(named: "salesOrders")?.relation)
        #expect(salesOrders.targetModel == "Order")
        #expect(salesOrders.oppositeField == "salesRep")
        #expect(salesOrders.joinColumns == [ColumnPair(local: "id", remote: "sales_rep_id")])

        let inventory = try #require(catalog.model(named: "Sku")?.field(named: "inventory")?.relation)
        #expect(inventory.targetModel == "Inventory")
        #expect(inventory.cardinality == .toMany)
        #expect(inventory.joinColumns == [ColumnPair(local: "id", remote: "sku_id")])

        let settings = try #require(catalog.model(named: "Tenant")?.field(named: "settings")?.relation)
        #expect(settings.cardinality == .toOne)
        #expect(settings.oppositeField == "tenant")
        #expect(settings.joinColumns == [ColumnPair(local: "id", remote: "tenant_id")])
    }

    @Test func everyRelationHasAnOppositeThatPointsBack() {
        for model in catalog.models {
            for field in model.relationFields {
                let rel = field.relation!
                let opposite = catalog.model(named: rel.targetModel)?.field(named: rel.oppositeField ?? "")?.relation
                #expect(opposite?.targetModel == model.name, "\(model.name).\(field.name)")
                #expect(opposite?.oppositeField == field.name, "\(model.name).\(field.name)")
                #expect(opposite?.isOwningSide != rel.isOwningSide, "\(model.name).\(field.name)")
                #expect(opposite?.joinColumns == rel.joinColumns.map { ColumnPair(local: $0.remote, remote: $0.local) })
            }
        }
    }

    @Test func marksSensitiveFields() {
        let sensitive = catalog.models.flatMap { m in m.fields.filter(\.isSensitive).map { "\(m.name).\($0.name)" } }
        #expect(Set(sensitive) == ["User.hashedPassword", "PortalSession.token", "WebhookSubscription.secret",
                                   "IntegrationToken.accessToken", "IntegrationToken.refreshToken"])
        #expect(catalog.model(named: "User")?.field(named: "hashedPassword")?.isForbidden == true)
        #expect(catalog.model(named: "User")?.field(named: "email")?.isForbidden == false)
    }

    @Test func tenancyIsRowLevel() {
        #expect(catalog.tenancy == .rowLevel(RowLevelTenancy(tenantModel: "Tenant", tenantField: "tenantId", tenantColumn: "tenant_id",
                                                             tenantRelationField: "tenant", settingName: "app.current_tenant_id")))
        let tenant = catalog.model(named: "Tenant")!
        #expect(tenant.isTenantRoot)
        #expect(!tenant.isTenantScoped)
        for model in catalog.models where model.name != "Tenant" {
            #expect(model.isTenantScoped, "\(model.name)")
            #expect(!model.isTenantRoot)
            #expect(model.field(named: "tenantId")?.isTenantKey == true, "\(model.name)")
            #expect(model.field(named: "tenant")?.isTenantKey == true, "\(model.name)")
            #expect(model.fields.filter(\.isTenantKey).count == 2, "\(model.name)")
        }
    }

    @Test func documentationIsKept() {
        #expect(catalog.model(named: "Order")?.documentation?.isEmpty == false)
        #expect(catalog.model(named: "User")?.field(named: "hashedPassword")?.documentation?.contains("@sensitive") == true)
    }
}
