import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// Hostile tenant ids are unknown tenants (exit-4 class), never SQL, and the connection survives.
struct TenantIdTests {
    static let hostile = [
        "t1' OR '1'='1", "t1; RESET ALL", "well-crafted' --", "well-crafted'; SET ROLE postgres; --",
        "%", "_", "well-crafted\u{0}x", String(repeating: "x", count: 10_000), String(repeating: "'", count: 10_000),
    ]

    @Test("hostile tenant ids are refused as unknown and the connection stays usable", arguments: hostile.indices)
    func hostileTenant(_ index: Int) throws {
        let given = TenantIdTests.hostile[index]
        let pg = try LeoraCluster.shared()
        let reader = try Connection(pg.readerURL)
        let scope = TenantScope()
        let statement = try #require(Security.compile("Order | count").program?.statements.first?.sql)
        do {
            let rows = try scope.withTenant(given, on: reader) { try $0.execute(statement).rows }
            Issue.record("tenant \(given.prefix(40)) accepted: \(rows)")
        } catch let error as TenantError {
            guard case .unknown = error else { Issue.record("expected unknown tenant, got \(error)"); return }
        } catch {
            // A NUL byte cannot be sent as a libpq text parameter; refused before the server, also fine.
            #expect(given.contains("\u{0}"), "expected TenantError.unknown for \(given.prefix(40)), got \(error)")
        }
        #expect(reader.isConnected)
        #expect(reader.transactionStatus == .idle)
        let n = try scope.withTenant("well-crafted", on: reader) { try $0.execute(statement)[0, 0] }
        #expect(Int(n ?? "") ?? 0 > 0, "connection no longer usable after \(given.prefix(40))")
        // Nothing leaked into the session: no tenant setting outside a scope.
        let setting = try reader.execute("SELECT coalesce(current_setting('app.current_tenant_id', true), '')")[0, 0]
        #expect(setting == "")
    }
}
