/// Renders diagnostics like a compiler:
///
///     error[E0301]: unknown field `totl` on model `Order`
///      --> report.lql:3:9
///       |
///     3 | | where totl > 3
///       |         ^^^^
///       = help: did you mean `total`?
public struct DiagnosticRenderer: Sendable {
    public var useColor: Bool

    public init(useColor: Bool) { self.useColor = useColor }

    public func render(_ diagnostics: [Diagnostic], in source: SourceFile) -> String {
        diagnostics.map { render($0, in: source) }.joined(separator: "\n")
    }

    /// Messages, notes and hints may quote what the user typed (`--param f=…`): shown with
    /// VisibleText, so an escape sequence in a value cannot repaint the terminal.
    public func render(_ d: Diagnostic, in source: SourceFile) -> String {
        let loc = source.location(of: d.span.start)
        let endLoc = source.location(of: d.span.end)
        let gutter = String(repeating: " ", count: String(loc.line).count)
        var out = ""
        let sev = d.severity.rawValue
        out += paint(sev + "[\(d.code.code)]", d.severity == .error ? "1;31" : d.severity == .warning ? "1;33" : "1;36")
        out += paint(": " + DiagnosticRenderer.shortenQuoted(VisibleText.visible(d.message)), "1") + "\n"
        out += gutter + paint("--> ", "34") + "\(source.name):\(loc.line):\(loc.column)\n"
        out += gutter + paint(" |", "34") + "\n"
        let fullLine = source.lineText(loc.line)
        var caretCount: Int
        if endLoc.line == loc.line {
            caretCount = max(1, endLoc.column - loc.column)
        } else {
            caretCount = max(1, fullLine.count - (loc.column - 1))
        }
        let (lineText, caretStart) = DiagnosticRenderer.excerpt(fullLine, column: loc.column)
        caretCount = min(caretCount, max(1, lineText.count - caretStart))
        out += paint(String(loc.line), "34") + paint(" | ", "34") + lineText + "\n"
        out += gutter + paint(" | ", "34") + String(repeating: " ", count: max(0, caretStart))
            + paint(String(repeating: "^", count: caretCount), d.severity == .error ? "1;31" : "1;33") + "\n"
        for note in d.notes {
            if let span = note.span {
                let nl = source.location(of: span.start)
                out += gutter + paint(" = ", "34") + "note: \(DiagnosticRenderer.shortenQuoted(VisibleText.visible(note.message))) (\(source.name):\(nl.line):\(nl.column))\n"
            } else {
                out += gutter + paint(" = ", "34") + "note: \(DiagnosticRenderer.shortenQuoted(VisibleText.visible(note.message)))\n"
            }
        }
        for hint in d.hints {
            out += gutter + paint(" = ", "34") + paint("help", "1;32") + ": \(DiagnosticRenderer.shortenQuoted(VisibleText.visible(hint)))\n"
        }
        return out
    }

    /// Widest source excerpt shown. A bomb (a megabyte string, 100,000 list items on one line)
    /// must give a readable diagnostic, not echo the megabyte back.
    public static let maxExcerptWidth = 160

    /// The part of `line` to show around `column` (1-based), with `…` where it was cut, and
    /// the caret's 0-based offset in it.
    static func excerpt(_ line: String, column: Int) -> (text: String, caret: Int) {
        // Control characters (a NUL in a literal) are shown as their Unicode pictures (␀), and
        // the other characters VisibleText escapes (C1, bidi overrides such as U+202E, separators)
        // as U+FFFD: one column each, so the caret stays under its span, and never written raw
        // to the terminal, where they would reorder or hide the line.
        let chars = line.map { c -> Character in
            if let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1, v < 0x20 || v == 0x7F {
                return v == 0x09 ? c : Character(Unicode.Scalar(v == 0x7F ? 0x2421 : 0x2400 + v)!)
            }
            return c.unicodeScalars.contains(where: VisibleText.needsEscape) ? "\u{FFFD}" : c
        }
        let caret = max(0, column - 1)
        guard chars.count > maxExcerptWidth else { return (String(chars), caret) }
        let start = min(max(0, caret - maxExcerptWidth / 3), max(0, chars.count - maxExcerptWidth))
        let end = min(chars.count, start + maxExcerptWidth)
        let head = start > 0 ? "…" : ""
        let tail = end < chars.count ? "…" : ""
        return (head + String(chars[start..<end]) + tail, caret - start + head.count)
    }

    /// Longest name shown whole between backticks in a message; a longer one (a pasted
    /// megabyte used as a field name) keeps its head and tail around `…`.
    public static let maxQuotedWidth = 48

    static func shortenQuoted(_ text: String) -> String {
        guard text.count > maxQuotedWidth else { return text }
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return text }
        // Odd-numbered parts sit between a pair of backticks.
        return parts.enumerated().map { i, part -> String in
            guard i % 2 == 1, i < parts.count - 1, part.count > maxQuotedWidth else { return String(part) }
            return part.prefix(maxQuotedWidth - 12) + "…" + part.suffix(11)
        }.joined(separator: "`")
    }

    /// One line per diagnostic, `file:line:col: error[code]: message`, for logs and tools.
    public func renderShort(_ d: Diagnostic, in source: SourceFile) -> String {
        let loc = source.location(of: d.span.start)
        return "\(source.name):\(loc.line):\(loc.column): \(d.severity.rawValue)[\(d.code.code)]: \(DiagnosticRenderer.shortenQuoted(d.message))"
    }

    private func paint(_ s: String, _ sgr: String) -> String {
        useColor ? "\u{1B}[\(sgr)m\(s)\u{1B}[0m" : s
    }
}
