import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// Schema-per-tenant isolation: every relation a compiled query reads is in the tenant's schema
/// (the planner says so), the search path is exactly that schema, and hostile tenant names are
/// unknown tenants or refused scope values — bound, never spliced.
@Suite struct SupplyChainIsolationTests {
    /// Every "Schema" an EXPLAIN (VERBOSE, FORMAT JSON) plan names.
    static func schemas(inPlan json: String) -> Set<String> {
        var out: Set<String> = []
        func walk(_ v: Any) {
            if let d = v as? [String: Any] {
                if let s = d["Schema"] as? String { out.insert(s) }
                d.values.forEach(walk)
            } else if let a = v as? [Any] { a.forEach(walk) }
        }
        if let v = try? JSONSerialization.jsonObject(with: Data(json.utf8)) { walk(v) }
        return out
    }

    @Test(arguments: SupplyChainConformanceTests.cases)
    func everyRelationReadIsInTheTenantsSchema(_ c: ConformanceCase) throws {
        let db = try SupplyChainCluster.shared()
        let reader = try Connection(db.readerURL)
        let compiled = LQLCompiler.compile(source: SourceFile(name: "t.lql", text: c.lql), catalog: db.catalog, parameters: c.parameters)
        let statement = try #require(compiled.program?.statements.last)
        #expect(!statement.sql.text.contains("tenant_"), "the SQL names no tenant schema: the scope picks it")
        for tenant in SupplyChainCluster.tenants {
            let plan = try db.scope.withTenant(tenant, on: reader) { tx in
                let (values, types) = tx.arguments(for: statement.sql)
                return try tx.connection.execute("EXPLAIN (VERBOSE, FORMAT JSON) " + statement.sql.text, values, types: types).scalar ?? ""
            }
            #expect(Self.schemas(inPlan: plan) == ["tenant_" + tenant], "\(tenant): \(plan.prefix(300))")
        }
    }

    @Test func theSearchPathIsExactlyTheTenantsSchemaAndOnlyForTheTransaction() throws {
        let db = try SupplyChainCluster.shared()
        let reader = try Connection(db.readerURL)
        let before = try reader.execute("SHOW search_path").scalar
        for tenant in SupplyChainCluster.tenants {
            let (schemas, path, readOnly) = try db.scope.withTenant(tenant, on: reader) { tx in
                (try tx.connection.execute("SELECT current_schemas(true)::text").scalar,
                 try tx.connection.execute("SHOW search_path").scalar,
                 try tx.connection.execute("SHOW transaction_read_only").scalar)
            }
            #expect(schemas == "{pg_catalog,tenant_\(tenant)}")
            #expect(path == "\"tenant_\(tenant)\", pg_temp")
            #expect(readOnly == "on")
            #expect(try reader.execute("SHOW search_path").scalar == before)
        }
    }

    /// Forcing the RLS style on a schema-per-tenant schema is a usage error before any
    /// connection, not a server error per table.
    @Test func rlsStyleOnASchemaWithoutTenantColumnsIsAUsageError() throws {
        let db = try SupplyChainCluster.shared()
        let r = try runLQL(["-e", "Order | count", "--db", db.readerURL, "--schema", SupplyChainCluster.schemaPath,
                            "--tenant", "acme", "--tenancy", "rls"])
        #expect(r.status == 2, "\(r.err)")
        #expect(r.err.contains("--tenancy rls needs a `tenantId` field") && r.err.contains("leave --tenancy out"), "\(r.err)")
    }

    static let hostileNames = ["acme, public", "\"acme\";x", "tenant_globex", "acme; RESET ALL", "public",
                               "acme' OR '1'='1", "ACME", " acme,globex ", "pg_catalog", "tenant_acme\", public"]

    @Test(arguments: hostileNames)
    func hostileTenantNamesAreUnknownTenants(_ name: String) throws {
        let db = try SupplyChainCluster.shared()
        let r = try runLQL(["-e", "Order | count", "--db", db.readerURL, "--schema", SupplyChainCluster.schemaPath,
                            "--tenant", name, "--tenancy", "schema"])
        #expect(r.status == 4, "\(r.err)")
        #expect(r.out.isEmpty)
        #expect(r.err.contains("no tenant with slug or id"), "\(r.err)")
        // In the library too: resolution is a bound lookup in the registry.
        #expect(throws: TenantError.self) { try db.scope.resolve(name, on: try Connection(db.readerURL)) }
    }

    /// Even a poisoned registry value never becomes a search path: it must be a plain name with
    /// the tenant prefix and an existing schema.
    @Test(arguments: [("tenant_acme\", public", "invalid"), ("public", "invalid"), ("pg_catalog", "invalid"),
                      ("tenant_acme, public", "invalid"), ("TENANT_ACME", "invalid"), ("tenant_", "invalid"),
                      ("tenant_nope", "missing")])
    func poisonedRegistrySchemaNamesAreRefused(_ schema: String, _ kind: String) throws {
        let db = try SupplyChainCluster.shared()
        let reader = try Connection(db.readerURL)
        let error = #expect(throws: TenantError.self) {
            try db.scope.withTenant(Tenant(id: "x", slug: "acme", schemaName: schema), on: reader) { tx in
                Issue.record("the body ran with search_path \(String(describing: try? tx.connection.execute("SHOW search_path").scalar))")
            }
        }
        switch (error, kind) {
        case (.invalidScope?, "invalid"), (.schemaNotReady?, "missing"): break
        default: Issue.record("\(schema): \(String(describing: error))")
        }
        #expect(reader.transactionStatus == .idle)
    }
}
