import Foundation
import Testing
import LQL
import LQLCommands
import LQLPostgres
import LQLAudit
import LQLDoctor

/// `lql doctor` against the Leora example loaded into the shared test cluster: sound as shipped,
/// and with weaknesses planted on purpose, each of which must be reported by its code.
@Suite(.serialized) struct DoctorTests {
    static let leora = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/leora").path

    static func leoraCatalog() throws -> Catalog {
        try #require(try PrismaSchemaReader.load(path: leora + "/schema.prisma").catalog)
    }

    /// A fresh database with the example's migration, RLS and roles (the README's load order;
    /// the seed is irrelevant to the catalog). Returns the database name.
    static func loadLeora(_ name: String) throws -> TestCluster {
        let test = try TestCluster.shared()
        let admin = try Connection(test.ownerURL)
        try admin.executeScript("DROP DATABASE IF EXISTS \(name)")
        try admin.executeScript("CREATE DATABASE \(name)")
        let db = try Connection(test.cluster.url(user: "postgres", database: name))
        for file in ["migrations/0001_init/migration.sql", "rls.sql", "roles.sql"] {
            try db.executeScript(try String(contentsOfFile: leora + "/" + file, encoding: .utf8))
        }
        return test
    }

    @Test func leoraAsShippedHasNoFailures() throws {
        let test = try DoctorTests.loadLeora("doctor_sound")
        let reader = try Connection(test.cluster.url(user: "lql_reader", database: "doctor_sound"))
        let findings = try Doctor(catalog: try DoctorTests.leoraCatalog()).examine(reader)
        let failures = findings.filter { $0.severity == .failure }
        #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
        // This server is new enough; one that reports an older version gets the CVE warning.
        #expect(reader.serverVersionNumber >= Doctor.minimumServerVersion)
        let strict = try Doctor(catalog: try DoctorTests.leoraCatalog(), minimumServerVersion: reader.serverVersionNumber + 1).examine(reader)
        #expect(strict.map(\.code) == ["server-rls-cves"])
        #expect(strict.first?.severity == .warning)
    }

    @Test func plantedWeaknessesAreReported() throws {
        let test = try DoctorTests.loadLeora("doctor_weak")
        let owner = try Connection(test.cluster.url(user: "postgres", database: "doctor_weak"))
        for statement in [
            "ALTER TABLE orders NO FORCE ROW LEVEL SECURITY",
            "ALTER TABLE suppliers DISABLE ROW LEVEL SECURITY",
            "CREATE POLICY plain_setting ON customers USING (tenant_id = current_setting('app.current_tenant_id', true))",
            "CREATE POLICY open_door ON products USING (true)",
            "CREATE POLICY unset_shows_all ON skus USING (current_setting('app.current_tenant_id', true) IS NULL OR tenant_id = NULLIF(current_setting('app.current_tenant_id', true), ''))",
            "DROP POLICY tenant_isolation ON users",
            "GRANT INSERT ON invoices TO lql_reader",
            "ALTER TABLE payments DROP COLUMN reference",
            "ALTER TABLE payments ALTER COLUMN amount TYPE double precision",
            "ALTER TABLE payments ALTER COLUMN received_at DROP NOT NULL",
            "CREATE VIEW order_totals AS SELECT tenant_id, sum(total) AS total FROM orders GROUP BY tenant_id",
            "CREATE VIEW safe_order_totals WITH (security_invoker = true) AS SELECT tenant_id FROM orders",
            "GRANT SELECT ON order_totals, safe_order_totals TO lql_reader",
            "ALTER TABLE customers DROP CONSTRAINT customers_tenant_id_check",
        ] { try owner.executeScript(statement) }

        let catalog = try DoctorTests.leoraCatalog()
        let reader = try Connection(test.cluster.url(user: "lql_reader", database: "doctor_weak"))
        let findings = try Doctor(catalog: catalog).examine(reader)
        let reported = Set(findings.filter { $0.severity == .failure }.map { "\($0.code) \($0.subject)" })
        let expected: Set<String> = [
            "rls-not-forced orders",
            "rls-not-enabled suppliers",
            "policy-empty-string-trap customers (policy plain_setting)",
            "policy-always-true products (policy open_door)",
            "policy-null-bypass skus (policy unset_shows_all)",
            "rls-no-tenant-policy users",
            "role-can-write lql_reader on invoices",
            "column-missing payments.reference",
            "column-type-mismatch payments.amount",
            "column-nullability-mismatch payments.received_at",
            "view-not-security-invoker order_totals",
        ]
        #expect(reported == expected, "unexpected: \(reported.subtracting(expected).sorted()), missing: \(expected.subtracting(reported).sorted())")
        let warnings = Set(findings.filter { $0.severity == .warning }.map { "\($0.code) \($0.subject)" })
        #expect(warnings == ["tenant-column-allows-empty customers.tenant_id"])
        // The original NULLIF policies stay clean even next to the planted ones.
        #expect(!findings.contains { $0.subject == "customers (policy tenant_isolation)" })

        let asSuperuser = try Doctor(catalog: catalog).examine(owner)
        #expect(asSuperuser.contains { $0.code == "role-superuser" && $0.subject == "postgres" && $0.severity == .failure })
        #expect(!asSuperuser.contains { $0.code == "role-can-write" }, "the superuser finding stands for all write findings")
    }

