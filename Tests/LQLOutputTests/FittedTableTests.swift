import LQL
import LQLOutput
import Testing

private let text = PostgresType.text
private let customerColumns = ["id", "name", "email", "phone", "tier", "city", "street", "postalCode", "country", "createdAt", "balance"]
    .map { OutputColumn(name: $0, typeOID: $0 == "balance" ? PostgresType.numeric : ($0 == "createdAt" ? 1184 : text),
                        typeModifier: $0 == "balance" ? 655366 : -1) }
private let customerRows: [[String?]] = [
    ["cus_0001", "North Star Steakhouse", "info@northstar.example", "+1 415 555 0100", "GOLD", "San Francisco", "1200 Market Street", "94103", "United States", "2022-11-02 03:53:06.309+00", "1250.00"],
    ["cus_0002", "Café Lumière", "bonjour@lumiere.example", "+33 1 55 55 01 01", "SILVER", "Paris", "8 Rue de Rivoli", "75004", "France", "2023-01-15 10:00:00+00", "-80.50"],
    ["cus_0003", "東京ラーメン", "hello@tokyo-ramen.example", "+81 3 5555 0102", "BRONZE", "東京", "千代田区丸の内1-1", "100-0005", "日本", "2024-06-30 23:59:59+00", "0.00"],
]

private func terminal(_ width: Int, sizingRows: Int = 1000, auto: Bool = false) -> OutputOptions {
    OutputOptions(sizingRows: sizingRows, terminalWidth: width, expandedAuto: auto)
}

/// Every line of a fitted table is at most the terminal's width, in display columns.
private func widest(_ text: String) -> Int {
    text.split(separator: "\n").map { line in
        line.unicodeScalars.reduce(0) { w, s in
            let v = s.value
            if (0x300..<0x370).contains(v) { return w }
            return w + ((0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                        || (0xFF00...0xFF60).contains(v) ? 2 : 1)
        }
    }.max() ?? 0
}

@Suite struct FittedTableTests {
    @Test func elevenColumnsAt200FitWhole() throws {
        let out = try GoldenOutput.render(.table, customerColumns, customerRows, options: terminal(200))
        GoldenOutput.check("table-customers-200", out)
        #expect(widest(out) <= 200)
        #expect(!out.contains("…"))
    }

    @Test func elevenColumnsAt100CutFairly() throws {
        let out = try GoldenOutput.render(.table, customerColumns, customerRows, options: terminal(100))
        GoldenOutput.check("table-customers-100", out)
        #expect(widest(out) <= 100)
    }

    @Test func elevenColumnsAt80DropMiddleColumns() throws {
        let out = try GoldenOutput.render(.table, customerColumns, customerRows, options: terminal(80))
        GoldenOutput.check("table-customers-80", out)
        #expect(widest(out) <= 80)
        #expect(out.contains("(3 rows, 11 columns, "))
        #expect(out.contains(" shown — \\x to see all)"))
    }

    @Test func xAutoSwitchesToExpandedOnlyWhenColumnsWouldBeLost() throws {
        let narrow = try GoldenOutput.render(.table, customerColumns, customerRows, options: terminal(80, auto: true))
        #expect(narrow.hasPrefix("-[ RECORD 1 ]"))
        let wide = try GoldenOutput.render(.table, customerColumns, customerRows, options: terminal(200, auto: true))
        #expect(wide.hasPrefix("    id    |"))
    }

    @Test func wideAndCombiningCharactersCutOnDisplayWidth() throws {
        let cols = [OutputColumn(name: "wide", typeOID: text), OutputColumn(name: "combining", typeOID: text), OutputColumn(name: "n", typeOID: PostgresType.int4)]
        let rows: [[String?]] = [
            ["東京都千代田区丸の内一丁目", "e\u{301}le\u{301}phant cafe\u{301} re\u{301}sume\u{301} na\u{EF}ve", "1"],
            ["한국어 텍스트 한국어 텍스트", "Z\u{351}\u{36B}a\u{30A}l\u{34E}g\u{352}o text that goes on", "22"],
        ]
        let out = try GoldenOutput.render(.table, cols, rows, options: terminal(40))
        GoldenOutput.check("table-unicode-40", out)
        #expect(widest(out) <= 40)
    }

    @Test func laterRowsAreCutToTheFixedWidthsNeverShifted() throws {
        let cols = [OutputColumn(name: "v", typeOID: text), OutputColumn(name: "n", typeOID: PostgresType.int4)]
        let out = try GoldenOutput.render(.table, cols, [["ab", "1"], ["abcdef", "2"], ["東京都", "3"]], options: terminal(80, sizingRows: 1))
        #expect(out == """
             v  | n 
            ----+---
             ab | 1
             a… | 2
             …  | 3
            (3 rows)


            """)
    }

    @Test func filesAndPipesAreNeverCut() throws {
        let out = try GoldenOutput.render(.table, customerColumns, customerRows)
        #expect(!out.contains("…"))
        #expect(out.contains("2022-11-02 03:53:06.309+00"))
    }

    @Test func computedDecimalsAndMidnightTimestampsAtTheTerminal() throws {
        let cols = [OutputColumn(name: "month", typeOID: 1184), OutputColumn(name: "avg", typeOID: PostgresType.numeric),
                    OutputColumn(name: "total", typeOID: PostgresType.numeric, typeModifier: 655366),
                    OutputColumn(name: "day", typeOID: 1114)]
        let rows: [[String?]] = [["2025-12-01 00:00:00+00", "923.5553191489361702", "12.50", "2025-12-01 00:00:00"],
                                 ["2025-11-01 00:00:00+01", "-0.00004", "3.12345", "2025-11-01 00:00:01"],
                                 ["2025-10-01 12:00:00+00", "9.99995", "1.00", nil]]
        let out = try GoldenOutput.render(.table, cols, rows, options: terminal(80))
        GoldenOutput.check("table-display-values", out)
        #expect(out.contains(" 923.5553 |"))
        #expect(out.contains("|       10 |"))
        #expect(out.contains("\n 2025-12-01             | 923.5553"))
        #expect(out.contains(" 2025-10-01 12:00:00+00 |"))
        #expect(out.contains("| 3.12345 |"))  // a declared scale is shown as stored
        let csv = try GoldenOutput.render(.csv, cols, rows, options: terminal(80))
        #expect(csv.contains("923.5553191489361702"))
        #expect(csv.contains("2025-12-01 00:00:00+00"))
    }

    @Test func nestedShapesAreSummariesThatKeepTheirBrackets() throws {
        let cols = [OutputColumn(name: "name", typeOID: text), OutputColumn(name: "contact", typeOID: PostgresType.json),
                    OutputColumn(name: "recent", typeOID: PostgresType.json)]
        let orders = (1...31).map { "{\"number\" : \"WC-100\($0)\", \"total\" : \($0).50}" }.joined(separator: ", ")
        let rows: [[String?]] = [["North Star", "{\"name\" : \"North Star Steakhouse\", \"email\" : \"info@northstar.example\"}", "[\(orders)]"],
                                 ["Empty", "{\"name\" : \"x\", \"email\" : null}", "[]"]]
        let out = try GoldenOutput.render(.table, cols, rows, options: terminal(70))
        GoldenOutput.check("table-nested-70", out)
        #expect(out.contains("{North Star Steakhouse, info…}"))  // cut inside, the brace kept
        #expect(out.contains("[31 × {number, total}]"))
        #expect(widest(out) <= 70)
    }
}
