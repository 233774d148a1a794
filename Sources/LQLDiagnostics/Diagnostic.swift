/// A stable identity for one kind of problem: `code` never changes once released (tests, docs and
/// users' scripts may grep for it); `title` is the short name shown in listings.
public struct DiagnosticCode: Hashable, Sendable, CustomStringConvertible {
    public let code: String
    public let title: String

    public init(_ code: String, _ title: String) {
        self.code = code
        self.title = title
    }

    public var description: String { code }
}

public enum Severity: String, Sendable, Hashable {
    case error, warning, note
}

/// A suggested replacement of the text under `span`.
public struct FixIt: Hashable, Sendable {
    public let span: Span
    public let replacement: String
    public init(span: Span, replacement: String) {
        self.span = span
        self.replacement = replacement
    }
}

/// A secondary location that explains the main one ("`recent` is defined here").
public struct DiagnosticNote: Hashable, Sendable {
    public let message: String
    public let span: Span?
    public init(_ message: String, span: Span? = nil) {
        self.message = message
        self.span = span
    }
}

/// One problem found in a source: a value, rendered later by `DiagnosticRenderer`.
public struct Diagnostic: Hashable, Sendable, Error {
    public let code: DiagnosticCode
    public let severity: Severity
    public let message: String
    public let span: Span
    /// Short actionable suggestions: "did you mean `total`?", "write `is null`".
    public let hints: [String]
    public let notes: [DiagnosticNote]
    public let fixIts: [FixIt]

    public init(_ code: DiagnosticCode, _ message: String, at span: Span,
                severity: Severity = .error, hints: [String] = [],
                notes: [DiagnosticNote] = [], fixIts: [FixIt] = []) {
        self.code = code
        self.severity = severity
        self.message = message
        self.span = span
        self.hints = hints
        self.notes = notes
        self.fixIts = fixIts
    }

    public var isError: Bool { severity == .error }
}

/// Collects diagnostics across a stage; stages keep going after an error where they can.
public struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    public init() {}
    public mutating func add(_ d: Diagnostic) { diagnostics.append(d) }
    public mutating func add(contentsOf ds: [Diagnostic]) { diagnostics.append(contentsOf: ds) }
    public var hasErrors: Bool { diagnostics.contains { $0.isError } }
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            a.element.span.start != b.element.span.start ? a.element.span.start < b.element.span.start : a.offset < b.offset
        }.map(\.element)
    }
}
