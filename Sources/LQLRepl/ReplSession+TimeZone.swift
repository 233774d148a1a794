import LQL
import LQLTenancy

/// `\set timezone ZONE|tenant` and `\unset timezone`: the zone the session's queries read
/// dates in (checked against pg_timezone_names when the next query runs in the scope).
extension ReplSession {
    static let timeZoneName = "timezone"

    func setTimeZone(_ value: String?) {
        let raw = value?.trimmingCharacters(in: .whitespaces) ?? ""
        if raw.isEmpty || raw.lowercased() == "default" {
            scope.timeZone = nil
        } else if raw.lowercased() == "tenant" {
            guard let (sql, binds) = TimeZoneQuery.tenantZoneQuery(catalog) else {
                say("the schema records no time zone per tenant; give a zone name, like \\set timezone America/Los_Angeles")
                return
            }
            scope.timeZone = .tenant(sql: sql, bindsTenant: binds)
            refreshTenantZone()
        } else {
            scope.timeZone = .named(raw)
        }
        say("Time zone is \(timeZoneDescription).")
    }

    public var timeZoneDescription: String {
        switch scope.timeZone {
        case nil: "the server's (UTC)"
        case .named(let z)?: z
        case .tenant?: "the tenant's own" + (tenantZoneName.map { " (\($0))" } ?? "")
        }
    }

    /// The first line of an interactive session: version, database, tenant, the time zone when
    /// one was chosen (the tenant's own by name), and where help is.
    var banner: String? {
        bannerHead.map { $0 + (scope.timeZone == nil ? "" : " · time zone \(timeZoneDescription)") + " · \\help for help, \\q quits" }
    }

    /// Reads the tenant's own zone for `timeZoneDescription` (after the tenant or the choice
    /// changed). A tenant without one leaves it unnamed; its next query says why.
    func refreshTenantZone() {
        tenantZoneName = nil
        guard case .tenant? = scope.timeZone, let tenant, connection.isConnected else { return }
        tenantZoneName = try? scope.zoneInUse(for: tenant, on: connection)
    }
}
