import LQL
import LQLOutput
import Testing

/// Issue 18 item 11: the human-facing writers (table, expanded, markdown, `\show`'s record and
/// nested trees) show control characters, C1, bidi and other invisible format characters and
/// line separators as escapes; csv and json stay data-exact.
@Suite struct HiddenCharacterOutputTests {
    static let hostile = "a\u{1B}[31mb\u{07}c\u{08}d\u{202E}e\u{2066}f\u{85}g\u{2028}h"
    static let columns = [OutputColumn(name: "v", typeOID: PostgresType.text)]

    func render(_ format: OutputFormat, _ value: String) throws -> String {
        let sink = MemorySink()
        let writer = makeWriter(format, to: sink, options: OutputOptions())
        try writer.begin(columns: Self.columns)
        try writer.write(row: [value])
        try writer.end()
        return sink.text
    }

    static func hasHidden(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && VisibleText.needsEscape($0) }
    }

    @Test func markdownEscapesEscBelAndBackspace() throws {
        let out = try render(.markdown, Self.hostile)
        #expect(!Self.hasHidden(out), "\(out.debugDescription)")
        #expect(out.contains(#"| a\x1B[31mb\x07c\bd\u202Ee\u2066f\u0085g\u2028h |"#), "\(out)")
        let tab = try render(.markdown, "x\ty")
        #expect(tab == "| v |\n| --- |\n| x\\ty |\n", "\(tab.debugDescription)")
    }

    @Test func tableAndExpandedEscapeBidiControlsLikeC0() throws {
        for format in [OutputFormat.table, .expanded] {
            let out = try render(format, Self.hostile)
            #expect(!Self.hasHidden(out), "\(format): \(out.debugDescription)")
            #expect(out.contains(#"a\x1B[31mb\x07c\x08d\u202Ee\u2066f\u0085g\u2028h"#), "\(format): \(out)")
        }
        // The width counts the escape, so the rule still lines up.
        let table = try render(.table, "\u{202E}")
        #expect(table.hasPrefix("   v    \n--------\n \\u202E\n"), "\(table.debugDescription)")
    }

    @Test func recordsAndNestedTreesShowStringsEscaped() {
        let record = NestedText.record(columns: Self.columns + [OutputColumn(name: "n", typeOID: PostgresType.jsonb)],
                                       row: [Self.hostile, #"{"k": "x\u001b\n\u202ey"}"#])
        #expect(!record.contains { Self.hasHidden($0) || $0.contains("\n") }, "\(record)")
        #expect(record.contains(#"  k: x\x1B\n\u202Ey"#), "\(record)")
    }

    @Test func csvAndJSONStayDataExact() throws {
        #expect(try render(.csv, Self.hostile) == "v\n" + Self.hostile + "\n")
        let json = try render(.json, Self.hostile)
        #expect(json.contains("\\u001b[31mb\\u0007c\\bd\u{202E}e") || json.contains("\\u001B[31mb\\u0007c\\bd\u{202E}e"), "\(json)")
    }
}
