/// One text the user wrote (a file, an `-e` argument, a prompt entry) with its line table,
/// so spans can be turned into `line:column` and the offending line can be shown.
public struct SourceFile: Sendable {
    /// What the user calls it: a path, `<command line>`, `<prompt>`.
    public let name: String
    public let text: String
    public let bytes: [UInt8]
    /// The line number of the text's first line: 1, or where a statement starts in a script
    /// that is compiled one statement at a time (so errors name the script's own lines).
    public let firstLine: Int
    /// Byte offset at which each line starts.
    private let lineStarts: [Int]

    public init(name: String, text: String) {
        self.init(name: name, text: text, firstLine: 1)
    }

    public init(name: String, text: String, firstLine: Int) {
        self.name = name
        self.firstLine = firstLine
        self.text = text
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.lineStarts = starts
    }

    public struct Location: Hashable, Sendable {
        /// 1-based.
        public let line: Int
        /// 1-based, counted in characters (not bytes) so carets line up under non-ASCII text.
        public let column: Int
    }

    public func lineIndex(of offset: Int) -> Int {
        let clamped = min(max(0, offset), bytes.count)
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    public func location(of offset: Int) -> Location {
        let line = lineIndex(of: offset)
        let start = lineStarts[line]
        let clamped = min(max(start, offset), bytes.count)
        let column = characterCount(bytes[start..<clamped]) + 1
        return Location(line: line + firstLine, column: column)
    }

    /// The text of a line (numbered as `location(of:)` numbers it), without its newline.
    public func lineText(_ number: Int) -> String {
        let line = number - firstLine + 1
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    public var lineCount: Int { lineStarts.count }

    /// The source text under a span.
    public func text(in span: Span) -> String {
        let s = min(max(0, span.start), bytes.count), e = min(max(s, span.end), bytes.count)
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    private func characterCount(_ slice: ArraySlice<UInt8>) -> Int {
        // Count UTF-8 lead bytes: every byte that is not a continuation byte starts a character.
        slice.reduce(0) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
    }
}
