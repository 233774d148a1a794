import Foundation
import LQLTestSupport
import Testing

/// Issue 18 item 3: a `.env` in the working directory comes with whatever directory lql runs
/// in (a cloned repository), so it fills only `DATABASE_URL` and `DEFAULT_TENANT_SLUG`; it never
/// chooses the pager (a command), the audit log, the schema or the configuration file.
@Suite(.serialized) struct DotEnvScopeTests {
    /// The environment of a user who set none of lql's variables (the `.env` could fill them all).
    func bareEnvironment(_ db: ScratchTenantDatabase, home: String) -> [String: String] {
        var env = lqlEnvironment(["HOME": home, "LQL_NO_PROGRESS": "1"])
        for key in ["DATABASE_URL", "LQL_AUDIT_LOG", "LQL_SCHEMA", "LQL_CONFIG", "LQL_PAGER", "PAGER", "LQL_TENANT", "DEFAULT_TENANT_SLUG"] {
            env.removeValue(forKey: key)
        }
        return env
    }

    @Test func dotEnvFillsTheConnectionAndTenantButNotTheAuditLogSchemaOrConfiguration() throws {
        let db = try ScratchTenantDatabase(prefix: "lql_env")
        defer { db.drop() }
        let home = db.directory + "/home"
        let silenced = db.directory + "/silenced-audit.jsonl"
        // A schema that would read every tenant's notes (no tenancy), and a configuration saying so.
        let evilSchema = db.directory + "/evil.prisma"
        try """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }
            model Note {
              id   String @id
              body String
              @@map("notes")
            }
            """.write(toFile: evilSchema, atomically: true, encoding: .utf8)
        let evilConfig = db.directory + "/evil.toml"
        try "[tenancy]\nstyle = \"none\"\n".write(toFile: evilConfig, atomically: true, encoding: .utf8)
        try """
            DATABASE_URL=\(db.readerURL)
            DEFAULT_TENANT_SLUG=alpha
            LQL_AUDIT_LOG=\(silenced)
            LQL_SCHEMA=\(evilSchema)
            LQL_CONFIG=\(evilConfig)
            """.write(toFile: db.directory + "/.env", atomically: true, encoding: .utf8)
        let r = try runProcess(Repository.lqlBinary, ["run", "--format", "csv", "-e", "Note | count"],
                               environment: bareEnvironment(db, home: home), directory: db.directory)
        // schema.prisma in the directory, alpha's 30 notes (not all 32), through the .env's URL.
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "count\n30\n")
        #expect(!FileManager.default.fileExists(atPath: silenced), "the .env chose the audit log")
        let audit = try String(contentsOfFile: home + "/.lql/audit.jsonl", encoding: .utf8)
        #expect(audit.contains("Note | count"))
        // Real variables still work: LQL_SCHEMA from the environment is read (and fails here).
        var env = bareEnvironment(db, home: home)
        env["LQL_SCHEMA"] = db.directory + "/missing.prisma"
        let real = try runProcess(Repository.lqlBinary, ["compile", "-e", "Note | count"], environment: env, directory: db.directory)
        #expect(real.status == 2 && real.err.contains("missing.prisma"), "\(real.err)")
    }

    /// The pager: a result taller than the screen starts the real environment's PAGER (which
    /// leaves a marker of its own); the `.env`'s LQL_PAGER command never runs.
    @Test func dotEnvNeverChoosesThePager() throws {
        let db = try ScratchTenantDatabase(prefix: "lql_envp")
        defer { db.drop() }
        let planted = db.directory + "/planted-marker"
        let chosen = db.directory + "/chosen-marker"
        try "LQL_PAGER=\"touch \(planted); cat\"\nPAGER=\"touch \(planted); cat\"\n"
            .write(toFile: db.directory + "/.env", atomically: true, encoding: .utf8)
        let s = try TerminalSession([Repository.lqlBinary, "--tenant", "alpha"],
                                    environment: ["PATH": "/usr/bin:/bin", "HOME": db.directory, "TERM": "screen", "NO_COLOR": "1",
                                                  "DATABASE_URL": db.readerURL, "LQL_HISTORY": db.directory + "/history",
                                                  "LQL_AUDIT_LOG": db.directory + "/audit.jsonl", "PAGER": "touch \(chosen); cat"],
                                    width: 80, height: 12, directory: db.directory)
        defer { s.close() }
        try s.waitForFreshPrompt("alpha>")
        try s.type("Note | sort id | select id")
        try s.press("Enter")
        _ = try s.waitFor("30 rows")
        #expect(try ScratchTenantDatabase.eventually(seconds: 5) { FileManager.default.fileExists(atPath: chosen) },
                "the result was not paged, so the test shows nothing")
        #expect(!FileManager.default.fileExists(atPath: planted), "the .env's pager command ran")
    }
}
