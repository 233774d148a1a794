import Foundation
import LQLOutput
import MCP

/// PostgreSQL text values as JSON values, by the rules of `lql run --format json` (JSONWriter):
/// int2/4/8 and float4/8 are numbers (NaN and ±Infinity, which JSON has no numbers for, stay
/// strings), numeric is a string (exact decimals survive any reader), bool is true/false,
/// json/jsonb are embedded as JSON (nested shapes), anything else is PostgreSQL's text, NULL is null.
enum RowValues {
    enum Kind: Sendable { case integer, float, boolean, json, string, timestamp(UInt32) }

    static func kind(ofType oid: UInt32) -> Kind {
        switch oid {
        case PostgresType.int2, PostgresType.int4, PostgresType.int8: .integer
        case PostgresType.float4, PostgresType.float8: .float
        case PostgresType.bool: .boolean
        case PostgresType.json, PostgresType.jsonb: .json
        case 1114, 1184: .timestamp(oid)  // RFC 3339, as JSONWriter writes them
        default: .string
        }
    }

    static func value(_ text: String?, kind: Kind) -> Value {
        guard let text else { return .null }
        switch kind {
        case .integer:
            return Int(text).map(Value.int) ?? .string(text)
        case .float:
            guard let d = Double(text), d.isFinite else { return .string(text) }
            return .double(d)
        case .boolean:
            return text == "t" ? .bool(true) : (text == "f" ? .bool(false) : .string(text))
        case .json:
            // Not through Value's own decoder: it compiles a regex for every string (DirectToolCalls).
            return (try? JSONDecoder().decode(DirectToolCalls.Argument.self, from: Data(text.utf8)))?.value ?? .string(text)
        case .string:
            return .string(text)
        case .timestamp(let oid):
            return .string(JSONTimestamp.rfc3339(text, typeOID: oid) ?? text)
        }
    }

    /// One row as an object keyed by column name.
    static func object(_ row: [String?], names: [String], kinds: [Kind]) -> Value {
        var object: [String: Value] = [:]
        object.reserveCapacity(names.count)
        for (i, name) in names.enumerated() {
            object[name] = value(i < row.count ? row[i] : nil, kind: kinds[i])
        }
        return .object(object)
    }

    /// The rows as `lql run --format json` prints them (columns in order), for the text content.
    static func jsonText(columns: [OutputColumn], rows: [[String?]]) -> String {
        let sink = MemorySink()
        let writer = makeWriter(.json, to: sink)
        do {
            try writer.begin(columns: columns)
            for row in rows { try writer.write(row: row) }
            try writer.end()
        } catch {
            return "[]"
        }
        return sink.text
    }
}
