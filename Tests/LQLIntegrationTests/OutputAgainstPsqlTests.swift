import Foundation
import LQLOutput
import LQLPostgres
import LQLRepl
import Testing

/// The same query through lql's writers and through the real psql binary: the bytes must match.
@Suite struct OutputAgainstPsqlTests {
    static let query = """
        SELECT g AS id, repeat('ab', g) AS name, (g * 1.25)::numeric(8,3) AS amount,
               CASE WHEN g % 2 = 0 THEN NULL ELSE 'x' || g END AS note, g % 3 = 0 AS ok,
               CASE g WHEN 2 THEN '日本語' WHEN 3 THEN 'line1' || chr(10) || 'line two' WHEN 4 THEN 'a,"q"' ELSE 'é' END AS misc,
               (g * 1000000)::bigint AS big, -g::float8 / 3 AS ratio
        FROM generate_series(1, 5) g
        """

    func psql(_ test: TestCluster, _ options: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: test.cluster.binaries.psql)
        process.arguments = ["-X", "-d", test.cluster.url()] + options + ["-c", OutputAgainstPsqlTests.query]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func lql(_ test: TestCluster, _ format: OutputFormat) throws -> String {
        let db = try Connection(test.ownerURL)
        let sink = MemorySink()
        try db.export(OutputAgainstPsqlTests.query, to: WriterRows(makeWriter(format, to: sink)))
        return sink.text
    }

    @Test func tableMatchesPsql() throws {
        let test = try TestCluster.shared()
        let expected = try psql(test, [])
        #expect(expected.contains("(5 rows)"))
        #expect(try lql(test, .table) == expected)
    }

    @Test func expandedMatchesPsql() throws {
        let test = try TestCluster.shared()
        #expect(try lql(test, .expanded) == psql(test, ["-x"]))
    }

    @Test func csvMatchesPsqlWhereNoEmptyStrings() throws {
        let test = try TestCluster.shared()
        #expect(try lql(test, .csv) == psql(test, ["--csv"]))
    }

    @Test func jsonParsesWithTheRightTypes() throws {
        let test = try TestCluster.shared()
        let text = try lql(test, .json)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        let rows = try #require(parsed)
        #expect(rows.count == 5)
        #expect(rows[0]["id"] as? Int == 1)
        #expect(rows[0]["amount"] as? String == "1.250")
        #expect(rows[1]["note"] is NSNull)
        #expect(rows[2]["ok"] as? Bool == true)
        #expect(rows[2]["misc"] as? String == "line1\nline two")
        #expect(rows[4]["big"] as? Int == 5_000_000)
        #expect((rows[2]["ratio"] as? Double) == -1.0)
    }

    /// Nested shapes are real JSON values, without PostgreSQL's json spacing (issue 15).
    @Test func nestedJsonIsEmbedded() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        let sink = MemorySink()
        try db.export("SELECT 'WC-1' AS number, json_build_object('name', 'Bistro', 'tags', json_build_array('a', 1)) AS customer,"
                      + " '[{\"q\": 2}]'::jsonb AS lines", to: WriterRows(makeWriter(.ndjson, to: sink)))
        #expect(sink.text == #"{"number":"WC-1","customer":{"name":"Bistro","tags":["a",1]},"lines":[{"q":2}]}"# + "\n")
    }
}
