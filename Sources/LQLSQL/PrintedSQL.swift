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
        var out = title.map { "-- " + visible($0) + "\n" } ?? ""
        out += statement.text + ";\n"
        for line in bindLines(statement, tenant: tenant) { out += "-- " + line + "\n" }
        return out
    }

    /// `$n = 'value'::type` for each bind; `$1` (the tenant) shows as `tenant`, made visible.
    public static func bindLines(_ statement: SQLStatement, tenant: String) -> [String] {
        statement.binds.enumerated().map { n, bind in
            switch bind {
            case .tenant: "$\(n + 1) = " + visible(tenant)
            case .value(let v, let type): "$\(n + 1) = " + literal(v) + "::" + visible(type)
            }
        }
    }

    /// An SQL literal that reads back as `value`: `NULL`, `'…'` with `'` doubled, or — when the
    /// value holds a backslash or anything `needsEscape` names — `E'…'` with each of those as an
    /// escape (`\n`, `\r`, `\t`, `\b`, `\f`, `\xNN`, `\uNNNN`, `\UNNNNNNNN`). E'…' reads the same
    /// whatever `standard_conforming_strings` is.
    public static func literal(_ value: String?) -> String {
        guard let value else { return "NULL" }
        let plain = value.unicodeScalars.allSatisfy { !needsEscape($0) && $0 != "\\" }
        if plain { return "'" + value.doublingSingleQuotes + "'" }
        var out = "E'"
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "''"
            default: if needsEscape(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "'"
    }

    /// `text` with every character `needsEscape` names written as its backslash escape, for
    /// headings, type names, tenant slugs and plan lines: one line, nothing hidden.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
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
                lines.append(visible(line))
                pending = nil
            }
        }
        if let line = pending { lines.append(visible(line)) }
        return lines
    }

    /// Control characters (C0, DEL, C1), line and paragraph separators, and invisible format
    /// characters (bidi embeddings, overrides and isolates, marks, the BOM, tag characters):
    /// each can end a comment, move the cursor, or hide or reorder what a reader sees. Zero-width
    /// joiner and non-joiner stay: emoji and several scripts need them, and they hide nothing.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return false }
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        if v == 0x200C || v == 0x200D { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// One character's backslash escape (`\n`, `\x1B`, `\u202E`, `\U000E0041`).
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        default:
            let v = scalar.value
            if v < 0x80 { return "\\x" + hex(v, digits: 2) }
            if v <= 0xFFFF { return "\\u" + hex(v, digits: 4) }
            return "\\U" + hex(v, digits: 8)
        }
    }

    static func hex(_ v: UInt32, digits: Int) -> String {
        let symbols = Array("0123456789ABCDEF")
        return String((0..<digits).reversed().map { symbols[Int((v >> (4 * UInt32($0))) & 0xF)] })
    }
}

extension String {
    /// `'` doubled, for `'…'` quoting.
    var doublingSingleQuotes: String {
        guard utf8.contains(UInt8(ascii: "'")) else { return self }
        var out = ""
        for ch in unicodeScalars {
            if ch == "'" { out += "''" } else { out.unicodeScalars.append(ch) }
        }
        return out
    }
}
