import LQL

/// Nested shapes (json columns) for people: a one-line summary for a table cell and an
/// indented tree (one field a line, arrays numbered) for expanded output and `\show`, as
/// EdgeQL's REPL shows its shapes.
public enum NestedText {
    /// Items of an array shown in a tree before the rest is counted.
    public static let treeItemLimit = 20

    /// `{North Star Steakhouse, info@northstar.example}`, `[31 × {number, total}]`, `[]`.
    public static func summary(_ value: JSONValue) -> String {
        switch value {
        case .object(let members): "{" + members.map { inlineValue($0.1) }.joined(separator: ", ") + "}"
        case .array(let items): arraySummary(items)
        default: scalarText(value)
        }
    }

    static func arraySummary(_ items: [JSONValue]) -> String {
        guard let first = items.first else { return "[]" }
        if case .object(let members) = first {
            return "[\(items.count) × {" + members.map(\.0).joined(separator: ", ") + "}]"
        }
        let inline = "[" + items.map(inlineValue).joined(separator: ", ") + "]"
        return inline.utf8.count <= 40 ? inline : "[\(items.count) items]"
    }

    /// A value inside a summary: scalars as text, deeper shapes by their size.
    static func inlineValue(_ value: JSONValue) -> String {
        switch value {
        case .object(let members): members.isEmpty ? "{}" : "{…}"
        case .array(let items): items.isEmpty ? "[]" : "[\(items.count)]"
        default: scalarText(value)
        }
    }

    static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n
        case .string(let s): VisibleText.visible(s)
        case .array, .object: summary(value)
        }
    }

    /// The tree of one field: `name: value` for a scalar, `name: [3 × {…}]` then the numbered
    /// items indented below, `name:` then the members for a record.
    public static func tree(name: String, value: JSONValue, indent: Int = 0) -> [String] {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .object(let members):
            if members.isEmpty { return [pad + name + ": {}"] }
            return [pad + name + ":"] + members.flatMap { tree(name: $0.0, value: $0.1, indent: indent + 2) }
        case .array(let items):
            var lines = [pad + name + ": " + arraySummary(items)]
            if items.isEmpty { return lines }
            let shown = min(items.count, treeItemLimit)
            let numberWidth = String(shown).count
            for (i, item) in items.prefix(shown).enumerated() {
                let label = String(repeating: " ", count: numberWidth - String(i + 1).count) + "\(i + 1). "
                let itemPad = pad + "  "
                let hanging = String(repeating: " ", count: label.count)
                switch item {
                case .object(let members) where !members.isEmpty:
                    let body = members.flatMap { tree(name: $0.0, value: $0.1, indent: 0) }
                    for (k, line) in body.enumerated() { lines.append(itemPad + (k == 0 ? label : hanging) + line) }
                case .array:
                    let body = tree(name: "", value: item, indent: 0)
                    for (k, line) in body.enumerated() {
                        lines.append(itemPad + (k == 0 ? label + String(line.dropFirst(2)) : hanging + line))
                    }
                default:
                    lines.append(itemPad + label + scalarText(item))
                }
            }
            if items.count > shown { lines.append(pad + "  … \(items.count - shown) more (\(items.count) in all)") }
            return lines
        default:
            return [pad + name + ": " + scalarText(value)]
        }
    }

    /// A whole row as a tree (`\show N`): every column, nested ones expanded.
    public static func record(columns: [OutputColumn], row: [String?], nullDisplay: String = "") -> [String] {
        var lines: [String] = []
        for (i, column) in columns.enumerated() {
            let text = i < row.count ? row[i] : nil
            guard let text else { lines.append(column.name + ": " + nullDisplay); continue }
            if column.isNested, let value = JSONValue.parse(text) {
                lines += tree(name: column.name, value: value)
            } else {
                lines.append(column.name + ": " + VisibleText.visible(column.display(text)))
            }
        }
        return lines
    }
}
