/// "Did you mean" support: the closest candidates by edit distance, case-insensitively.
public enum Suggestions {
    /// Candidates within a distance that grows with the word's length, best first.
    /// `maxDistance` caps the edit distance (for short words a distance of 2 reaches almost
    /// anything of the same length: `lag` → `age`, `all`, `avg`).
    public static func closest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        closest(to: word, among: candidates, limit: limit, maxDistance: 3)
    }

    public static func closest(to word: String, among candidates: [String], limit: Int = 3, maxDistance: Int) -> [String] {
        let w = Array(word.lowercased())
        let threshold = max(1, min(maxDistance, w.count / 3 + 1))
        var scored: [(String, Int)] = []
        let lowered = word.lowercased()
        for c in candidates {
            let lc = Array(c.lowercased())
            let prefixBonus = !word.isEmpty && c.lowercased().hasPrefix(lowered)
            // The distance is at least the length difference: past the threshold it cannot
            // qualify, and skipping it keeps a 5,000-character word from costing seconds.
            guard abs(lc.count - w.count) <= threshold else {
                if prefixBonus { scored.append((c, threshold)) }
                continue
            }
            let d = distance(w, lc)
            if d <= threshold || prefixBonus { scored.append((c, prefixBonus ? min(d, threshold) : d)) }
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }

    /// Damerau–Levenshtein (optimal string alignment) distance.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cur[j] = min(cur[j], prev2[j - 2] + 1)
                }
            }
            prev2 = prev
            prev = cur
        }
        return prev[b.count]
    }

    /// "`a`, `b` or `c`" for messages.
    public static func quotedList(_ items: [String], conjunction: String = "or") -> String {
        let q = items.map { "`\($0)`" }
        switch q.count {
        case 0: return ""
        case 1: return q[0]
        default: return q.dropLast().joined(separator: ", ") + " \(conjunction) " + q.last!
        }
    }
}
