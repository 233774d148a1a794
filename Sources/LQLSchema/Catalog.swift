import LQLDiagnostics

/// What lql knows about a database, read from a Prisma schema: models with their tables,
/// fields with their columns and types, enums, relations resolved in both directions,
/// which fields are secret, and how tenants are kept apart.
public struct Catalog: Sendable {
    public var models: [Model]
    public var enums: [EnumType]
    public var tenancy: Tenancy
    /// `datasource` blocks' `schemas = [...]` (Prisma multiSchema), in order.
    public var datasourceSchemas: [String]
    private var modelIndex: [String: Int]
    private var enumIndex: [String: Int]

    public init(models: [Model], enums: [EnumType], tenancy: Tenancy, datasourceSchemas: [String] = []) {
        self.models = models
        self.enums = enums
        self.tenancy = tenancy
        self.datasourceSchemas = datasourceSchemas
        var mi: [String: Int] = [:]
        for (i, m) in models.enumerated() { mi[m.name] = i }
        var ei: [String: Int] = [:]
        for (i, e) in enums.enumerated() { ei[e.name] = i }
        self.modelIndex = mi
        self.enumIndex = ei
    }

    public func model(named name: String) -> Model? { modelIndex[name].map { models[$0] } }
    public func enumType(named name: String) -> EnumType? { enumIndex[name].map { enums[$0] } }

    /// Models a query may start from: not the tenancy root, and in the row-level style only
    /// models lql can scope (or that are shared).
    public var queryableModels: [Model] { models.filter { canStartQuery($0) } }

    /// A query may start from `m`: it is scoped or shared. An unscoped model in a tenant-aware
    /// catalog is readable only as the to-one related record of a row already held.
    public func canStartQuery(_ m: Model) -> Bool {
        if m.isTenantRoot { return false }
        return canReadMany(m)
    }

    /// `f` is a relation into the tenancy root (`tenant`, or another such as `partnerTenant`):
    /// refused in queries, since the root holds every tenant.
    public func leadsToTenantRoot(_ f: Field) -> Bool {
        guard let r = f.relation else { return false }
        return model(named: r.targetModel)?.isTenantRoot ?? false
    }

    /// Rows of `m` may be read as a set (a query's source, a to-many relation, a collection).
    public func canReadMany(_ m: Model) -> Bool {
        guard case .rowLevel = tenancy else { return true }
        // `isTenantScoped` alone: a catalog built by hand (tests) that says so.
        return m.tenantScope.isScoped || m.tenantScope == .shared || m.isTenantScoped
    }

    /// The rule a reference to `m` follows. Catalogs built by hand (tests) that only set
    /// `isTenantScoped` are scoped by the tenancy's column when the model has it.
    public func scopeRule(of m: Model) -> TenantScopeRule {
        if m.tenantScope != .unscoped { return m.tenantScope }
        return scopeOfHandBuilt(m) ?? .unscoped
    }

    private func scopeOfHandBuilt(_ m: Model) -> TenantScopeRule? {
        guard case .rowLevel(let r) = tenancy, m.tenantScope == .unscoped, m.isTenantScoped,
              let f = m.fields.first(where: { !$0.isRelation && $0.columnName == r.tenantColumn }) else { return nil }
        return .key(field: f.name, column: f.columnName)
    }
}

/// How tenants are separated in the database.
public enum Tenancy: Hashable, Sendable {
    /// Every tenant-scoped table has a tenant column; the scope sets
    /// `app.current_tenant_id` and every table reference carries `alias.<column> = $1`.
    case rowLevel(RowLevelTenancy)
    /// One PostgreSQL schema per tenant (`tenant_<slug>`); the scope sets `search_path`.
    case schemaPerTenant(SchemaTenancy)
    /// No tenancy facts found (a plain schema). Queries still run in a read-only transaction.
    case none
}

