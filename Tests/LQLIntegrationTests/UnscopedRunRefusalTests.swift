import Foundation
import LQLTestSupport
import Testing

/// With no tenancy found, lql refuses to run queries (they would read every tenant's rows)
/// unless the user says `--tenancy none`; compiling stays allowed.
@Suite struct UnscopedRunRefusalTests {
    static let schemaPath: String = {
        let path = NSTemporaryDirectory() + "lql-plain-\(getpid()).prisma"
        try? """
        datasource db {
          provider = "postgresql"
          url      = env("DATABASE_URL")
        }
        model Workspace {
          id    String @id
          posts Post[]
        }
        model Post {
          id          String    @id
          title       String
          workspaceId String
          workspace   Workspace @relation(fields: [workspaceId], references: [id])
        }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

    @Test func aRunWithoutTenancyIsRefusedBeforeConnecting() throws {
        let r = try runLQL(["-e", "Post | count", "--schema", Self.schemaPath, "--tenant", "x", "--db", "postgresql://nobody@127.0.0.1:1/none"])
        #expect(r.status == 2, "\(r.err)")
        #expect(r.err.contains("no tenancy found"))
        #expect(r.err.contains("--tenancy none"))
        #expect(!r.err.contains("cannot connect"))
    }

    @Test func tenancyNoneIsTheExplicitWayToRunUnscoped() throws {
        // It gets as far as connecting (nothing listens there: exit 3), with no tenant needed.
        let r = try runLQL(["-e", "Post | count", "--schema", Self.schemaPath, "--tenancy", "none", "--db", "postgresql://nobody@127.0.0.1:1/none"],
                           environment: ["LQL_TENANT": "", "DEFAULT_TENANT_SLUG": ""])
        #expect(r.status == 3, "\(r.err)")
        #expect(r.err.contains("cannot connect"))
    }

    @Test func compilingWithoutTenancyStillWorks() throws {
        let r = try runLQL(["compile", "--schema", Self.schemaPath, "-e", "Post | count"])
        #expect(r.status == 0, "\(r.err)")
    }
}
