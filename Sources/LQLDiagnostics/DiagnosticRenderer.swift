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

    public func render(_ d: Diagnostic, in source: SourceFile) -> String {
        let loc = source.location(of: d.span.start)
        let endLoc = source.location(of: d.span.end)
        let gutter = String(repeating: " ", count: String(loc.line).count)
        var out = ""
        let sev = d.severity.rawValue
        out += paint(sev + "[\(d.code.code)]", d.severity == .error ? "1;31" : d.severity == .warning ? "1;33" : "1;36")
        out += paint(": " + d.message, "1") + "\n"
        out += gutter + paint("--> ", "34") + "\(source.name):\(loc.line):\(loc.column)\n"
        out += gutter + paint(" |", "34") + "\n"
        let lineText = source.lineText(loc.line)
        out += paint(String(loc.line), "34") + paint(" | ", "34") + lineText + "\n"
        let caretStart = loc.column - 1
        let lineLength = lineText.count
        let caretCount: Int
        if endLoc.line == loc.line {
            caretCount = max(1, endLoc.column - loc.column)
        } else {
            caretCount = max(1, lineLength - caretStart)
        }
        out += gutter + paint(" | ", "34") + String(repeating: " ", count: max(0, caretStart))
            + paint(String(repeating: "^", count: caretCount), d.severity == .error ? "1;31" : "1;33") + "\n"
        for note in d.notes {
            if let span = note.span {
                let nl = source.location(of: span.start)
                out += gutter + paint(" = ", "34") + "note: \(note.message) (\(source.name):\(nl.line):\(nl.column))\n"
            } else {
                out += gutter + paint(" = ", "34") + "note: \(note.message)\n"
            }
        }
        for hint in d.hints {
            out += gutter + paint(" = ", "34") + paint("help", "1;32") + ": \(hint)\n"
        }
        return out
    }

    /// One line per diagnostic, `file:line:col: error[code]: message`, for logs and tools.
    public func renderShort(_ d: Diagnostic, in source: SourceFile) -> String {
        let loc = source.location(of: d.span.start)
        return "\(source.name):\(loc.line):\(loc.column): \(d.severity.rawValue)[\(d.code.code)]: \(d.message)"
    }

    private func paint(_ s: String, _ sgr: String) -> String {
        useColor ? "\u{1B}[\(sgr)m\(s)\u{1B}[0m" : s
    }
}
