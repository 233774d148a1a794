import Foundation
import LQLTestSupport
import Testing

/// `lql init` in a fresh app directory: writes lql.toml once, never overwrites it, `--print`
/// shows the same proposal, and the written file makes every query scoped.
@Suite struct InitCommandTests {
    func app() throws -> String {
        let dir = NSTemporaryDirectory() + "lql-init-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir + "/prisma", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.root.path + "/Tests/LQLSchemaTests/InitGolden/team.prisma",
                                         toPath: dir + "/prisma/schema.prisma")
        return dir
    }

    func lql(_ args: [String], in dir: String) throws -> ProcessOutcome {
        try runProcess(Repository.lqlBinary, args, environment: lqlEnvironment(), directory: dir, stdin: nil)
    }

    @Test func writesOnceAndNeverOverwrites() throws {
        let dir = try app()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try lql(["init"], in: dir)
        #expect(first.status == 0, "\(first.err)")
        let written = try String(contentsOfFile: dir + "/lql.toml", encoding: .utf8)
        #expect(written.contains("model = \"Team\""))
        let golden = try String(contentsOfFile: Repository.root.path + "/Tests/LQLSchemaTests/InitGolden/team.toml", encoding: .utf8)
        #expect(written == golden)

        try "# mine\n".write(toFile: dir + "/lql.toml", atomically: true, encoding: .utf8)
        let second = try lql(["init"], in: dir)
        #expect(second.status == 2)
        #expect(second.err.contains("never overwrites"))
        #expect(try String(contentsOfFile: dir + "/lql.toml", encoding: .utf8) == "# mine\n")

        let printed = try lql(["init", "--print"], in: dir)
        #expect(printed.status == 0)
        #expect(printed.out == golden)
    }

    @Test func theWrittenFileScopesQueries() throws {
        let dir = try app()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try lql(["init"], in: dir).status == 0)
        let compiled = try lql(["compile", "-e", "Attendee | count"], in: dir)
        #expect(compiled.status == 0, "\(compiled.err)")
        #expect(compiled.out.contains("EXISTS (SELECT 1 FROM \"Booking\" AS h1"), "\(compiled.out)")
        let refused = try lql(["compile", "-e", "Session | count"], in: dir)
        #expect(refused.status == 1)
        let secret = try lql(["compile", "-e", "Webhook | select url, secret"], in: dir)
        #expect(secret.status == 1)
        #expect(secret.err.contains("sensitive") || secret.err.contains("refuses"), "\(secret.err)")
    }
}
