/// Cuts a display line to a width with `…`, by grapheme clusters (a base letter keeps its
/// combining marks; a wide character never splits).
enum CellCutter {
    static func cut(_ line: CellLine, to width: Int) -> CellLine {
        guard line.width > width else { return line }
        guard width > 1 else { return CellLine(text: width == 1 ? "…" : "", width: width) }
        // Printable ASCII (one column a byte, no clusters to keep whole): cut the bytes.
        if line.width == line.text.utf8.count, line.text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return CellLine(text: String(decoding: line.text.utf8.prefix(width - 1), as: UTF8.self) + "…", width: width)
        }
        var text = ""
        var used = 0
        for character in line.text {
            let w = character.unicodeScalars.reduce(0) { $0 + TerminalText.scalarWidth($1) }
            if used + w > width - 1 { break }
            text.append(character)
            used += w
        }
        return CellLine(text: text + "…", width: used + 1)
    }

    /// A nested summary keeps its closing `}` or `]`: `{North Star Steakhouse, info@…}`.
    static func cutSummary(_ line: CellLine, to width: Int) -> CellLine {
        guard line.width > width, width >= 3, let last = line.text.last, last == "}" || last == "]" else {
            return cut(line, to: width)
        }
        let inner = CellLine(text: String(line.text.dropLast()), width: line.width - 1)
        let cutInner = cut(inner, to: width - 1)
        return CellLine(text: cutInner.text + String(last), width: cutInner.width + 1)
    }
}
