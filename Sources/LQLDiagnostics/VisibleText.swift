/// Text shown to a person with nothing hidden: control characters (C0, DEL, C1), line and
/// paragraph separators, and invisible format characters (bidi embeddings, overrides and
/// isolates, marks, the BOM, tag characters) written as backslash escapes. Each of them can end
/// a `-- ` comment, move the cursor, or hide or reorder what a reader sees. The lowest module
/// holds it so diagnostics, printed SQL (PrintedSQL) and the result writers share one rule.
public enum VisibleText {
    /// Zero-width joiner and non-joiner stay: emoji and several scripts need them, and they
    /// hide nothing.
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

    /// One character's escape: `\n`, `\r`, `\t`, `\b`, `\f`, `\xNN` below U+0080, else
    /// `\uNNNN` or `\UNNNNNNNN` (the forms an E'…' literal reads back).
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

    /// `text` with every character `needsEscape` names escaped: one line, nothing hidden.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    static func hex(_ v: UInt32, digits: Int) -> String {
        let symbols = Array("0123456789ABCDEF")
        return String((0..<digits).reversed().map { symbols[Int((v >> (4 * UInt32($0))) & 0xF)] })
    }
}
