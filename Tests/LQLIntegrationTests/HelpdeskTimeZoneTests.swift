import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// `--time-zone tenant` on a uuid-keyed root (the helpdesk example): the zone is read with the
/// organization's id bound as uuid, from the root itself or from a settings model by its own key
/// column, and set inside the scope.
@Suite(.serialized) struct HelpdeskTimeZoneTests {
    static let zones = ["northwind": "America/New_York", "blue-harbor": "Europe/Berlin", "cinder-labs": "Asia/Tokyo"]

    func zoneInScope(_ catalog: Catalog, _ slug: String) throws -> String? {
        let db = try HelpdeskCluster.shared()
        guard case .rowLevel(let r) = catalog.tenancy, let (sql, binds) = TimeZoneQuery.tenantZoneQuery(catalog) else {
            throw ClusterSetupError("no tenant zone")
        }
        let scope = TenantScope(strategy: .rowLevel(r, catalog: catalog), timeZone: .tenant(sql: sql, bindsTenant: binds))
        return try scope.withTenant(slug, on: try Connection(db.readerURL)) { try $0.connection.execute("SHOW TimeZone").scalar }
    }

    @Test func theOrganizationsOwnZoneFromTheRoot() throws {
        let db = try HelpdeskCluster.shared()
        let (sql, _) = try #require(TimeZoneQuery.tenantZoneQuery(db.catalog))
        #expect(sql == #"SELECT "time_zone"::text FROM "organizations" WHERE "id" = $1"#)
        for (slug, zone) in Self.zones { #expect(try zoneInScope(db.catalog, slug) == zone, "\(slug)") }
        // By id too: the lookup finds the uuid, the zone query binds it as uuid.
        #expect(try zoneInScope(db.catalog, try db.organizationID("cinder-labs")) == "Asia/Tokyo")
    }

    /// A zone kept on a settings model keyed by `organizationId` (uuid, no relation declared): read
    /// by that model's own key column with a uuid bind. Bound as text, the server refuses it.
    @Test func theZoneFromAUuidKeyedSettingsModel() throws {
        let db = try HelpdeskCluster.shared()
        let owner = try Connection(db.ownerURL)
        try owner.executeScript("""
            CREATE TABLE IF NOT EXISTS org_settings (id uuid PRIMARY KEY, organization_id uuid NOT NULL, timezone text NOT NULL);
            GRANT SELECT ON org_settings TO lql_reader;
            INSERT INTO org_settings SELECT md5('settings:' || slug)::uuid, id,
                   CASE slug WHEN 'northwind' THEN 'Pacific/Auckland' WHEN 'blue-harbor' THEN 'America/Sao_Paulo' ELSE 'Africa/Nairobi' END
            FROM organizations ON CONFLICT DO NOTHING;
            """)
        // The example's folder without the root's zone, plus the settings model.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lql-helpdesk-tz-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: HelpdeskFixture.schemaPath, toPath: folder)
        let org = folder + "/organization.prisma"
        let text = try String(contentsOfFile: org, encoding: .utf8)
        try text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("timeZone") }
            .joined(separator: "\n").write(toFile: org, atomically: true, encoding: .utf8)
        try """
            model OrgSettings {
              id             String @id @db.Uuid
              organizationId String @map("organization_id") @db.Uuid
              timezone       String
              @@map("org_settings")
            }
            """.write(toFile: folder + "/settings.prisma", atomically: true, encoding: .utf8)
        var tenancy = HelpdeskFixture.tenancy
        tenancy.key = "organizationId"
        let catalog = try #require(try PrismaSchemaReader.load(path: folder, configuration: tenancy).catalog)
        let (sql, _) = try #require(TimeZoneQuery.tenantZoneQuery(catalog))
        #expect(sql == #"SELECT "timezone"::text FROM "org_settings" WHERE "organization_id" = $1 LIMIT 1"#)
        #expect(try zoneInScope(catalog, "northwind") == "Pacific/Auckland")
        #expect(try zoneInScope(catalog, "blue-harbor") == "America/Sao_Paulo")
        // What the text bind used to do: the server has no uuid = text.
        let id = try db.organizationID("northwind")
        #expect(throws: PostgresError.self) { try owner.execute(sql, [id], types: [TenantScope.textOID]) }
    }
}
