/// How a table fits a terminal of `width` columns (DuckDB's CLI does the same): when the
/// natural widths are too wide, long columns are cut to a fair share of the room (short ones
/// keep their width); when even a fair cut leaves a column under `minimumWidth`, the middle
/// columns give way to one `…` column.
struct TableLayout: Equatable {
    /// Indices of the columns shown, in order.
    var shown: [Int]
    /// The width of each shown column (parallel to `shown`).
    var widths: [Int]
    /// The position in `shown` before which the `…` column stands; nil when every column shows.
    var ellipsisAt: Int?

    static let minimumWidth = 8

    var dropsColumns: Bool { ellipsisAt != nil }

    /// A psql border-1 line: each column is padded by a space on both sides, `|` between.
    static func lineWidth(_ widths: [Int]) -> Int {
        widths.reduce(0, +) + 3 * widths.count - 1
    }

    static func natural(_ widths: [Int]) -> TableLayout {
        TableLayout(shown: Array(widths.indices), widths: widths, ellipsisAt: nil)
    }

    static func fit(natural: [Int], into width: Int) -> TableLayout {
        guard !natural.isEmpty, lineWidth(natural) > width else { return .natural(natural) }
        var kept = Array(natural.indices)
        var gapAt: Int?
        func minimum(_ i: Int) -> Int { min(natural[i], minimumWidth) }
        func needed() -> Int {
            let mins = kept.map(minimum) + (gapAt == nil ? [] : [1])
            return lineWidth(mins)
        }
        // Remove the middle column of those left until the minimums fit; each removal is next
        // to the previous one, so the removed columns are one run and one `…` stands for them.
        while needed() > width, kept.count > 1 {
            let middle = kept.count / 2
            kept.remove(at: middle)
            gapAt = middle
        }
        var available = width - lineWidth(Array(repeating: 0, count: kept.count + (gapAt == nil ? 0 : 1))) - (gapAt == nil ? 0 : 1)
        // Fair shares, smallest first: a column narrower than its share keeps its width and
        // leaves the rest to the others.
        var widths = Array(repeating: 0, count: kept.count)
        let order = kept.indices.sorted { natural[kept[$0]] < natural[kept[$1]] }
        for (k, position) in order.enumerated() {
            let share = max(1, available / (order.count - k))
            widths[position] = max(1, min(natural[kept[position]], share))
            available -= widths[position]
        }
        return TableLayout(shown: kept, widths: widths, ellipsisAt: gapAt)
    }
}
