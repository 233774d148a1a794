import LQLSystem

/// The doc-comment twin of `lql.toml` (configuration.md): `/// @tenant(lookup: [slug, id],
/// setting: "app.current_team_id")` on the root model, `/// @tenantThrough(booking.eventType)`
/// and `/// @shared` on other models. Read from the models' `///` text, nothing else.
enum DocCommentTenancy {
    static let sourceName = "/// doc comment"

    static func read(_ models: [Model]) -> TenancyConfiguration {
        var c = TenancyConfiguration(sourceName: sourceName)
        for m in models {
            guard let doc = m.documentation, doc.containsSubstring("@") else { continue }
            if let args = arguments(of: "tenant", in: doc) {
                c.model = m.name
                let named = namedArguments(args)
                if let lookup = named["lookup"] { c.lookup = list(lookup) }
                if let key = named["key"] { c.key = unquoted(key) }
                if let setting = named["setting"] {
                    let s = unquoted(setting)
                    c.setting = s.isEmpty || s == "none" ? .absent : .name(s)
                }
                if c.style == nil { c.style = .rls }
            }
            if let args = arguments(of: "tenantThrough", in: doc) {
                c.through[m.name] = unquoted(args)
            }
            if hasTag("shared", in: doc) { c.shared.append(m.name) }
        }
        return c
    }

    /// The text between the parentheses of `@name(…)`, or "" for a bare `@name`; nil if absent.
    static func arguments(of name: String, in doc: String) -> String? {
        let chars = Array(doc)
        let tag = Array("@" + name)
        var i = 0
        while i + tag.count <= chars.count {
            if Array(chars[i..<(i + tag.count)]) == tag {
                let after = i + tag.count
                if after == chars.count || !(chars[after].isLetter || chars[after].isNumber || chars[after] == "_") {
                    guard after < chars.count, chars[after] == "(" else { return "" }
                    guard let close = chars[after...].firstIndex(of: ")") else { return nil }
                    return String(chars[(after + 1)..<close])
                }
            }
            i += 1
        }
        return nil
    }

    static func hasTag(_ name: String, in doc: String) -> Bool { arguments(of: name, in: doc) != nil }

    /// `lookup: [slug, id], setting: "x"` → ["lookup": "[slug, id]", "setting": "\"x\""].
    static func namedArguments(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        var parts: [String] = []
        var depth = 0
        var current = ""
        for ch in text {
            if ch == "[" { depth += 1 }
            if ch == "]" { depth -= 1 }
            if ch == "," && depth == 0 { parts.append(current); current = ""; continue }
            current.append(ch)
        }
        parts.append(current)
        for part in parts {
            guard let colon = part.firstIndex(of: ":") else { continue }
            let name = String(part[..<colon]).trimmedOf(" \t")
            out[name] = String(part[part.index(after: colon)...]).trimmedOf(" \t")
        }
        return out
    }

    static func list(_ text: String) -> [String] {
        text.filter { $0 != "[" && $0 != "]" }.split(separator: ",").map { unquoted(String($0)) }.filter { !$0.isEmpty }
    }

    static func unquoted(_ text: String) -> String {
        var t = text.trimmedOf(" \t")
        if t.count >= 2, t.first == "\"", t.last == "\"" { t = String(t.dropFirst().dropLast()) }
        return t
    }
}

private extension String {
    func trimmedOf(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
