/// Lays out several completion candidates in columns, down then across, like readline.
public enum CompletionListing {
    public static func format(_ items: [String], width: Int) -> String {
        guard !items.isEmpty else { return "" }
        let columnWidth = (items.map(\.count).max() ?? 0) + 2
        let columns = max(1, min(items.count, width / columnWidth))
        let rows = (items.count + columns - 1) / columns
        var out = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < items.count else { break }
                let item = items[index]
                let isLast = column == columns - 1 || (column + 1) * rows + row >= items.count
                line += isLast ? item : item + String(repeating: " ", count: columnWidth - item.count)
            }
            out += line + "\n"
        }
        return out
    }
}
