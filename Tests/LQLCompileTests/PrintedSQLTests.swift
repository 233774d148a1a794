import LQL
import Testing

/// The one printer of SQL and binds (`lql compile`, MCP `compile_query`, `\sql`, `\explain`,
/// headings): no printed value or heading holds a character that ends a `-- ` comment, moves
/// the cursor, or hides or reorders text.
struct PrintedSQLTests {
    @Test func plainValuesStayPlainLiterals() {
        #expect(PrintedSQL.literal("Harbor Wines") == "'Harbor Wines'")
        #expect(PrintedSQL.literal("it's") == "'it''s'")
        #expect(PrintedSQL.literal(nil) == "NULL")
        #expect(PrintedSQL.literal("") == "''")
        #expect(PrintedSQL.literal("中文 é 👩‍👩‍👧") == "'中文 é 👩‍👩‍👧'")
    }

    @Test func controlCharactersBecomeEStringEscapes() {
        #expect(PrintedSQL.literal("x\nSELECT 1; --") == #"E'x\nSELECT 1; --'"#)
        #expect(PrintedSQL.literal("a\rb\tc\u{08}d\u{0C}e") == #"E'a\rb\tc\bd\fe'"#)
        #expect(PrintedSQL.literal("\u{00}\u{01}\u{1B}[2J\u{07}\u{7F}") == #"E'\x00\x01\x1B[2J\x07\x7F'"#)
        #expect(PrintedSQL.literal("\u{85}\u{9B}") == #"E'\u0085\u009B'"#)
        #expect(PrintedSQL.literal("\u{2028}\u{2029}") == #"E'\u2028\u2029'"#)
        #expect(PrintedSQL.literal("\u{202E}gpj.exe\u{202C}") == #"E'\u202Egpj.exe\u202C'"#)
        #expect(PrintedSQL.literal("\u{2066}\u{2069}\u{200E}\u{200F}\u{061C}\u{FEFF}\u{00AD}") == #"E'\u2066\u2069\u200E\u200F\u061C\uFEFF\u00AD'"#)
        #expect(PrintedSQL.literal("tag\u{E0041}") == #"E'tag\U000E0041'"#)
    }

    @Test func backslashesAndQuotesAreUnambiguousInEStrings() {
        #expect(PrintedSQL.literal(#"C:\temp"#) == #"E'C:\\temp'"#)
        #expect(PrintedSQL.literal("it's\n") == #"E'it''s\n'"#)
        // A hex escape is always two digits, so a following hex letter stays a letter.
        #expect(PrintedSQL.literal("\u{0B}B") == #"E'\x0BB'"#)
    }

    @Test func visibleTextIsOneLineWithNothingHidden() {
        #expect(VisibleText.visible("Customer | count") == "Customer | count")
        #expect(VisibleText.visible("a\r\nb\u{202E}c\u{1B}") == #"a\r\nb\u202Ec\x1B"#)
        #expect(VisibleText.visible(#"name == "a\nb""#) == #"name == "a\nb""#)
    }

    @Test func everyEscapedScalarIsOneThePrinterNames() {
        let all = (0...0x10FFFF).compactMap(Unicode.Scalar.init)
        for scalar in all where VisibleText.needsEscape(scalar) {
            let shown = VisibleText.visible(String(scalar))
            #expect(shown.hasPrefix("\\") && shown.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0 != "\u{7F}" },
                    "U+\(String(scalar.value, radix: 16)) shows as \(shown.debugDescription)")
        }
        for v: UInt32 in [0x0A, 0x0D, 0x1B, 0x7F, 0x85, 0x2028, 0x2029, 0x202A, 0x202E, 0x2066, 0x2069] {
            #expect(VisibleText.needsEscape(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
        }
    }

    @Test func aScriptPutsEachBindOnItsOwnCommentLine() {
        let statement = SQLStatement(text: "SELECT $2::text WHERE t = $1", binds: [.tenant, .value("x\nDROP TABLE t; --", type: "text")])
        let script = PrintedSQL.script(statement, title: "Q | where a == \"\u{202E}\"\r")
        #expect(script == "-- Q | where a == \"\\u202E\"\\r\nSELECT $2::text WHERE t = $1;\n-- $1 = <tenant>\n-- $2 = E'x\\nDROP TABLE t; --'::text\n")
        for line in script.split(separator: "\n") where !line.hasPrefix("SELECT") {
            #expect(line.hasPrefix("-- "), "\(line)")
        }
    }

    @Test func planRowsSplitInsideALiteralAreJoinedBack() {
        let rows = ["Aggregate", "  ->  Seq Scan on \"it's\" t", "        Filter: (name = 'x", "SELECT 1;''", "'::text)", "  ->  Index Scan"]
        #expect(PrintedSQL.planLines(rows) == ["Aggregate", "  ->  Seq Scan on \"it's\" t",
                                               #"        Filter: (name = 'x\nSELECT 1;''\n'::text)"#, "  ->  Index Scan"])
        #expect(PrintedSQL.planLines(["a 'b", "c"]) == [#"a 'b\nc"#])
    }

    /// A diagnostic quoting a supplied value (`--param f=<ESC>[2J…`) cannot repaint the terminal.
    @Test func diagnosticsShowQuotedValuesEscaped() {
        let result = Fixtures.compile("param f: Float\nOrder | where total > $f | count", parameters: ["f": "\u{1B}[2J\u{202E}x\r"])
        let rendered = DiagnosticRenderer(useColor: false).render(result.diagnostics, in: SourceFile(name: "t", text: "param f: Float\nOrder | where total > $f | count"))
        #expect(result.diagnostics.map(\.code) == [.invalidParameterValue])
        #expect(rendered.contains(#"`f=\x1B[2J\u202Ex\r` is not a valid Float"#), "\(rendered)")
        #expect(!rendered.unicodeScalars.contains { $0 != "\n" && VisibleText.needsEscape($0) }, "\(rendered.debugDescription)")
    }
}
