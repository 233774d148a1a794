import LQLSchema

/// The Leora model (/work/shared/design/leora-models.md) as a Catalog, built directly so the
/// prompt's tests do not depend on the Prisma reader. Spec per field: `name:Type`, where Type
/// is a scalar or enum name, `>Model` (to-one), `*Model` (to-many); `?` optional, `!` sensitive.
enum LeoraCatalog {
    static let enums: [(String, [String])] = [
        ("TenantStatus", ["ACTIVE", "SUSPENDED"]), ("UserStatus", ["ACTIVE", "INVITED", "DISABLED"]),
        ("CustomerTier", ["STANDARD", "PREFERRED", "VIP"]), ("CustomerStatus", ["ACTIVE", "AT_RISK", "DORMANT", "CLOSED"]),
        ("ProductStatus", ["ACTIVE", "DRAFT", "DISCONTINUED"]),
        ("OrderStatus", ["DRAFT", "PENDING", "CONFIRMED", "FULFILLED", "CANCELLED"]),
        ("InvoiceStatus", ["DRAFT", "OPEN", "PAID", "OVERDUE", "VOID"]), ("PaymentMethod", ["CARD", "ACH", "CHECK", "CASH"]),
        ("ActivityType", ["CALL", "VISIT", "EMAIL", "TASTING", "NOTE"]), ("CallPlanStatus", ["PLANNED", "COMPLETED", "SKIPPED"]),
        ("TaskStatus", ["OPEN", "DONE"]), ("TaskPriority", ["LOW", "MEDIUM", "HIGH"]), ("RiskLevel", ["LOW", "MEDIUM", "HIGH"]),
        ("DeliveryStatus", ["PENDING", "SUCCEEDED", "FAILED"]),
    ]

    static let models: [(String, String)] = [
        ("Tenant", "slug:String name:String status:TenantStatus createdAt:DateTime"),
        ("TenantSettings", "defaultCurrency:String timezone:String fiscalYearStartMonth:Int portalEnabled:Boolean"),
        ("User", "email:String fullName:String status:UserStatus roleId:String? role:>Role? hashedPassword:String! lastLoginAt:DateTime? createdAt:DateTime customers:*Customer salesOrders:*Order activities:*Activity callPlans:*CallPlan tasks:*Task salesMetrics:*SalesMetric"),
        ("Role", "name:String isSystem:Boolean permissions:*Permission users:*User"),
        ("Permission", "roleId:String role:>Role key:String"),
        ("PortalUser", "customerId:String customer:>Customer email:String fullName:String status:UserStatus lastLoginAt:DateTime? createdAt:DateTime sessions:*PortalSession orders:*Order"),
        ("PortalSession", "portalUserId:String portalUser:>PortalUser token:String! expiresAt:DateTime createdAt:DateTime ipAddress:String?"),
        ("Customer", "accountNumber:String name:String email:String? phone:String? city:String? state:String? tier:CustomerTier status:CustomerStatus salesRepId:String? salesRep:>User? createdAt:DateTime orders:*Order invoices:*Invoice activities:*Activity healthSnapshots:*AccountHealthSnapshot portalUsers:*PortalUser callPlans:*CallPlan tasks:*Task"),
        ("Supplier", "name:String country:String? products:*Product"),
        ("Product", "name:String category:String brand:String? status:ProductStatus supplierId:String? supplier:>Supplier? createdAt:DateTime skus:*Sku priceListEntries:*PriceListEntry"),
        ("Sku", "productId:String product:>Product code:String size:String unitsPerCase:Int basePrice:Decimal inventory:*Inventory"),
        ("Inventory", "skuId:String sku:>Sku location:String onHand:Int reserved:Int reorderPoint:Int updatedAt:DateTime"),
        ("PriceListEntry", "productId:String product:>Product customerId:String? customer:>Customer? tier:CustomerTier? price:Decimal minQuantity:Int validFrom:DateTime validTo:DateTime?"),
        ("Order", "number:String customerId:String customer:>Customer portalUserId:String? portalUser:>PortalUser? salesRepId:String? salesRep:>User? status:OrderStatus orderDate:DateTime deliveryDate:DateTime? total:Decimal currency:String lines:*OrderLine invoices:*Invoice activities:*Activity"),
        ("OrderLine", "orderId:String order:>Order productId:String product:>Product skuId:String? sku:>Sku? quantity:Int unitPrice:Decimal discount:Decimal"),
        ("Invoice", "number:String customerId:String customer:>Customer orderId:String? order:>Order? status:InvoiceStatus issuedAt:DateTime dueAt:DateTime total:Decimal balanceDue:Decimal payments:*Payment"),
        ("Payment", "invoiceId:String invoice:>Invoice amount:Decimal method:PaymentMethod receivedAt:DateTime reference:String?"),
        ("Activity", "customerId:String customer:>Customer orderId:String? order:>Order? userId:String user:>User type:ActivityType subject:String notes:String? occurredAt:DateTime"),
        ("CallPlan", "userId:String user:>User customerId:String customer:>Customer scheduledFor:DateTime status:CallPlanStatus objective:String?"),
        ("Task", "userId:String user:>User customerId:String? customer:>Customer? title:String status:TaskStatus priority:TaskPriority dueAt:DateTime? completedAt:DateTime?"),
        ("AccountHealthSnapshot", "customerId:String customer:>Customer capturedAt:DateTime score:Int riskLevel:RiskLevel revenueTrend:Decimal? orderFrequencyDays:Decimal?"),
        ("SalesMetric", "userId:String? user:>User? metric:String periodStart:DateTime periodEnd:DateTime value:Decimal"),
        ("WebhookSubscription", "url:String secret:String! events:String[] active:Boolean createdAt:DateTime deliveries:*WebhookDelivery"),
        ("WebhookEvent", "type:String payload:Json createdAt:DateTime deliveries:*WebhookDelivery"),
        ("WebhookDelivery", "subscriptionId:String subscription:>WebhookSubscription eventId:String event:>WebhookEvent status:DeliveryStatus attempts:Int responseCode:Int? lastAttemptAt:DateTime? nextRetryAt:DateTime?"),
        ("IntegrationToken", "provider:String accessToken:String! refreshToken:String?! expiresAt:DateTime? createdAt:DateTime"),
    ]

