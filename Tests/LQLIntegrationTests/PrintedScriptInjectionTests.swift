import Foundation
import LQL
import LQLPostgres
import LQLTestSupport
import Testing

/// Issue 18 item 4: `lql compile` prints bind values in `-- ` comments, and psql ends a comment
/// at a newline or carriage return. The printed script, piped into a real psql, must run no
/// statement hidden in a value. Each case first shows that the raw (unescaped) form of the same
/// value does run the hidden statement, so the test can fail.
@Suite(.serialized) struct PrintedScriptInjectionTests {
    /// A database of its own in the shared Leora cluster, made fresh for each case.
    func scratchDatabase(_ name: String) throws -> (LeoraCluster, String) {
        let db = try LeoraCluster.shared()
        let owner = try Connection(db.ownerURL)
        try owner.execute("DROP DATABASE IF EXISTS \(name)")
        try owner.execute("CREATE DATABASE \(name)")
        return (db, db.cluster.url(user: "postgres", database: name))
    }

    func psql(_ db: LeoraCluster, url: String, script: String) throws -> ProcessOutcome {
        try runProcess(db.cluster.binaries.psql, ["-X", "-d", url], stdin: Data(script.utf8))
    }

    func markerExists(_ url: String) throws -> Bool {
        try Connection(url).execute("SELECT to_regclass('public.injected_marker') IS NOT NULL").scalar == "t"
    }

    func compile(_ args: [String]) throws -> ProcessOutcome {
        try runLQL(["compile", "--schema", "examples/leora/schema.prisma"] + args)
    }

    /// The issue's own example: the printed script shows the value, and psql runs nothing of it.
    @Test func theIssuesExampleRunsNothingInPsql() throws {
        let (db, url) = try scratchDatabase("lql_print_scratch_issue")
        let query = #"Customer | where name == "x\nSELECT $$INJECTED$$ AS injected, current_user; --" | count"#
        let r = try compile(["-e", query])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains(#"-- $2 = E'x\nSELECT $$INJECTED$$ AS injected, current_user; --'::text"#), "\(r.out)")
        let piped = try psql(db, url: url, script: r.out)
        #expect(!piped.out.contains("INJECTED"), "psql ran the injected statement:\n\(piped.out)")
        // The raw value in the same comment does run it: the check above can fail.
        let raw = r.out.replacingOccurrences(of: #"E'x\nSELECT"#, with: "'x\nSELECT")
        #expect(try psql(db, url: url, script: raw).out.contains("INJECTED"))
    }

    /// Newline, carriage return, and the other separators psql or a terminal honour, in a
    /// literal and in a `--param`, each trying to create a table.
    @Test(arguments: ["\n", "\r", "\r\n", "\u{0B}\n", "\u{85}\r"])
    func noLineBreakInAValueEndsTheComment(_ breakText: String) throws {
        let (db, url) = try scratchDatabase("lql_print_scratch_break")
        let payload = "x" + breakText + "CREATE TABLE injected_marker(); --"
        let literal = payload.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined()
        let fromSource = try compile(["-e", "Customer | where name == \"\(literal)\" | count"])
        let fromParam = try compile(["--param", "n=" + payload, "-e", "param n: String\nCustomer | where name == $n | count"])
        for r in [fromSource, fromParam] {
            #expect(r.status == 0, "\(r.err)")
            #expect(!r.out.unicodeScalars.contains { $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{85}" }, "\(r.out.debugDescription)")
            _ = try psql(db, url: url, script: r.out)
            #expect(try !markerExists(url), "psql created the marker table from \(r.out.debugDescription)")
        }
        let raw = "SELECT 1;\n-- $2 = '" + payload + "'::text\n"
        _ = try psql(db, url: url, script: raw)
        #expect(try markerExists(url), "the unescaped value did not reach psql as a statement: the check cannot fail")
    }
}

/// A printed literal is SQL that reads back as the value itself, at the server, with
/// `standard_conforming_strings` either way.
@Suite struct PrintedLiteralRoundTripTests {
    static let values = ["plain", "it's", #"back\slash"#, "a\nb\rc\td\u{08}\u{0C}", "nul-free \u{01}\u{1F}\u{7F}",
                         "\u{85}\u{9F}\u{2028}\u{2029}", "\u{202E}evil\u{202C}\u{2066}\u{2069}\u{200E}\u{FEFF}", "tag\u{E0041}\u{E007F}",
                         "emoji 👩‍👩‍👧 and 中文 and e\u{301}", "'\\'\n''"]

    @Test(arguments: ["on", "off"])
    func literalsReadBackAsTheirValues(_ conforming: String) throws {
        let db = try LeoraCluster.shared()
        let connection = try Connection(db.ownerURL)
        try connection.execute("SET standard_conforming_strings = \(conforming)")
        for value in Self.values {
            let literal = PrintedSQL.literal(value)
            #expect(!literal.unicodeScalars.contains { VisibleText.needsEscape($0) }, "\(literal.debugDescription)")
            let same = try connection.execute("SELECT (\(literal)::text = $1)::text", [value]).scalar
            #expect(same == "true", "\(value.debugDescription) printed as \(literal)")
        }
    }
}
