import Foundation
import LQLTestSupport
import Testing

/// `lql.toml` through the real binary: found by `--config` (or in the working directory),
/// its schema path relative to the file, its tenancy deciding every model's scope.
@Suite struct ConfigurationCLITests {
    static let directory: String = {
        let dir = NSTemporaryDirectory() + "lql-config-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir + "/prisma", withIntermediateDirectories: true)
        try? """
        datasource db {
          provider = "postgresql"
          url      = env("DATABASE_URL")
        }
        model Workspace {
          id       String    @id @db.Uuid
          slug     String    @unique
          projects Project[]
        }
        model Project {
          id          String    @id
          name        String
          workspaceId String    @map("workspace_id") @db.Uuid
          workspace   Workspace @relation(fields: [workspaceId], references: [id])
          tasks       Task[]
        }
        model Task {
          id        String  @id
          title     String
          projectId String  @map("project_id")
          project   Project @relation(fields: [projectId], references: [id])
        }
        model Log {
          id   String @id
          line String
        }
        """.write(toFile: dir + "/prisma/schema.prisma", atomically: true, encoding: .utf8)
        try? """
        schema = "prisma/schema.prisma"
        [tenancy]
        model = "Workspace"
        key = "workspaceId"
        [tenancy.through]
        Task = "project"
        """.write(toFile: dir + "/lql.toml", atomically: true, encoding: .utf8)
        try? "[tenancy]\nstyle = \"none\"\n".write(toFile: dir + "/none.toml", atomically: true, encoding: .utf8)
        try? "[tenancy]\nstlye = \"none\"\n".write(toFile: dir + "/typo.toml", atomically: true, encoding: .utf8)
        return dir
    }()

    @Test func compileUsesTheConfiguredKeyAndPath() throws {
        let r = try runLQL(["compile", "--config", Self.directory + "/lql.toml", "-e", "Task | count"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains(#"EXISTS (SELECT 1 FROM "Project" AS h1 WHERE h1."id" = t."project_id" AND h1."workspace_id" = $1)"#), "\(r.out)")
    }

    @Test func anUnscopedModelIsRefusedNamingTheLineThatWouldScopeIt() throws {
        let r = try runLQL(["compile", "--config", Self.directory + "/lql.toml", "-e", "Log | count"])
        #expect(r.status == 1)
        #expect(r.err.contains("lql refuses to read `Log` rows"))
        #expect(r.err.contains("[tenancy.shared]"))
    }

    @Test func schemaShowsEveryScopeAndWhatDecidedIt() throws {
        let r = try runLQL(["schema", "--config", Self.directory + "/lql.toml"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("root `Workspace` (named by lql.toml)"), "\(r.out)")
        #expect(r.out.contains("scoped through project  lql.toml [tenancy.through]"), "\(r.out)")
        #expect(r.out.contains("unscoped, refused"), "\(r.out)")
    }

    @Test func styleNoneAllowsAnUnscopedRunAndATypoIsAUsageError() throws {
        let none = try runLQL(["-e", "Log | count", "--config", Self.directory + "/none.toml", "--schema", Self.directory + "/prisma/schema.prisma",
                               "--db", "postgresql://nobody@127.0.0.1:1/none"])
        #expect(none.status == 3, "\(none.err)")
        let typo = try runLQL(["compile", "--config", Self.directory + "/typo.toml", "-e", "Log | count"])
        #expect(typo.status == 2)
        #expect(typo.err.contains("unknown key `stlye` in [tenancy]; did you mean `style`?"), "\(typo.err)")
    }
}
