import Foundation
import LQLDiagnostics

/// An open document: its text and the conversions between LSP positions (line and UTF-16
/// code unit, as the protocol counts by default) and lql's spans (UTF-8 byte offsets).
struct TextDocument {
    let uri: String
    var version: Int
    private(set) var source: SourceFile
    private var lineStarts: [Int] = [0]

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        self.source = SourceFile(name: TextDocument.path(of: uri), text: text)
        indexLines()
    }

    var text: String { source.text }
    var bytes: [UInt8] { source.bytes }

    mutating func replace(with text: String) {
        source = SourceFile(name: source.name, text: text)
        indexLines()
    }

    /// Applies an incremental change: `range` replaced by `text`.
    mutating func apply(range: (start: Position, end: Position), text: String) {
        let s = offset(of: range.start), e = max(s, offset(of: range.end))
        let b = bytes
        let new = Array(b[0..<s]) + Array(text.utf8) + Array(b[e...])
        replace(with: String(decoding: new, as: UTF8.self))
    }

    private mutating func indexLines() {
        lineStarts = [0]
        for (i, b) in source.bytes.enumerated() where b == UInt8(ascii: "\n") { lineStarts.append(i + 1) }
    }

    struct Position: Equatable {
        var line: Int
        var character: Int
    }

    /// The byte offset of an LSP position; past the end of a line is the line's end.
    func offset(of position: Position) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return bytes.count }
        let lineStart = lineStarts[position.line]
        let lineEnd = position.line + 1 < lineStarts.count ? lineStarts[position.line + 1] - 1 : bytes.count
        let line = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        var units = 0, offset = lineStart
        for scalar in line.unicodeScalars {
            if units >= position.character { break }
            units += scalar.utf16.count
            offset += scalar.utf8.count
        }
        return offset
    }

    func position(of offset: Int) -> Position {
        let clamped = min(max(0, offset), bytes.count)
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        let prefix = String(decoding: bytes[lineStarts[lo]..<clamped], as: UTF8.self)
        return Position(line: lo, character: prefix.utf16.count)
    }

    func range(of span: Span) -> [String: Any] {
        ["start": json(position(of: span.start)), "end": json(position(of: span.end))]
    }

    var wholeRange: [String: Any] { range(of: Span(0, bytes.count)) }

    func json(_ p: Position) -> [String: Any] { ["line": p.line, "character": p.character] }

    /// `file:///a/b%20c.lql` → `/a/b c.lql`; other URIs are kept as names.
    static func path(of uri: String) -> String {
        guard uri.hasPrefix("file://") else { return uri }
        let rest = String(uri.dropFirst("file://".count))
        return rest.removingPercentEncoding ?? rest
    }
}
