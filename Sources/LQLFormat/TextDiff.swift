/// A unified diff of two texts by lines (longest common subsequence), for `lql fmt --check`.
/// Reports are small, so the quadratic table is cheap; past `maxCells` it shows the whole
/// file as replaced rather than spend the memory.
public enum TextDiff {
    static let maxCells = 4_000_000
    static let context = 3

    public static func unified(_ old: String, _ new: String, oldName: String, newName: String) -> String {
        let a = splitLines(old), b = splitLines(new)
        let ops = lineOperations(a, b)
        guard ops.contains(where: { $0.kind != .same }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Hunks: each change with `context` unchanged lines around it, overlapping ones merged.
        var ranges: [Range<Int>] = []
        for (index, op) in ops.enumerated() where op.kind != .same {
            let range = max(0, index - context)..<min(ops.count, index + context + 1)
            if let last = ranges.last, last.upperBound >= range.lowerBound {
                ranges[ranges.count - 1] = last.lowerBound..<range.upperBound
            } else {
                ranges.append(range)
            }
        }
        for range in ranges {
            let hunk = ops[range]
            let oldStart = (hunk.first?.oldLine ?? 0) + 1, newStart = (hunk.first?.newLine ?? 0) + 1
            let oldCount = hunk.filter { $0.kind != .insert }.count, newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for op in hunk {
                switch op.kind {
                case .same: out += " " + a[op.oldLine] + "\n"
                case .delete: out += "-" + a[op.oldLine] + "\n"
                case .insert: out += "+" + b[op.newLine] + "\n"
                }
            }
        }
        return out
    }

    enum Kind { case same, delete, insert }
    struct Operation { var kind: Kind; var oldLine: Int; var newLine: Int }

    static func splitLines(_ s: String) -> [String] {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    static func lineOperations(_ a: [String], _ b: [String]) -> [Operation] {
        let n = a.count, m = b.count
        if (n + 1) * (m + 1) > maxCells {
            return a.indices.map { Operation(kind: .delete, oldLine: $0, newLine: 0) }
                + b.indices.map { Operation(kind: .insert, oldLine: n, newLine: $0) }
        }
        // lcs[i][j] = length of the LCS of a[i...] and b[j...]
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [Operation] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                ops.append(Operation(kind: .same, oldLine: i, newLine: j)); i += 1; j += 1
            } else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] {
                ops.append(Operation(kind: .delete, oldLine: i, newLine: j)); i += 1
            } else {
                ops.append(Operation(kind: .insert, oldLine: i, newLine: j)); j += 1
            }
        }
        return ops
    }
}