public struct RowLevelTenancy: Hashable, Sendable {
    /// The model holding the tenants (`Tenant`).
    public var tenantModel: String
    /// The field on each scoped model (`tenantId`) and its column (`tenant_id`).
    public var tenantField: String
    public var tenantColumn: String
    /// The relation field to the tenant (`tenant`), hidden from queries.
    public var tenantRelationField: String
    /// The setting the policies read; "" when the app has no RLS policies (lql's predicates
    /// are then the only wall).
    public var settingName: String
    public var policySetting: String? { settingName.isEmpty ? nil : settingName }
    /// The root's key column (what the scoped models' keys point at) and its type: `$1` is bound
    /// as this type, so a uuid- or Int-keyed root never meets `uuid = text`.
    public var rootKeyColumn: String
    public var keyType: TenantKeyType
    /// Fields of the root that `--tenant VALUE` may match, in order.
    public var lookupFields: [String]
    public init(tenantModel: String = "Tenant", tenantField: String = "tenantId", tenantColumn: String = "tenant_id",
                tenantRelationField: String = "tenant", settingName: String = "app.current_tenant_id",
                rootKeyColumn: String = "id", keyType: TenantKeyType = .text, lookupFields: [String] = ["slug", "id"]) {
        self.tenantModel = tenantModel
        self.tenantField = tenantField
        self.tenantColumn = tenantColumn
        self.tenantRelationField = tenantRelationField
        self.settingName = settingName
        self.rootKeyColumn = rootKeyColumn
        self.keyType = keyType
        self.lookupFields = lookupFields
    }
}

/// The PostgreSQL type of the tenant key, from the root's key field (`String`, `String @db.Uuid`,
/// `Int`, `BigInt`).
public enum TenantKeyType: String, Hashable, Sendable {
    case text, uuid, int4, int8

    public init(field: Field?) {
        guard let field else { self = .text; return }
        switch field.type {
        case .scalar(.int): self = .int4
        case .scalar(.bigInt): self = .int8
        case .scalar(.string) where field.nativeType?.lowercased().hasPrefix("uuid") == true: self = .uuid
        default: self = .text
        }
    }

    /// The type's OID, for a typed bind.
    public var oid: UInt32 {
        switch self {
        case .text: 25
        case .uuid: 2950
        case .int4: 23
        case .int8: 20
        }
    }
}

public struct SchemaTenancy: Hashable, Sendable {
    /// The model holding the tenants (`Tenant`), in the shared schema.
    public var tenantModel: String
    /// The shared schema (`public`).
    public var sharedSchema: String
    /// The Prisma `@@schema` name of the per-tenant template (models cloned into every tenant).
    public var tenantSchemaTemplate: String
    /// Tenant schema names are `prefix + slug` (`tenant_acme`).
    public var schemaPrefix: String
    public init(tenantModel: String = "Tenant", sharedSchema: String = "public",
                tenantSchemaTemplate: String = "tenant", schemaPrefix: String = "tenant_") {
        self.tenantModel = tenantModel
        self.sharedSchema = sharedSchema
        self.tenantSchemaTemplate = tenantSchemaTemplate
        self.schemaPrefix = schemaPrefix
    }
}

public struct Model: Sendable {
    public var name: String
    /// The table (or view) name in the database: `@@map` or the model name.
    public var tableName: String
    /// `@@schema("…")`, if any.
    public var schemaName: String?
    /// In schema order, including relation fields.
    public var fields: [Field]
    /// A Prisma `view` block: read-only by nature.
    public var isView: Bool
    /// Rows belong to one tenant (has the tenant column, or lives in the per-tenant schema).
    public var isTenantScoped: Bool
    /// The model that holds the tenants themselves.
    public var isTenantRoot: Bool
    /// How a reference to it is kept to the tenant, and what decided that (`lql schema` shows both).
    public var tenantScope: TenantScopeRule = .unscoped
    public var tenantScopeSource: String = ""
    /// Field names of the primary key (`@id` or `@@id`).
    public var primaryKey: [String]
    /// Field-name lists of `@unique`/`@@unique`.
    public var uniqueKeys: [[String]]
    /// The `///` doc comment text.
    public var documentation: String?
    /// Where the model is declared in the schema file.
    public var span: Span
    /// Block attributes as written (`@@index([tenantId, status])`, `@@map`, unknown ones too).
    public var attributes: [Attribute] = []

