import LQLPostgres
import LQLDiagnostics
import LQLSystem

/// The zone a tenant transaction reads dates in: date literals, `date`, `trunc`, `weekday`,
/// `days_between` and printed timestamps follow the session's `TimeZone`. Without one the
/// server's setting stays (UTC for Prisma databases), so existing reports keep their numbers.
public enum SessionTimeZone: Sendable, Hashable {
    /// A zone name the caller gave (`America/Los_Angeles`, `UTC`).
    case named(String)
    /// The tenant's own zone, read inside the scope by `sql` (one row, one text column);
    /// `bindsTenant`: the statement takes the tenant id as `$1`.
    case tenant(sql: String, bindsTenant: Bool)
}

public enum TimeZoneError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not a name in `pg_timezone_names`; `similar` are close names that are.
    case unknown(given: String, similar: [String])
    /// `--time-zone tenant`, but this tenant has no zone recorded.
    case tenantHasNone(tenant: String)

    public var description: String {
        switch self {
        case .unknown(let given, let similar):
            let base = "unknown time zone `\(given)`"
            return similar.isEmpty ? base + " (names as in pg_timezone_names, like America/Los_Angeles or UTC)"
                                   : base + "; did you mean \(Suggestions.quotedList(similar))?"
        case .tenantHasNone(let tenant):
            return "tenant `\(tenant)` has no time zone recorded; give a zone name with --time-zone"
        }
    }
}

extension TenantScope {
    static let setTimeZoneSQL = """
        SELECT set_config('TimeZone', name, true) FROM pg_timezone_names WHERE lower(name) = lower($1) \
        ORDER BY name = $1 DESC, name LIMIT 1
        """

    /// Sets the transaction's `TimeZone` (SET LOCAL) to `zone`. The name is a bind, checked
    /// against `pg_timezone_names` in the same statement, and the value set is the catalog's own
    /// spelling of it: nothing the caller wrote is spliced into SQL.
    func apply(_ zone: SessionTimeZone, tenant: Tenant, on connection: Connection) throws {
        let name: String
        switch zone {
        case .named(let given): name = given
        case .tenant(let sql, let bindsTenant):
            let result = bindsTenant ? try connection.execute(sql, [tenant.id], types: [TenantScope.textOID])
                                     : try connection.execute(sql)
            guard result.rowCount > 0, let value = result[0, 0], !value.trimmingWhitespaceAndNewlines().isEmpty else {
                throw TimeZoneError.tenantHasNone(tenant: tenant.slug)
            }
            name = value.trimmingWhitespaceAndNewlines()
        }
        let set = try connection.execute(TenantScope.setTimeZoneSQL, [name], types: [TenantScope.textOID])
        guard set.rowCount > 0 else {
            let names = (try? connection.execute("SELECT name FROM pg_timezone_names").rows.compactMap { $0.first ?? nil }) ?? []
            throw TimeZoneError.unknown(given: name, similar: Suggestions.closest(to: name, among: names))
        }
    }
}
