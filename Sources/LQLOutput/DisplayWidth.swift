/// Screen columns of text as the table writers measure them (wide characters two, combining
/// marks none, a tab to the next multiple of 8), for code outside this module that must agree
/// with them: the prompt's pager counts screen lines with it, its late-row cutter cuts with it.
public enum DisplayWidth {
    /// The widest line of `text` (lines split at `\n`).
    public static func of(_ text: String) -> Int { TerminalText.width(of: text) }

    /// Each line of `text` as the table prints it, with its width.
    public static func lines(_ text: String) -> [(text: String, width: Int)] {
        TerminalText.lines(of: text).map { ($0.text, $0.width) }
    }

    /// One character's columns (for cutting a line at a width).
    public static func of(_ scalar: Unicode.Scalar) -> Int { TerminalText.scalarWidth(scalar) }
}