    public init(name: String, tableName: String, schemaName: String? = nil, fields: [Field], isView: Bool = false,
                isTenantScoped: Bool = false, isTenantRoot: Bool = false, primaryKey: [String] = [],
                uniqueKeys: [[String]] = [], documentation: String? = nil, span: Span = .at(0)) {
        self.name = name
        self.tableName = tableName
        self.schemaName = schemaName
        self.fields = fields
        self.isView = isView
        self.isTenantScoped = isTenantScoped
        self.isTenantRoot = isTenantRoot
        self.primaryKey = primaryKey
        self.uniqueKeys = uniqueKeys
        self.documentation = documentation
        self.span = span
    }

    public func field(named name: String) -> Field? { fields.first { $0.name == name } }

    /// Scalar and enum fields (columns), in schema order.
    public var columnFields: [Field] { fields.filter { !$0.isRelation } }
    public var relationFields: [Field] { fields.filter { $0.isRelation } }
}

public enum ScalarType: String, Hashable, Sendable, CaseIterable {
    case string = "String"
    case int = "Int"
    case bigInt = "BigInt"
    case float = "Float"
    case decimal = "Decimal"
    case boolean = "Boolean"
    case dateTime = "DateTime"
    case json = "Json"
    case bytes = "Bytes"
}

public enum FieldType: Hashable, Sendable {
    case scalar(ScalarType)
    /// The Prisma enum's name.
    case enumeration(String)
    case relation(Relation)
    /// `Unsupported("…")` or an unknown type name: present in the table, not queryable.
    case unsupported(String)
}

public struct Field: Sendable {
    public var name: String
    /// `@map` or the field name.
    public var columnName: String
    public var type: FieldType
    /// `Type?`
    public var isOptional: Bool
    /// `Type[]`
    public var isList: Bool
    public var isId: Bool
    public var isUnique: Bool
    public var isUpdatedAt: Bool
    public var hasDefault: Bool
    /// `@db.Decimal(12,2)` → "Decimal(12,2)"
    public var nativeType: String?
    /// `///` doc comment mentions `@sensitive`: lql refuses every reference to it.
    public var isSensitive: Bool
    /// The tenant column or the tenant relation: hidden from queries like a secret.
    public var isTenantKey: Bool
    public var documentation: String?
    /// Every attribute as written, unknown ones included.
    public var attributes: [Attribute]
    public var span: Span

    public init(name: String, columnName: String, type: FieldType, isOptional: Bool = false, isList: Bool = false,
                isId: Bool = false, isUnique: Bool = false, isUpdatedAt: Bool = false, hasDefault: Bool = false,
                nativeType: String? = nil, isSensitive: Bool = false, isTenantKey: Bool = false,
                documentation: String? = nil, attributes: [Attribute] = [], span: Span = .at(0)) {
        self.name = name
        self.columnName = columnName
        self.type = type
        self.isOptional = isOptional
        self.isList = isList
        self.isId = isId
        self.isUnique = isUnique
        self.isUpdatedAt = isUpdatedAt
        self.hasDefault = hasDefault
        self.nativeType = nativeType
        self.isSensitive = isSensitive
        self.isTenantKey = isTenantKey
        self.documentation = documentation
        self.attributes = attributes
        self.span = span
    }

    public var relation: Relation? {
        if case .relation(let r) = type { return r }
        return nil
    }
    public var isRelation: Bool { relation != nil }
    /// Hidden from every position of a query (select, where, sort, group, aggregates, shapes).
    public var isForbidden: Bool { isSensitive || isTenantKey }
}

