import LQLDiagnostics

/// SQL and bind values as lql prints them for people and for psql (`lql compile`, the MCP
/// `compile_query` text, `\sql`, `\explain`, statement headings). The values sit in `-- ` comments,
/// and psql ends a comment at a newline or carriage return: a raw one in a value would make the
/// rest of it a statement when the script is piped into psql. A raw CR, a bidi override or a
/// line separator also hides or reorders text on a terminal. So no printed value or heading
/// holds any of them raw: literals use `E'…'` escapes, other text the same backslash escapes.
public enum PrintedSQL {
    /// The script of one statement: an optional `-- title` heading, the text and `;`, then one
    /// `-- $n = value::type` line per bind (`tenant` describes `$1`).
    public static func script(_ statement: SQLStatement, title: String? = nil, tenant: String = "<tenant>") -> String {
        var out = title.map { "-- " + VisibleText.visible($0) + "\n" } ?? ""
        out += statement.text + ";\n"
        for line in bindLines(statement, tenant: tenant) { out += "-- " + line + "\n" }
        return out
    }

    /// `$n = 'value'::type` for each bind; `$1` (the tenant) shows as `tenant`, made visible.
    public static func bindLines(_ statement: SQLStatement, tenant: String) -> [String] {
        statement.binds.enumerated().map { n, bind in
            switch bind {
            case .tenant: "$\(n + 1) = " + VisibleText.visible(tenant)
            case .value(let v, let type): "$\(n + 1) = " + literal(v) + "::" + VisibleText.visible(type)
            }
        }
    }

    /// An SQL literal that reads back as `value`: `NULL`, `'…'` with `'` doubled, or — when the
    /// value holds a backslash or anything `VisibleText.needsEscape` names — `E'…'` with each of those as an
    /// escape (`\n`, `\r`, `\t`, `\b`, `\f`, `\xNN`, `\uNNNN`, `\UNNNNNNNN`). E'…' reads the same
    /// whatever `standard_conforming_strings` is.
    public static func literal(_ value: String?) -> String {
        guard let value else { return "NULL" }
        let plain = value.unicodeScalars.allSatisfy { !VisibleText.needsEscape($0) && $0 != "\\" }
        if plain { return "'" + value.doublingSingleQuotes + "'" }
        var out = "E'"
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "''"
            default: if VisibleText.needsEscape(scalar) { out += VisibleText.escape(scalar) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "'"
    }

    /// EXPLAIN's text rows, each made visible. A custom plan shows bind values as `'…'`
    /// literals, and the server splits its text into rows at every newline, also one inside a
    /// value: rows are joined back where the break lies inside a quoted literal (the quote
    /// state is tracked across rows, `''` and `""` doubled), so the break shows as `\n`.
    public static func planLines(_ rows: [String]) -> [String] {
        var lines: [String] = []
        var pending: String?
        var quote: Unicode.Scalar?
        for row in rows {
            for scalar in row.unicodeScalars where scalar == "'" || scalar == "\"" {
                if quote == nil { quote = scalar } else if quote == scalar { quote = nil }
            }
            pending = pending.map { $0 + "\n" + row } ?? row
            if quote == nil, let line = pending {
                lines.append(VisibleText.visible(line))
                pending = nil
            }
        }
        if let line = pending { lines.append(VisibleText.visible(line)) }
        return lines
    }
}
