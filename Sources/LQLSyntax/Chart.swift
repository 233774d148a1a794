import LQLDiagnostics

/// `| chart bar|line|area|hist [x: col] [y: col, …] [series: col]`, the last stage of a
/// query: how to draw the result. It changes nothing in the SQL; the output draws it.
public struct ChartSpec: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case bar, line, area, hist
    }
    public var kind: Kind
    /// The category or x axis column; nil = the first column.
    public var x: Identifier?
    /// The value columns; empty = every numeric column (other than x and series).
    public var y: [Identifier]
    /// A column whose values split the rows into one series each.
    public var series: Identifier?
    public var span: Span

    public init(kind: Kind, x: Identifier? = nil, y: [Identifier] = [], series: Identifier? = nil, span: Span) {
        self.kind = kind
        self.x = x
        self.y = y
        self.series = series
        self.span = span
    }
}
