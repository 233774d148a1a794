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
        } else {
            scope.timeZone = .named(raw)
        }
        say("Time zone is \(timeZoneDescription).")
    }

    var timeZoneDescription: String {
        switch scope.timeZone {
        case nil: "the server's (UTC)"
        case .named(let z)?: z
        case .tenant?: "the tenant's own"
        }
    }
}
