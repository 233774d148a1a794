import Foundation
import LQLPostgres
import LQLTenancy
import LQLSQL
import Testing

@Suite struct TenantScopeTests {
    let test: TestCluster
    let reader: Connection

    init() throws {
        test = try TestCluster.shared()
        reader = try Connection(test.readerURL)
    }

    @Test func resolvesBySlugOrId() throws {
        let scope = TenantScope()
        #expect(try scope.resolve("well-crafted", on: reader) == Tenant(id: "t-1", slug: "well-crafted"))
        #expect(try scope.resolve(" t-2 ", on: reader) == Tenant(id: "t-2", slug: "north-wind"))
    }

    @Test func unknownTenantListsSimilarSlugs() throws {
        let error = #expect(throws: TenantError.self) { try TenantScope().resolve("well-craftd", on: reader) }
        #expect(error == .unknown(given: "well-craftd", similar: ["well-crafted"]))
        #expect(error?.description == "no tenant with slug or id `well-craftd`; did you mean `well-crafted`?")
    }

    @Test func blankTenantIsRefusedBeforeAnyQuery() throws {
        // Kill the backend: had withTenant sent anything, it would fail with a connection error.
        try Connection(test.ownerURL).execute("SELECT pg_terminate_backend($1::int)", [String(reader.backendPID)])
        for blank in ["", "   ", "\t\n"] {
            let error = #expect(throws: TenantError.self) {
                try TenantScope().withTenant(blank, on: reader) { _ in Issue.record("body ran") }
            }
            #expect(error == .blank)
        }
        #expect(throws: PostgresError.self) { try reader.execute("SELECT 1") }
    }

    @Test func rowsAreScopedAndTheSettingIsGoneAfterTheTransaction() throws {
        let names = try TenantScope().withTenant("well-crafted", on: reader) { tx in
            #expect(tx.tenant.id == "t-1")
            #expect(try tx.connection.execute("SELECT current_setting('app.current_tenant_id')").scalar == "t-1")
            #expect(try tx.connection.execute("SELECT current_setting('transaction_isolation')").scalar == "repeatable read")
            #expect(try tx.connection.execute("SELECT current_setting('transaction_read_only')").scalar == "on")
            return try tx.connection.execute("SELECT name FROM customers ORDER BY name").rows.map { $0[0] }
        }
        #expect(names == ["Bistro", "Cafe"])
        #expect(reader.transactionStatus == .idle)
        // Same session afterwards: the transaction-local value is gone ('' — which is why the
        // policy compares with NULLIF), and RLS shows nothing.
        #expect(try reader.execute("SELECT current_setting('app.current_tenant_id', true)").scalar == "")
        #expect(try reader.execute("SELECT count(*) FROM customers").scalar == "0")
        // A second connection never saw it either.
        let other = try Connection(test.readerURL)
        #expect(try other.execute("SELECT current_setting('app.current_tenant_id', true)").scalar == nil)
        #expect(try other.execute("SELECT count(*) FROM customers").scalar == "0")
    }

    @Test func compiledStatementGetsTheTenantAsDollarOne() throws {
        let statement = SQLStatement(text: "SELECT count(*) FROM customers c WHERE c.tenant_id = $1 AND c.name <> $2",
                                     binds: [.tenant, .value("Nobody", type: "text")])
        let count = try TenantScope().withTenant("north-wind", on: reader) { tx in try tx.execute(statement).scalar }
        #expect(count == "1")
    }

    @Test func everyStatementOfARunSeesOneSnapshot() throws {
        let owner = try Connection(test.ownerURL)
        let id = "c-snap-\(UUID().uuidString)"
        defer { _ = try? owner.execute("DELETE FROM customers WHERE id = $1", [id]) }
        try TenantScope().withTenant("well-known", on: reader) { tx in
            let before = try tx.connection.execute("SELECT count(*) FROM customers").scalar
            try owner.execute("INSERT INTO customers VALUES ($1, 't-3', 'Late', 0)", [id])
            let after = try tx.connection.execute("SELECT count(*) FROM customers").scalar
            #expect(before == after)
        }
        let outside = try TenantScope().withTenant("well-known", on: reader) { tx in
            try tx.connection.execute("SELECT count(*) FROM customers").scalar
        }
        #expect(outside == "2")
    }

    @Test func anErrorRollsBackAndTheConnectionStaysUsable() throws {
        let error = #expect(throws: PostgresError.self) {
            try TenantScope().withTenant("well-crafted", on: reader) { tx in
                try tx.connection.execute("SELECT 1 / 0")
            }
        }
        #expect(error?.sqlState == "22012")
        #expect(reader.transactionStatus == .idle)
        #expect(try reader.execute("SELECT 'usable'").scalar == "usable")
    }

    @Test func readOnlyRefusesAWriteEvenForTheOwner() throws {
        let owner = try Connection(test.ownerURL)
        let error = #expect(throws: PostgresError.self) {
            try TenantScope().withTenant("well-crafted", on: owner) { tx in
                try tx.connection.execute("INSERT INTO customers VALUES ('c-x', 't-1', 'X', 0)")
            }
        }
        #expect(error?.sqlState == "25006")
        #expect(try owner.execute("SELECT count(*) FROM customers WHERE id = 'c-x'").scalar == "0")
    }

    @Test func statementTimeoutIsTransactionLocal() throws {
        let scope = TenantScope(statementTimeoutMilliseconds: 200)
        let error = #expect(throws: PostgresError.self) {
            try scope.withTenant("well-crafted", on: reader) { tx in
                #expect(try tx.connection.execute("SHOW statement_timeout").scalar == "200ms")
                try tx.connection.execute("SELECT pg_sleep(5)")
            }
        }
        #expect(error?.sqlState == "57014")
        #expect(try reader.execute("SHOW statement_timeout").scalar == "0")
    }

    @Test func scopesDoNotNest() throws {
        let error = #expect(throws: PostgresError.self) {
            try TenantScope().withTenant("well-crafted", on: reader) { tx in
                try TenantScope().withTenant("north-wind", on: tx.connection) { _ in }
            }
        }
        #expect(error?.kind == .client)
        #expect(reader.transactionStatus == .idle)
    }

    @Test func schemaStrategySetsSearchPathLocally() throws {
        let owner = try Connection(test.ownerURL)
        try owner.execute("CREATE SCHEMA IF NOT EXISTS tenant_north_wind")
        try owner.execute("CREATE TABLE IF NOT EXISTS tenant_north_wind.items (name text)")
        try owner.execute("GRANT USAGE ON SCHEMA tenant_north_wind TO lql_reader")
        try owner.execute("GRANT SELECT ON tenant_north_wind.items TO lql_reader")
        let scope = TenantScope(strategy: .schemaPerTenant())
        let path = try scope.withTenant("north-wind", on: reader) { tx in
            _ = try tx.connection.execute("SELECT count(*) FROM items")
            return try tx.connection.execute("SHOW search_path").scalar
        }
        #expect(path == "\"tenant_north_wind\", pg_temp")
        #expect(try reader.execute("SHOW search_path").scalar == "\"$user\", public")
        let bad = #expect(throws: TenantError.self) {
            try scope.withTenant(Tenant(id: "x", slug: "Bad Name"), on: reader) { _ in }
        }
        #expect(bad == .invalidScope(tenant: "Bad Name", reason: "`tenant_Bad Name` is not a tenant schema name (`tenant_` + lowercase letters, digits and _)"))
    }
}
