import LQLPostgres
import LQLDiagnostics
import LQLSystem
import Synchronization

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

/// Zone names already checked against pg_timezone_names in this process, by lower-cased name →
/// the catalog's spelling. Reading pg_timezone_names costs ~150 ms (the server loads every
/// zone), so a session (the REPL, a report's statements) pays it once per zone, not per
/// transaction.
let checkedZones = Mutex<[String: String]>([:])

extension TenantScope {
    /// The zone a scope for `tenant` reads dates in, as the server spells it (`--time-zone tenant`:
    /// America/Los_Angeles for Leora's first tenant), for the prompt's banner and `\conninfo`.
    /// The scope runs none of the caller's statements, so it writes no audit record.
    public func zoneInUse(for tenant: Tenant, on connection: Connection) throws -> String? {
        try withTenant(tenant, on: connection) { tx in
            try tx.connection.execute("SELECT pg_catalog.current_setting('TimeZone')")[0, 0]
        }
    }

    static let checkZoneSQL = """
        SELECT name FROM pg_timezone_names WHERE lower(name) = lower($1) ORDER BY name = $1 DESC, name LIMIT 1
        """

    /// Sets the transaction's `TimeZone` (SET LOCAL) to `zone`. The name is a bind, and only a
    /// name found in `pg_timezone_names` is set, in the catalog's own spelling: nothing the caller
    /// wrote is spliced into SQL, and a POSIX string PostgreSQL would also accept (`UTC+3`) is not.
    func apply(_ zone: SessionTimeZone, tenant: Tenant, on connection: Connection) throws {
        let name: String
        switch zone {
        case .named(let given): name = given
        case .tenant(let sql, let bindsTenant):
            // The tenant's id as the key's own type (uuid, int4, …), as every scoped statement binds it.
            let result = bindsTenant ? try connection.execute(sql, [tenant.id], types: [strategy.tenantTypeOID])
                                     : try connection.execute(sql)
            guard result.rowCount > 0, let value = result[0, 0], !value.trimmingWhitespaceAndNewlines().isEmpty else {
                throw TimeZoneError.tenantHasNone(tenant: tenant.slug)
            }
            name = value.trimmingWhitespaceAndNewlines()
        }
        let key = name.lowercased()
        var canonical = checkedZones.withLock { $0[key] }
        if canonical == nil {
            let found = try connection.execute(TenantScope.checkZoneSQL, [name], types: [TenantScope.textOID])
            guard found.rowCount > 0, let spelled = found[0, 0] else {
                let names = (try? connection.execute("SELECT name FROM pg_timezone_names").rows.compactMap { $0.first ?? nil }) ?? []
                throw TimeZoneError.unknown(given: name, similar: Suggestions.closest(to: name, among: names))
            }
            checkedZones.withLock { $0[key] = spelled }
            canonical = spelled
        }
        try connection.execute("SELECT set_config('TimeZone', $1, true)", [canonical!], types: [TenantScope.textOID])
    }
}
