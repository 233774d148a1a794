/// How values read at a terminal (table and expanded output with a terminal width): computed
/// decimals rounded to 4 places, a timestamp at midnight shown as its date. Files, pipes and
/// the machine formats keep PostgreSQL's text exactly.
enum DisplayValue {
    static let timestamp: UInt32 = 1114
    static let timestamptz: UInt32 = 1184
    static let date: UInt32 = 1082

    /// `numeric` without a declared scale (avg, ratios: typmod -1) is rounded to `places`
    /// decimals, half away from zero, on the digits themselves (never through a Double).
    static func decimal(_ text: String, places: Int = 4) -> String {
        let bytes = Array(text.utf8)
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")), bytes.count - dot - 1 > places,
              bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }) else { return text }
        let negative = bytes.first == UInt8(ascii: "-")
        var digits = Array(bytes[(negative ? 1 : 0)..<dot]) + Array(bytes[(dot + 1)...(dot + places)])
        if bytes[dot + places + 1] >= UInt8(ascii: "5") {
            var i = digits.count - 1
            while i >= 0 {
                if digits[i] == UInt8(ascii: "9") { digits[i] = UInt8(ascii: "0"); i -= 1 } else { digits[i] += 1; break }
            }
            if i < 0 { digits.insert(UInt8(ascii: "1"), at: 0) }
        }
        let split = digits.count - places
        var intPart = Array(digits[..<split])
        var fraction = Array(digits[split...])
        while let last = fraction.last, last == UInt8(ascii: "0") { fraction.removeLast() }
        if intPart.isEmpty { intPart = [UInt8(ascii: "0")] }
        let isZero = intPart.allSatisfy { $0 == UInt8(ascii: "0") } && fraction.isEmpty
        var out = (negative && !isZero ? "-" : "") + String(decoding: intPart, as: UTF8.self)
        if !fraction.isEmpty { out += "." + String(decoding: fraction, as: UTF8.self) }
        return out
    }

    /// `2025-12-01 00:00:00+00` (or `…00:00:00` without a zone) → `2025-12-01`: a month or day
    /// bucket reads as a date. The session prints timestamptz in its own zone, so midnight in
    /// the run's zone is what this sees.
    static func midnightAsDate(_ text: String) -> String {
        let b = Array(text.utf8)
        guard b.count >= 19, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x20,
              Array(b[11..<19]) == Array("00:00:00".utf8) else { return text }
        let rest = b[19...]
        if rest.isEmpty || ((rest.first == 0x2B || rest.first == 0x2D) && rest.dropFirst().allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x3A }) {
            return String(decoding: b[0..<10], as: UTF8.self)
        }
        return text
    }

    /// PostgreSQL's timestamp text → RFC 3339: `2022-11-02 03:53:06.309+00` →
    /// `2022-11-02T03:53:06.309+00:00`; without a zone only the `T`. nil when the text is not
    /// in that form (infinity, BC dates), and then it is written as it is.
    static func rfc3339(_ text: String, hasZone: Bool) -> String? {
        var b = Array(text.utf8)
        guard b.count >= 19, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x20, b[13] == 0x3A, b[16] == 0x3A,
              !text.hasSuffix(" BC") else { return nil }
        b[10] = UInt8(ascii: "T")
        guard hasZone else { return String(decoding: b, as: UTF8.self) }
        // The zone is the last `+hh`, `+hh:mm` or `+hh:mm:ss` after the seconds.
        guard let sign = b[19...].firstIndex(where: { $0 == 0x2B || $0 == 0x2D }) else { return nil }
        let zone = Array(b[(sign + 1)...])
        var out = Array(b[..<sign])
        out.append(b[sign])
        switch zone.count {
        case 2: out += zone + Array(":00".utf8)
        case 5: out += zone
        default: return nil
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The JSON writers' timestamp rule for other code that writes the same JSON (the MCP server).
public enum JSONTimestamp {
    /// `text` of a timestamp (1114) or timestamptz (1184) column in RFC 3339; nil for other
    /// types or text not in PostgreSQL's usual form (then it is written as it is).
    public static func rfc3339(_ text: String, typeOID: UInt32) -> String? {
        switch typeOID {
        case DisplayValue.timestamp: DisplayValue.rfc3339(text, hasZone: false)
        case DisplayValue.timestamptz: DisplayValue.rfc3339(text, hasZone: true)
        default: nil
        }
    }
}
