import LQLPostgres
import LQLSchema

/// `\tenants`: slug and name of the tenants the role can see, read from the tenancy root the
/// schema names (the `Tenant` model, whatever it maps to) — only those two columns, even when
/// the root has more. The pattern is a bind (`ILIKE`, `%` around it); the identifiers come from
/// the schema, quoted.
public struct TenantDirectory: Sendable {
    public let sql: String

    /// nil when the schema has no tenancy root with a `slug` field.
    public init?(catalog: Catalog) {
        guard let root = catalog.models.first(where: \.isTenantRoot),
              let slug = root.fields.first(where: { $0.name == "slug" }) else { return nil }
        let name = root.fields.first(where: { $0.name == "name" }) ?? slug
        let table = Self.quote(root.schemaName ?? "public") + "." + Self.quote(root.tableName)
        let s = Self.quote(slug.columnName), n = Self.quote(name.columnName)
        sql = "SELECT \(s)::text AS slug, \(n)::text AS name FROM \(table) "
            + "WHERE $1::text IS NULL OR \(s)::text ILIKE '%' || $1 || '%' OR \(n)::text ILIKE '%' || $1 || '%' "
            + "ORDER BY 1 LIMIT 10000"
    }

    /// The tenants matching `pattern` (part of a slug or name, any case; `%` and `_` are LIKE's).
    public func list(matching pattern: String?, on connection: Connection) throws -> [(slug: String, name: String)] {
        let result = try connection.execute(sql, [pattern], types: [25])
        return result.rows.map { ($0[0] ?? "", $0.count > 1 ? $0[1] ?? "" : "") }
    }

    static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
