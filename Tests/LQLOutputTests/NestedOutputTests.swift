import LQLOutput
import Testing

private let orders31 = "[" + (1...31).map { "{\"number\" : \"WC-\(10000 + $0)\", \"total\" : \($0).50, \"placedAt\" : \"2025-0\($0 % 9 + 1)-02T03:53:06.309+00:00\"}" }
    .joined(separator: ", ") + "]"
private let customerColumns = [OutputColumn(name: "name", typeOID: PostgresType.text), OutputColumn(name: "tier", typeOID: PostgresType.text),
                               OutputColumn(name: "contact", typeOID: PostgresType.json), OutputColumn(name: "recent", typeOID: PostgresType.json),
                               OutputColumn(name: "avgTotal", typeOID: PostgresType.numeric)]
private let customerRow: [String?] = ["North Star Steakhouse", "GOLD",
                                      "{\"email\" : \"info@northstar.example\", \"address\" : {\"city\" : \"San Francisco\", \"tags\" : [\"a\", \"b\"]}}",
                                      orders31, "16.0000000000000000"]

@Suite struct NestedOutputTests {
    @Test func recordTreeNumbersArraysAndCutsAfterTwenty() {
        let lines = NestedText.record(columns: customerColumns, row: customerRow)
        GoldenOutput.check("tree-customer", lines.joined(separator: "\n") + "\n")
        #expect(lines.contains("  … 11 more (31 in all)"))
        #expect(lines.contains("recent: [31 × {number, total, placedAt}]"))
        #expect(lines.contains("avgTotal: 16"))
    }

    @Test func expandedAtATerminalShowsTrees() throws {
        let out = try GoldenOutput.render(.expanded, customerColumns, [customerRow], options: OutputOptions(terminalWidth: 80))
        GoldenOutput.check("expanded-nested-80", out)
        #expect(!out.contains("\"number\""))
    }

    @Test func jsonIsTheSameWhetherNestedOrTopLevel() throws {
        let top = [OutputColumn(name: "number", typeOID: PostgresType.text), OutputColumn(name: "placedAt", typeOID: 1184),
                   OutputColumn(name: "day", typeOID: 1082), OutputColumn(name: "n", typeOID: PostgresType.int4)]
        let flat = try GoldenOutput.render(.ndjson, top, [["WC-1", "2025-01-02 03:53:06.309+00", "2025-01-02", "3"]])
        let nested = try GoldenOutput.render(.ndjson, [OutputColumn(name: "o", typeOID: PostgresType.json)],
                                             [[#"{"number" : "WC-1", "placedAt" : "2025-01-02T03:53:06.309+00:00", "day" : "2025-01-02", "n" : 3}"#]])
        #expect(nested == "{\"o\":" + flat.dropLast() + "}\n")
        GoldenOutput.check("json-values", flat + nested)
    }

    @Test func decimalsSurviveDigitForDigit() throws {
        let out = try GoldenOutput.render(.json, [OutputColumn(name: "o", typeOID: PostgresType.jsonb)],
                                          [[#"{"big": 123456789012345678901234567890.123456789, "tiny": 1e-400, "s": "\u00e9\ud83d\ude00"}"#]])
        #expect(out == "[\n  {\"o\":{\"big\":123456789012345678901234567890.123456789,\"tiny\":1e-400,\"s\":\"é😀\"}}\n]\n")
    }

    @Test func timestampsAtOtherOffsets() {
        let column = OutputColumn(name: "t", typeOID: 1184)
        _ = column
        #expect(JSONValue.parse("[1, 2") == nil)
        #expect(JSONValue.parse(" {\"a\" : [true, false, null]} ") == .object([("a", .array([.bool(true), .bool(false), .null]))]))
    }
}
