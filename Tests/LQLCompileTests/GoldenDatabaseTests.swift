import Foundation
import LQL
import Testing

/// Runs every golden statement for real, the way lql runs it: a read-only repeatable-read
/// transaction, the tenant set with `set_config`, the statement with its binds, then ROLLBACK.
/// Opt-in: `LQL_GOLDEN_DB=/tmp/leora-db` names a running Leora cluster started with
/// `scripts/leora-db.sh start` (branch exampledb); psql connects over its unix socket as lql_reader.
struct GoldenDatabaseTests {
    static let clusterDirectory = ProcessInfo.processInfo.environment["LQL_GOLDEN_DB"]
    static let psql = "/usr/lib/postgresql/15/bin/psql"

    static func run(_ script: String, directory: String) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: psql)
        process.arguments = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", directory + "/sock",
                             "-d", "leora", "-U", "lql_reader"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { return (-1, "\(error)") }
        input.fileHandleForWriting.write(script.data(using: .utf8)!)
        try? input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A literal for psql's EXECUTE (test-only: the values come from our own golden files).
    static func literal(_ value: String?) -> String {
        guard let value else { return "NULL" }
        return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    @Test(.enabled(if: clusterDirectory != nil, "set LQL_GOLDEN_DB to a running Leora cluster"),
          arguments: GoldenTests.names)
    func goldenStatementRunsOnPostgres(_ name: String) throws {
        let directory = try #require(GoldenDatabaseTests.clusterDirectory)
        let tenantQuery = GoldenDatabaseTests.run("SELECT id FROM tenants ORDER BY slug LIMIT 1;", directory: directory)
        try #require(tenantQuery.status == 0, "\(tenantQuery.output)")
        let tenant = tenantQuery.output.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = try String(contentsOf: Fixtures.goldenDirectory.appendingPathComponent(name + ".lql"), encoding: .utf8)
        let result = LQLCompiler.compile(source: SourceFile(name: name, text: text), catalog: Fixtures.leoraCatalog,
                                         parameters: GoldenTests.parameters(in: text))
        let program = try #require(result.program)
        for statement in program.statements {
            let values = statement.sql.parameterValues(tenant: tenant).map(GoldenDatabaseTests.literal)
            let script = """
                BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;
                SELECT set_config('app.current_tenant_id', \(GoldenDatabaseTests.literal(tenant)), true) \\g /dev/null
                PREPARE lql_statement AS \(statement.sql.text);
                EXECUTE lql_statement(\(values.joined(separator: ", "))) \\g /dev/null
                ROLLBACK;
                """
            let run = GoldenDatabaseTests.run(script, directory: directory)
            #expect(run.status == 0, "\(name): \(statement.title)\n\(run.output)")
        }
    }
}
