/// The prompt's text: `well-crafted> ` (the tenant in scope) to start an entry, and a
/// continuation prompt of the same width, `          ...> `, so the lines of a multi-line
/// query line up under each other. Colour only on a terminal and never with `NO_COLOR`.
public struct PromptStyle: Sendable, Hashable {
    /// What the prompt names: the tenant's slug.
    public var label: String
    public var usesColor: Bool

    public init(label: String, usesColor: Bool) {
        self.label = label
        self.usesColor = usesColor
    }

    /// The prompt as it appears on screen (no escape sequences).
    public func plainText(_ kind: PromptKind) -> String {
        let main = label + "> "
        switch kind {
        case .main:
            return main
        case .continuation:
            let dots = "...> "
            let width = main.count
            return width > dots.count ? String(repeating: " ", count: width - dots.count) + dots : dots
        }
    }

    /// The prompt for libedit: colour sequences, when used, are fenced by `marker` so libedit
    /// leaves them out of the prompt's width (EL_PROMPT_ESC).
    public func editorText(_ kind: PromptKind, marker: Character) -> String {
        let plain = plainText(kind)
        guard usesColor else { return plain }
        let m = String(marker)
        let color = kind == .main ? "\u{1B}[1;32m" : "\u{1B}[2m"
        let reset = "\u{1B}[0m"
        let body = plain.dropLast(2)  // "> " stays uncoloured
        return m + color + m + body + m + reset + m + "> "
    }

    /// Colour is used when the output is a terminal, `NO_COLOR` is unset or empty (no-color.org),
    /// and `TERM` is not `dumb`.
    public static func colorAllowed(environment: [String: String], outputIsTerminal: Bool) -> Bool {
        guard outputIsTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }
}