    static let catalog: Catalog = {
        let enumNames = Set(enums.map(\.0))
        var built: [Model] = []
        for (name, spec) in models {
            let isRoot = name == "Tenant"
            var fields = [Field(name: "id", columnName: "id", type: .scalar(.string), isId: true)]
            if !isRoot {
                fields.append(Field(name: "tenantId", columnName: "tenant_id", type: .scalar(.string), isTenantKey: true))
                fields.append(Field(name: "tenant", columnName: "tenant",
                                    type: .relation(Relation(name: nil, targetModel: "Tenant", cardinality: .toOne, oppositeField: nil,
                                                             joinColumns: [], isOwningSide: true)),
                                    isTenantKey: true))
            }
            for item in spec.split(separator: " ") {
                let parts = item.split(separator: ":")
                var type = String(parts[1])
                let sensitive = type.hasSuffix("!")
                if sensitive { type.removeLast() }
                let optional = type.hasSuffix("?")
                if optional { type.removeLast() }
                let list = type.hasSuffix("[]")
                if list { type.removeLast(2) }
                let fieldType: FieldType
                if type.hasPrefix(">") || type.hasPrefix("*") {
                    fieldType = .relation(Relation(name: nil, targetModel: String(type.dropFirst()),
                                                   cardinality: type.hasPrefix(">") ? .toOne : .toMany,
                                                   oppositeField: nil, joinColumns: [], isOwningSide: type.hasPrefix(">")))
                } else if enumNames.contains(type) {
                    fieldType = .enumeration(type)
                } else {
                    fieldType = .scalar(ScalarType(rawValue: type)!)
                }
                fields.append(Field(name: String(parts[0]), columnName: String(parts[0]), type: fieldType,
                                    isOptional: optional, isList: list, isSensitive: sensitive))
            }
            built.append(Model(name: name, tableName: name.lowercased(), fields: fields,
                               isTenantScoped: !isRoot, isTenantRoot: isRoot, primaryKey: ["id"]))
        }
        let enumTypes = enums.map { EnumType(name: $0.0, databaseName: $0.0, values: $0.1.map { EnumValue(name: $0, databaseName: $0) }) }
        return Catalog(models: built, enums: enumTypes, tenancy: .rowLevel(RowLevelTenancy()))
    }()
}
