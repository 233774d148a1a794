import LQL
import MCP

/// Diagnostics as JSON for an assistant: the same codes, messages, spans and hints as `lql check`,
/// positions as 1-based line and column (characters), and the compiler's rendering as text.
enum DiagnosticValues {
    static func value(_ d: Diagnostic, in source: SourceFile) -> Value {
        let start = source.location(of: d.span.start), end = source.location(of: d.span.end)
        var object: [String: Value] = [
            "code": .string(d.code.code),
            "severity": .string(d.severity.rawValue),
            "message": .string(d.message),
            "line": .int(start.line), "column": .int(start.column),
            "endLine": .int(end.line), "endColumn": .int(end.column),
            "hints": .array(d.hints.map(Value.string)),
        ]
        if !d.notes.isEmpty { object["notes"] = .array(d.notes.map { .string($0.message) }) }
        if !d.fixIts.isEmpty {
            object["fixes"] = .array(d.fixIts.map { fix in
                let s = source.location(of: fix.span.start), e = source.location(of: fix.span.end)
                return .object(["line": .int(s.line), "column": .int(s.column), "endLine": .int(e.line),
                                "endColumn": .int(e.column), "replacement": .string(fix.replacement)])
            })
        }
        return .object(object)
    }

    static func array(_ ds: [Diagnostic], in source: SourceFile) -> Value {
        .array(ds.map { value($0, in: source) })
    }

    static func text(_ ds: [Diagnostic], in source: SourceFile) -> String {
        DiagnosticRenderer(useColor: false).render(ds, in: source)
    }
}
