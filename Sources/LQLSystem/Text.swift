/// Text helpers with Foundation's meaning (see ProcessEnvironment for why not Foundation).
extension StringProtocol {
    /// Without leading and trailing spaces and tabs (Foundation's `.whitespaces`: no newlines).
    public func trimmingBlanks() -> String {
        trimming { $0.isWhitespace && !$0.isNewline }
    }

    /// Without leading and trailing whitespace, newlines included.
    public func trimmingWhitespaceAndNewlines() -> String {
        trimming(\.isWhitespace)
    }

    private func trimming(_ drop: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }

    /// Whether `text` occurs in this string, compared by UTF-8 bytes (the stdlib's
    /// `contains(_: String)` lives in _StringProcessing, whose pages the run path avoids).
    public func containsSubstring(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty else { return true }
        let haystack = Array(utf8)
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Every occurrence of `target` (non-empty) replaced by `replacement`, left to right,
    /// compared by characters (as `==` on String compares).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return String(self) }
        let needle = Array(target)
        let haystack = Array(self)
        var result = ""
        var i = 0
        while i < haystack.count {
            if haystack[i] == needle[0], i + needle.count <= haystack.count, haystack[i..<(i + needle.count)].elementsEqual(needle) {
                result += replacement
                i += needle.count
            } else {
                result.append(haystack[i])
                i += 1
            }
        }
        return result
    }
}
