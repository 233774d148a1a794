import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// `--time-zone`: dates follow the zone set inside the tenant scope with
/// `set_config('TimeZone', …, true)`, the name checked against pg_timezone_names; the default
/// stays the server's UTC. Against the real Leora cluster.
@Suite struct TimeZoneTests {
    static let januaryRevenue = """
        Order | where status in [CONFIRMED, FULFILLED] and orderDate in @2025-01-01..@2025-02-01
        | aggregate revenue: sum(total)
        """
    static let byMonth = """
        Order | where status in [CONFIRMED, FULFILLED]
        | group by month: date(trunc(orderDate, "month")) aggregate revenue: sum(total)
        | where month == @2025-01-01
        | select revenue
        """

    func run(_ text: String, zone: SessionTimeZone?, tenant: String = LeoraCluster.tenants[0]) throws -> [[String?]] {
        let db = try LeoraCluster.shared()
        let reader = try Connection(db.readerURL)
        return try runCompiledQuery(text, catalog: db.catalog, scope: TenantScope(timeZone: zone), tenant: tenant, on: reader)
    }

    var tenantZone: SessionTimeZone {
        get throws {
            let db = try LeoraCluster.shared()
            guard let (sql, binds) = TimeZoneQuery.tenantZoneQuery(db.catalog) else { throw ClusterSetupError("no tenant zone field") }
            return .tenant(sql: sql, bindsTenant: binds)
        }
    }

    @Test func firstTenantJanuaryRevenueByLocalMonth() throws {
        // The issue's check: well-crafted is in America/Los_Angeles.
        #expect(try run(Self.byMonth, zone: nil) == [["40661.30"]])
        #expect(try run(Self.byMonth, zone: tenantZone) == [["37540.46"]])
        #expect(try run(Self.byMonth, zone: .named("America/Los_Angeles")) == [["37540.46"]])
        // Date literals follow the zone too: the half-open January range is local midnight to midnight.
        #expect(try run(Self.januaryRevenue, zone: nil) == [["40661.30"]])
        #expect(try run(Self.januaryRevenue, zone: tenantZone) == [["37540.46"]])
    }

    @Test func calendarFunctionsAndPrintedTimestampsFollowTheZone() throws {
        let q = """
            Order | where status != CANCELLED | sort orderDate, id | take 1
            | select d: date(orderDate), wd: weekday(orderDate), h: hour(orderDate), s: string(orderDate), at: orderDate,
                     days: days_between(orderDate, @2025-03-01)
            """
        let utc = try run(q, zone: .named("UTC"))[0]
        let tokyo = try run(q, zone: .named("Asia/Tokyo"))[0]
        let utcHour = Int(utc[2] ?? "") ?? -1, tokyoHour = Int(tokyo[2] ?? "") ?? -1
        #expect((utcHour + 9) % 24 == tokyoHour, "utc \(utc) tokyo \(tokyo)")
        #expect(utc[4]?.hasSuffix("+00") == true, "printed in UTC: \(utc[4] ?? "nil")")
        #expect(tokyo[4]?.hasSuffix("+09") == true, "printed in Tokyo time: \(tokyo[4] ?? "nil")")
        #expect(tokyo[3]?.hasSuffix("+09") == true)
        if utcHour + 9 >= 24 {
            #expect(utc[0] != tokyo[0] && utc[1] != tokyo[1])
        }
    }

    @Test func defaultStaysUTCAndNamesAreCaseInsensitive() throws {
        let q = "Order | sort orderDate, id | take 1 | select at: orderDate"
        let plain = try run(q, zone: nil)
        #expect(plain == (try run(q, zone: .named("utc"))))
        #expect(plain[0][0]?.hasSuffix("+00") == true)
    }

    @Test func unknownZoneIsRefusedWithCloseNames() throws {
        do {
            _ = try run("Order | count", zone: .named("America/Los_Angles"))
            Issue.record("an unknown zone ran")
        } catch let e as TimeZoneError {
            #expect("\(e)".contains("America/Los_Angeles"), "\(e)")
        }
        // A hostile name is only ever a bind: refused, and nothing else happens.
        do {
            _ = try run("Order | count", zone: .named("UTC'; SELECT 1; --"))
            Issue.record("a hostile zone ran")
        } catch let e as TimeZoneError {
            if case .unknown = e {} else { Issue.record("\(e)") }
        }
    }