    @Test func tableMissingAndOwnerAreReported() throws {
        let test = try DoctorTests.loadLeora("doctor_owner")
        let owner = try Connection(test.cluster.url(user: "postgres", database: "doctor_owner"))
        try owner.executeScript("""
            DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'doctor_app') THEN CREATE ROLE doctor_app LOGIN BYPASSRLS; END IF; END $$;
            DROP TABLE webhook_deliveries CASCADE;
            ALTER TABLE activities OWNER TO doctor_app;
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO doctor_app;
            """)
        let app = try Connection(test.cluster.url(user: "doctor_app", database: "doctor_owner"))
        let findings = try Doctor(catalog: try DoctorTests.leoraCatalog()).examine(app)
        let codes = Set(findings.map { "\($0.code) \($0.subject)" })
        #expect(codes.contains("table-missing webhook_deliveries"))
        #expect(codes.contains("role-bypassrls doctor_app"))
        #expect(codes.contains("role-owns-table doctor_app on activities"))
        // Owning a table includes every write privilege on it.
        #expect(codes.contains("role-can-write doctor_app on activities"))
    }

    @Test func commandExitsWithDocumentedStatus() throws {
        let test = try DoctorTests.loadLeora("doctor_cli")
        let schema = DoctorTests.leora + "/schema.prisma"
        func status(_ url: String) throws -> Int32 {
            var command = try LQLMain.parseAsRoot(["doctor", "--db", url, "--schema", schema])
            do { try command.run() } catch let failure as CommandFailure { return failure.status.rawValue }
            return 0
        }
        #expect(try status(test.cluster.url(user: "lql_reader", database: "doctor_cli")) == 0)
        #expect(try status(test.cluster.url(user: "postgres", database: "doctor_cli")) == 1)
        #expect(try status(test.cluster.url(user: "lql_reader", database: "no_such_database")) == 3)
    }
}

@Suite struct AuditLogTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1_000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func appendsOneJSONLinePerRecordWithoutBindValues() throws {
        let dir = NSTemporaryDirectory() + "lql-audit-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let log = AuditLog(path: dir + "/nested/audit.jsonl")
        let secret = "O'Malley's secret value"
        let source = "Customer | where name == $name"
        log.append(AuditRecord(dbRole: "lql_reader", tenantID: "t-1", tenantSlug: "well-crafted", origin: "run", sourceText: source,
                               sql: "SELECT 1 WHERE $1 = $2", bindCount: 2, rows: 3, durationMs: 1.5, outcome: "ok",
                               queryID: AuditLog.queryID()))
        log.append(AuditRecord(dbRole: "lql_reader", tenantID: "t-1", tenantSlug: "well-crafted", origin: "run", sourceText: source,
                               sql: "SELECT 1 WHERE $1 = $2", bindCount: 2, rows: 0, durationMs: 2,
                               outcome: AuditRecord.outcome(for: PostgresError(kind: .server, message: "x", sqlState: "42501"))))
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(!text.contains(secret))
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["sourceHash"] as? String == SHA256.hex(source))
            #expect(object["bindCount"] as? Int == 2)
            #expect((object["time"] as? String)?.hasSuffix("Z") == true)
        }
        #expect(lines[1].contains(#""outcome":"error: 42501""#))
        let attributes = try FileManager.default.attributesOfItem(atPath: log.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func unwritableLogDoesNotThrow() {
        AuditLog(path: "/proc/lql-cannot-write-here/audit.jsonl").append(
            AuditRecord(dbRole: "r", tenantID: "t", tenantSlug: "t", origin: "run", sourceText: "s", sql: "q", bindCount: 0, rows: 0, durationMs: 0, outcome: "ok"))
    }

    @Test func queryIDsAndTags() {
        let id = AuditLog.queryID()
        #expect(id.count == 12 && id.allSatisfy(\.isHexDigit))
        #expect(AuditLog.queryID() != id)
        #expect(AuditLog.tagged("SELECT 1", queryID: id) == "/* lql qid=\(id) */ SELECT 1")
        #expect(AuditLog.tagged("SELECT 1", queryID: "*/ DROP") == "SELECT 1")
        #expect(AuditLog.defaultPath(environment: ["LQL_AUDIT_LOG": "/x/a.jsonl", "HOME": "/h"]) == "/x/a.jsonl")
        #expect(AuditLog.defaultPath(environment: ["HOME": "/h"]) == "/h/.lql/audit.jsonl")
    }
}
