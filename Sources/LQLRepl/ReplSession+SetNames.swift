import LQL

/// `\set tpo 3` while the session declares `$top`: kept silently, the value would be read by no
/// query and the report would run with its default. A name close to a declared parameter (or
/// to `timezone`) that is not one itself is refused with the close names; any other new name is
/// kept, as a later query may use it without a `param` line (`\set minimum 900`, then `$minimum`).
extension ReplSession {
    func misspelledSetName(_ name: String) -> String? {
        let declared = definitions.parameterNames
        guard !declared.contains(name), values[name] == nil else { return nil }
        let typed = Array(name.lowercased())
        let close = Suggestions.closest(to: name, among: declared + [Self.timeZoneName]).filter {
            Suggestions.distance(typed, Array($0.lowercased())) <= max(1, min(2, typed.count / 3))
        }
        guard !close.isEmpty else { return nil }
        let names = close.map { $0 == Self.timeZoneName ? $0 : "$" + $0 }
        return "error: \\set \(name): no parameter `$\(name)` is declared; did you mean \(Suggestions.quotedList(names))?\n"
            + "  = help: `param \(name): Type` declares a new one; \\params lists the session's parameters"
    }
}