    /// Measured, not asserted: what the zone costs a transaction (one more statement, which
    /// reads pg_timezone_names).
    @Test func costOfSettingTheZone() throws {
        let db = try LeoraCluster.shared()
        let reader = try Connection(db.readerURL)
        let tenant = try TenantScope().resolve(LeoraCluster.tenants[0], on: reader)
        func time(_ scope: TenantScope) throws -> Double {
            let clock = ContinuousClock()
            let n = 30
            let start = clock.now
            for _ in 0..<n { try scope.withTenant(tenant, on: reader) { _ in } }
            let d = clock.now - start
            return (Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15) / Double(n)
        }
        let clock = ContinuousClock()
        let start = clock.now
        try TenantScope(timeZone: .named("Europe/Lisbon")).withTenant(tenant, on: reader) { _ in }
        print("time zone: first use of a zone in a process (checks pg_timezone_names): \(clock.now - start)")
        _ = try time(TenantScope()); _ = try time(TenantScope(timeZone: .named("America/Los_Angeles")))
        let plain = try time(TenantScope()), named = try time(TenantScope(timeZone: .named("America/Los_Angeles")))
        let own = try time(TenantScope(timeZone: try tenantZone))
        print("time zone cost per transaction: none \(plain) ms, named \(named) ms, tenant \(own) ms")
    }

    @Test func everyTenantReadsItsOwnZone() throws {
        let db = try LeoraCluster.shared()
        let owner = try Connection(db.ownerURL)
        let q = "Order | where status in [CONFIRMED, FULFILLED] | group by m: date(trunc(orderDate, \"month\")) aggregate r: sum(total) | sort m"
        for slug in LeoraCluster.tenants {
            let id = try db.tenantID(slug)
            let zone = try owner.execute("SELECT timezone FROM tenant_settings WHERE tenant_id = $1", [id])[0, 0] ?? "UTC"
            let want = try owner.execute("""
                SELECT date_trunc('month', order_date AT TIME ZONE '\(zone.replacingOccurrences(of: "'", with: "''"))')::date, sum(total)
                FROM orders WHERE tenant_id = $1 AND status IN ('CONFIRMED', 'FULFILLED') GROUP BY 1 ORDER BY 1
                """, [id]).rows
            #expect(try run(q, zone: tenantZone, tenant: slug) == want, "tenant \(slug) in \(zone)")
        }
    }
}

/// The same through the real binary: `--time-zone`, `LQL_TIME_ZONE`, and the exit status of a
/// bad zone.
@Suite struct TimeZoneCLITests {
    func lql(_ args: [String], env: [String: String] = [:]) throws -> ProcessOutcome {
        let db = try LeoraCluster.shared()
        return try runLQL(args + ["--schema", "examples/leora/schema.prisma", "--tenant", "well-crafted", "--format", "csv"],
                          environment: ["DATABASE_URL": db.readerURL].merging(env) { $1 })
    }

    let query = "Order | where status in [CONFIRMED, FULFILLED] | group by m: date(trunc(orderDate, \"month\")) aggregate r: sum(total) | where m == @2025-01-01 | select r"

    @Test func flagAndVariable() throws {
        #expect(try lql(["-e", query]).out.contains("40661.30"))
        let tenant = try lql(["-e", query, "--time-zone", "tenant"])
        #expect(tenant.status == 0 && tenant.out.contains("37540.46"), "\(tenant.err)")
        let variable = try lql(["-e", query], env: ["LQL_TIME_ZONE": "America/Los_Angeles"])
        #expect(variable.out.contains("37540.46"), "\(variable.err)")
    }

    @Test func unknownZoneExitsTwoWithCloseNames() throws {
        let r = try lql(["-e", "Order | count", "--time-zone", "Europe/Pariss"])
        #expect(r.status == 2, "\(r.err)")
        #expect(r.err.contains("Europe/Paris"), "\(r.err)")
    }
}
