import LQLSyntax

/// Whether PostgreSQL's input functions take a value lql binds as text: a value lql accepts
/// must not fail at the server (exit 3) but here, with a span (E0222 for supplied values).
enum ValueRanges {
    /// A duration (`interval`): PostgreSQL 15 reads the amount's whole part as a 32-bit integer,
    /// and keeps months and days in 32 bits and the time in 64-bit microseconds.
    static func duration(amount: String, unit: DurationUnit) -> Bool {
        let whole = amount.split(separator: ".", maxSplits: 1).first.map(String.init) ?? amount
        guard let w = Int64(whole), w <= Int64(Int32.max), let a = Double(amount) else { return false }
        let limit: Double = switch unit {
        case .year: Double(Int32.max) / 12
        case .month, .day: Double(Int32.max)
        case .week: Double(Int32.max) / 7
        case .hour: Double(Int64.max) / 3_600_000_000
        case .minute: Double(Int64.max) / 60_000_000
        case .second: Double(Int64.max) / 1_000_000
        }
        return a <= limit.rounded(.down)
    }

    /// A `double precision` in decimal notation (no hex floats, no `inf`/`nan`) that neither
    /// overflows nor underflows to zero (PostgreSQL refuses both; subnormals it takes).
    static func float(_ text: String) -> Bool {
        guard text.wholeMatch(of: /[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?/) != nil,
              let d = Double(text), d.isFinite else { return false }
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        return d != 0 || !mantissa.contains(where: { ("1"..."9").contains($0) })
    }

    /// A `numeric` within its digits: 131,072 before the point, 16,383 after.
    static func decimal(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return (parts.first?.count ?? 0) <= 131_072 && (parts.count < 2 || parts[1].count <= 16_383)
    }
}
