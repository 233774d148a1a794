/// A half-open range of UTF-8 byte offsets into one source text.
public struct Span: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// A zero-width span, used for "expected X here" at a position.
    public static func at(_ offset: Int) -> Span { Span(offset, offset) }

    public var length: Int { end - start }

    /// The smallest span covering both.
    public func union(_ other: Span) -> Span { Span(min(start, other.start), max(end, other.end)) }

    public var description: String { "\(start)..<\(end)" }
}
