import Foundation
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// `lql run` through the real binary against the Leora example: every shipped report in every
/// tenant, parameter errors, an unknown tenant, and a write smuggled through a function call.
@Suite struct LeoraRunTests {
    func lql(_ args: [String]) throws -> ProcessOutcome {
        let db = try LeoraCluster.shared()
        return try runLQL(args + ["--schema", "examples/leora/schema.prisma"], environment: ["DATABASE_URL": db.readerURL])
    }

    static let reports: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: Repository.path("examples/reports"))) ?? [])
        .filter { $0.hasSuffix(".lql") }.sorted()

    @Test(arguments: reports)
    func everyReportRunsInEveryTenant(_ report: String) throws {
        #expect(Self.reports.count >= 8)
        let db = try LeoraCluster.shared()
        for tenant in LeoraCluster.tenants {
            var args = ["run", "examples/reports/" + report, "--tenant", tenant, "--format", "csv"]
            // The one-customer report defaults to a well-crafted account: give each tenant one of its own.
            if report == "customer-full-picture.lql" {
                let account = try db.scalar("SELECT min(account_number) FROM customers WHERE tenant_id = $1", [try db.tenantID(tenant)])
                args += ["--param", "accountNumber=" + account]
            }
            let r = try lql(args)
            #expect(r.status == 0, "\(report) in \(tenant): \(r.err)")
            #expect(r.out.split(separator: "\n").count >= 2, "\(report) in \(tenant) printed no rows")
        }
    }

    /// Sums print with their scale everywhere, also where there is nothing to sum (`?? 0.00`).
    @Test func atRiskBalancesAllHaveTwoDecimals() throws {
        let r = try lql(["run", "examples/reports/at-risk-customers.lql", "--tenant", "well-crafted", "--format", "csv"])
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        let header = lines.first?.split(separator: ",").map(String.init) ?? []
        let column = try #require(header.firstIndex(of: "openBalance"))
        for line in lines.dropFirst() where !line.contains("\"") {
            let value = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)[column]
            #expect(value.range(of: #"^-?\d+\.\d\d$"#, options: .regularExpression) != nil, "openBalance \(value)")
        }
    }

    @Test func aBadParameterValueExitsOneNamingTheParameter() throws {
        let r = try lql(["run", "examples/reports/at-risk-customers.lql", "--tenant", "well-crafted", "--param", "quietSince=yesterdayish"])
        #expect(r.status == 1)
        #expect(r.err.contains("quietSince"), "\(r.err)")
        #expect(r.out.isEmpty)
    }

    @Test func aMissingRequiredParameterExitsOne() throws {
        let r = try lql(["-e", "param since: DateTime\nOrder | where orderDate >= $since | count", "--tenant", "well-crafted"])
        #expect(r.status == 1)
        #expect(r.err.contains("since"), "\(r.err)")
    }

    /// Close slugs are other tenants' names: outside the interactive prompt they are listed only
    /// when lql.toml says `[tenancy] suggest_tenants = true` (issue 18, item 11).
    @Test func anUnknownTenantExitsFourWithCloseSlugs() throws {
        let r = try lql(["-e", "Order | count", "--tenant", "harbor-wine"])
        #expect(r.status == 4)
        #expect(r.err.contains("no tenant with slug or id `harbor-wine`") && !r.err.contains("harbor-wines"), "\(r.err)")
        #expect(r.out.isEmpty)
        let config = NSTemporaryDirectory() + "lql-suggest-\(getpid()).toml"
        try "[tenancy]\nsuggest_tenants = true\n".write(toFile: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: config) }
        let suggested = try lql(["-e", "Order | count", "--tenant", "harbor-wine", "--config", config])
        #expect(suggested.status == 4)
        #expect(suggested.err.contains("did you mean `harbor-wines`"), "\(suggested.err)")
    }

    /// A VOLATILE function that writes, callable by lql_reader, still cannot write inside the
    /// scope: the transaction is READ ONLY (25006), whatever the statement calls.
    @Test func aWriteThroughAFunctionCallIsRefused() throws {
        let db = try LeoraCluster.shared()
        let owner = try Connection(db.ownerURL)
        try owner.execute("CREATE TABLE IF NOT EXISTS lql_write_probe (note text)")
        try owner.execute("GRANT INSERT, SELECT ON lql_write_probe TO lql_reader")
        try owner.execute("""
            CREATE OR REPLACE FUNCTION lql_sneaky_write() RETURNS int LANGUAGE sql VOLATILE SECURITY INVOKER
            AS $$ INSERT INTO lql_write_probe VALUES ('written'); SELECT 1 $$
            """)
        try owner.execute("GRANT EXECUTE ON FUNCTION lql_sneaky_write() TO lql_reader")
        let reader = try Connection(db.readerURL)
        let error = #expect(throws: PostgresError.self) {
            try TenantScope().withTenant("well-crafted", on: reader) { tx in
                try tx.connection.execute("SELECT lql_sneaky_write()")
            }
        }
        #expect(error?.sqlState == "25006")
        #expect(try owner.execute("SELECT count(*) FROM lql_write_probe").scalar == "0")
        // Outside lql's scope the same call does write: the refusal above is the scope's doing.
        #expect(try reader.execute("SELECT lql_sneaky_write()").scalar == "1")
        try owner.execute("DROP TABLE lql_write_probe CASCADE")
        try owner.execute("DROP FUNCTION lql_sneaky_write()")
    }
}
