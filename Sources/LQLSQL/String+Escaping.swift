/// Escapes for the places lql quotes text, without Foundation: its NSString bridging
/// was the largest single cost in the compile profile, and most names need no escaping at all.
extension String {
    /// An identifier's `"` doubled, for `"…"` quoting.
    var doublingQuotes: String { doubling("\"") }

    /// `'` doubled, for `'…'` quoting.
    var doublingSingleQuotes: String { doubling("'") }

    /// Each `quote` written twice, the SQL way of quoting it inside its own quotes.
    private func doubling(_ quote: Unicode.Scalar) -> String {
        guard utf8.contains(UInt8(quote.value)) else { return self }
        var out = ""
        for ch in unicodeScalars {
            if ch == quote { out.unicodeScalars.append(ch) }
            out.unicodeScalars.append(ch)
        }
        return out
    }

    /// An array-literal element's `\` and `"` escaped with `\`.
    var escapingArrayElement: String {
        guard utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return self }
        var out = ""
        for ch in unicodeScalars {
            if ch == "\"" || ch == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(ch)
        }
        return out
    }
}
