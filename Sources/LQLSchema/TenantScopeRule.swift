/// How one model's rows are kept to the current tenant (configuration.md, "Rules"): every model
/// is exactly one of these, and the SQL generator writes the matching predicate on every
/// reference to it.
public enum TenantScopeRule: Hashable, Sendable {
    /// The model holding the tenants: a reference sees only the current tenant's own row
    /// (`alias.<column> = $1`, the column the scoped models' keys point at).
    case root(column: String)
    /// The model's own key column points at the root: `alias.<column> = $1`. Each model has its
    /// own column (`orgId` here, `organizationId` there).
    case key(field: String, column: String)
    /// No key of its own: scoped through a to-one path (relation field names) that ends at a
    /// keyed model or the root. Written as an EXISTS chain, every hop scoped.
    case through(path: [String])
    /// Lives in the tenant's own schema (schema-per-tenant style): `search_path` scopes it.
    case tenantSchema
    /// Belongs to no tenant; anyone may read it (configured in `[tenancy.shared]` or `/// @shared`).
    case shared
    /// lql cannot scope it: it never starts a query and is readable only as the to-one related
    /// record of a row the query already holds.
    case unscoped

    /// A reference to it carries a tenant predicate of its own (or `search_path` scopes it).
    public var isScoped: Bool {
        switch self {
        case .root, .key, .through, .tenantSchema: true
        case .shared, .unscoped: false
        }
    }

    /// The short name `lql schema` shows.
    public var label: String {
        switch self {
        case .root: "root"
        case .key(let field, _): "scoped by \(field)"
        case .through(let path): "scoped through \(path.joined(separator: "."))"
        case .tenantSchema: "tenant schema"
        case .shared: "shared"
        case .unscoped: "unscoped"
        }
    }
}
