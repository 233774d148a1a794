import LQL
import LQLTenancy
import LQLSystem

/// `--time-zone ZONE|tenant` (else LQL_TIME_ZONE): which zone a run reads dates in.
enum TimeZoneChoice {
    static func resolve(_ given: String?, catalog: Catalog) throws -> SessionTimeZone? {
        guard let raw = given?.trimmingWhitespaceAndNewlines(), !raw.isEmpty else { return nil }
        guard raw.lowercased() == "tenant" else { return .named(raw) }
        guard let (sql, binds) = TimeZoneQuery.tenantZoneQuery(catalog) else {
            throw CommandFailure(.usage, "lql: --time-zone tenant: the schema records no time zone per tenant (a `timezone` field on the tenant or a one-per-tenant model); give a zone name")
        }
        return .tenant(sql: sql, bindsTenant: binds)
    }

}