/// A relation field resolved in both directions.
public struct Relation: Hashable, Sendable {
    public enum Cardinality: Hashable, Sendable { case toOne, toMany }
    /// `@relation("name")` / `@relation(name: "…")`, if given.
    public var name: String?
    /// The model at the other end.
    public var targetModel: String
    public var cardinality: Cardinality
    /// The relation field on the other model that pairs with this one, if declared.
    public var oppositeField: String?
    /// Join columns: `self.<local> = target.<remote>` for each pair. For the side that holds the
    /// foreign key (`@relation(fields: [customerId], references: [id])`) local is the FK column;
    /// for the back side (`orders Order[]`) remote is the FK column.
    public var joinColumns: [ColumnPair]
    /// This side holds the foreign key (`fields:` given here).
    public var isOwningSide: Bool
    /// For an implicit many-to-many relation (lists on both sides, no `fields:`), Prisma's join
    /// table (`_CategoryToPost`, columns `A` and `B`); `joinColumns` is then empty.
    public var implicitJoinTable: String? = nil
    /// How that join table links the two ends, when both models have a single-field `@id`
    /// (Prisma requires it); nil: lql cannot follow the relation.
    public var implicitJoin: ImplicitJoin? = nil

    public init(name: String?, targetModel: String, cardinality: Cardinality, oppositeField: String?,
                joinColumns: [ColumnPair], isOwningSide: Bool) {
        self.name = name
        self.targetModel = targetModel
        self.cardinality = cardinality
        self.oppositeField = oppositeField
        self.joinColumns = joinColumns
        self.isOwningSide = isOwningSide
    }
}

/// Prisma's hidden join table of an implicit many-to-many relation, seen from one end: the table
/// (`_CategoryToPost`, or `_Name` for `@relation("Name")`) has no columns but `A` and `B`, `A`
/// pointing at the `@id` of the model whose name sorts first (in a self-relation, `A` holds the
/// rows the field that sorts first lists). A row of this end links to the target rows with
/// `link.<localSide> = this.<localKey> AND link.<remoteSide> = target.<remoteKey>`.
public struct ImplicitJoin: Hashable, Sendable {
    public var table: String
    /// `@@schema` of the model whose name sorts first (Prisma puts the table there).
    public var schema: String?
    /// `A` or `B`: the link column holding this end's key.
    public var localSide: String
    public var remoteSide: String
    /// This end's and the target's `@id` columns.
    public var localKey: String
    public var remoteKey: String
    public init(table: String, schema: String?, localSide: String, remoteSide: String, localKey: String, remoteKey: String) {
        self.table = table
        self.schema = schema
        self.localSide = localSide
        self.remoteSide = remoteSide
        self.localKey = localKey
        self.remoteKey = remoteKey
    }
}

public struct ColumnPair: Hashable, Sendable {
    public var local: String
    public var remote: String
    public init(local: String, remote: String) {
        self.local = local
        self.remote = remote
    }
}

public struct EnumType: Sendable {
    public var name: String
    /// The database type name: `@@map` or the enum name.
    public var databaseName: String
    public var schemaName: String?
    public var values: [EnumValue]
    public var documentation: String?
    public var span: Span
    public init(name: String, databaseName: String, schemaName: String? = nil, values: [EnumValue],
                documentation: String? = nil, span: Span = .at(0)) {
        self.name = name
        self.databaseName = databaseName
        self.schemaName = schemaName
        self.values = values
        self.documentation = documentation
        self.span = span
    }
    public func value(named name: String) -> EnumValue? { values.first { $0.name == name } }
}

public struct EnumValue: Hashable, Sendable {
    public var name: String
    /// `@map("…")` or the name: what is stored in the database.
    public var databaseName: String
    public init(name: String, databaseName: String) {
        self.name = name
        self.databaseName = databaseName
    }
}

/// An attribute as written: `@default(uuid())`, `@@index([tenantId, status])`, `@db.Decimal(12, 2)`.
public struct Attribute: Hashable, Sendable {
    /// Without the `@`/`@@`: "default", "index", "db.Decimal".
    public var name: String
    public var isBlock: Bool
    /// Argument texts as written, with their names when given (`fields: [customerId]`).
    public var arguments: [AttributeArgument]
    public var span: Span
    public init(name: String, isBlock: Bool, arguments: [AttributeArgument], span: Span) {
        self.name = name
        self.isBlock = isBlock
        self.arguments = arguments
        self.span = span
    }
}

public struct AttributeArgument: Hashable, Sendable {
    public var name: String?
    /// The raw value text: `[customerId]`, `"orders"`, `uuid()`, `12`.
    public var value: String
    public init(name: String?, value: String) {
        self.name = name
        self.value = value
    }
}
