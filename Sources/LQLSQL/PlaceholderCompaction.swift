/// Drops binds that the final text no longer references, renumbering the rest in order. A stage
/// can be written and then given up (a sort that `distinct` cannot keep), and its binds were taken
/// when it was written: PostgreSQL would refuse a bind it cannot type, and an unused value is noise.
/// `$1` (the tenant) always stays, referenced or not (the schema-per-tenant style never names it).
enum PlaceholderCompaction {
    static func compact(text: String, binds: [SQLBind]) -> (text: String, binds: [SQLBind]) {
        let bytes = Array(text.utf8)
        var used = Set<Int>([1])
        forEachPlaceholder(in: bytes) { number, _ in used.insert(number) }
        if used.count == binds.count { return (text, binds) }
        var renumbered: [Int: Int] = [:]
        var kept: [SQLBind] = []
        for (i, bind) in binds.enumerated() where used.contains(i + 1) {
            kept.append(bind)
            renumbered[i + 1] = kept.count
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        forEachPlaceholder(in: bytes) { number, range in
            out += bytes[copied..<range.lowerBound]
            out += Array("$\(renumbered[number] ?? number)".utf8)
            copied = range.upperBound
        }
        out += bytes[copied...]
        return (String(decoding: out, as: UTF8.self), kept)
    }

    /// Each `$n` outside quoted identifiers and string literals, with its byte range.
    private static func forEachPlaceholder(in bytes: [UInt8], _ body: (Int, Range<Int>) -> Void) {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                i += 1
                while i < bytes.count {
                    if bytes[i] == b {
                        if i + 1 < bytes.count, bytes[i + 1] == b { i += 2; continue }  // doubled quote
                        break
                    }
                    i += 1
                }
                i += 1
            } else if b == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] >= 48, bytes[i + 1] <= 57 {
                var j = i + 1, number = 0
                while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57 { number = number * 10 + Int(bytes[j] - 48); j += 1 }
                body(number, i..<j)
                i = j
            } else {
                i += 1
            }
        }
    }
}
