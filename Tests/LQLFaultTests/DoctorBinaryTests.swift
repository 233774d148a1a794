import Foundation
import LQLPostgres
import LQLTestSupport
import Testing

/// `lql doctor` through the real binary: silent and exit 0 on the demo database (the Leora
/// example loaded and seeded as `lql demo` loads it), and on a weakened copy of it one
/// `FAIL code subject: …` line for every planted weakness, exit 1.
@Suite(.serialized) struct DoctorBinaryTests {
    func doctor(_ url: String) throws -> ProcessOutcome {
        try runLQL(["doctor", "--db", url] + Fault.schema)
    }

    @Test func demoDatabasePasses() throws {
        let leora = try LeoraCluster.shared()
        let r = try doctor(leora.readerURL)
        #expect(r.status == 0, "\(r.out)\(r.err)")
        #expect(!r.out.contains("FAIL") && !r.out.contains("WARN"), "\(r.out)")
        #expect(r.out.contains("0 failures, 0 warnings"), "\(r.out)")
    }

    @Test func weakenedCopyReportsEveryWeakness() throws {
        let leora = try LeoraCluster.shared()
        let admin = try Connection(leora.ownerURL)
        try admin.executeScript("DROP DATABASE IF EXISTS doctor_weak_copy")
        try admin.executeScript("CREATE DATABASE doctor_weak_copy")
        let ownerURL = leora.cluster.url(user: "postgres", database: "doctor_weak_copy")
        try LeoraExample.load(into: ownerURL)
        let owner = try Connection(ownerURL)
        for statement in [
            // RLS off / not forced, no tenant policy
            "ALTER TABLE suppliers DISABLE ROW LEVEL SECURITY",
            "ALTER TABLE orders NO FORCE ROW LEVEL SECURITY",
            "DROP POLICY tenant_isolation ON users",
            // the empty-string trap, USING (true), IS NULL OR
            "CREATE POLICY plain_setting ON customers USING (tenant_id = current_setting('app.current_tenant_id', true))",
            "CREATE POLICY open_door ON products USING (true)",
            "CREATE POLICY unset_shows_all ON skus USING (current_setting('app.current_tenant_id', true) IS NULL OR tenant_id = NULLIF(current_setting('app.current_tenant_id', true), ''))",
            // a view that runs with its owner's rights
            "CREATE VIEW order_totals AS SELECT tenant_id, sum(total) AS total FROM orders GROUP BY tenant_id",
            "GRANT SELECT ON order_totals TO lql_reader",
            // the role may write
            "GRANT UPDATE ON invoices TO lql_reader",
            // drift: a missing table, a missing column, a changed type, a changed nullability
            "DROP TABLE webhook_deliveries CASCADE",
            "ALTER TABLE payments DROP COLUMN reference",
            "ALTER TABLE payments ALTER COLUMN amount TYPE double precision",
            "ALTER TABLE payments ALTER COLUMN received_at DROP NOT NULL",
            // an application role that is superuser-like in the ways that bypass RLS
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'doctor_bypass') THEN CREATE ROLE doctor_bypass LOGIN BYPASSRLS; END IF; END $$",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO doctor_bypass",
            "ALTER TABLE activities OWNER TO doctor_bypass",
        ] { try owner.executeScript(statement) }

        let reader = try doctor(leora.cluster.url(user: "lql_reader", database: "doctor_weak_copy"))
        print("lql doctor on the weakened copy (exit \(reader.status)):\n\(reader.out)")
        #expect(reader.status == 1)
        let lines = Set(reader.out.split(separator: "\n").map(String.init))
        for expected in [
            "FAIL rls-not-enabled suppliers:",
            "FAIL rls-not-forced orders:",
            "FAIL rls-no-tenant-policy users:",
            "FAIL policy-empty-string-trap customers (policy plain_setting):",
            "FAIL policy-always-true products (policy open_door):",
            "FAIL policy-null-bypass skus (policy unset_shows_all):",
            "FAIL view-not-security-invoker order_totals:",
            "FAIL role-can-write lql_reader on invoices:",
            "FAIL table-missing webhook_deliveries:",
            "FAIL column-missing payments.reference:",
            "FAIL column-type-mismatch payments.amount:",
            "FAIL column-nullability-mismatch payments.received_at:",
        ] {
            #expect(lines.contains { $0.hasPrefix(expected) }, "missing `\(expected)` in:\n\(reader.out)")
        }

        let superuser = try doctor(ownerURL)
        #expect(superuser.status == 1)
        #expect(superuser.out.contains("FAIL role-superuser postgres:"), "\(superuser.out)")

        let bypass = try doctor(leora.cluster.url(user: "doctor_bypass", database: "doctor_weak_copy"))
        #expect(bypass.status == 1)
        for expected in ["FAIL role-bypassrls doctor_bypass:", "FAIL role-owns-table doctor_bypass on activities:",
                         "FAIL role-can-write doctor_bypass on activities:"] {
            #expect(bypass.out.contains(expected), "missing `\(expected)` in:\n\(bypass.out)")
        }
        // Every finding is exactly one line.
        #expect(reader.out.split(separator: "\n").allSatisfy { $0.hasPrefix("FAIL ") || $0.hasPrefix("WARN ") || $0.contains(" failure") })
    }
}
