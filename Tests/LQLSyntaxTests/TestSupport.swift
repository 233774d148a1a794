import LQLDiagnostics
@testable import LQLSyntax

/// The position marker used in diagnostic tests: `"Order | where 1️⃣= 3"`.
let marker = "1️⃣"

/// Source text with the marker removed, and the byte offset where it was.
func unmark(_ marked: String) -> (text: String, offset: Int) {
    let bytes = Array(marked.utf8), m = Array(marker.utf8)
    guard let offset = (0...max(0, bytes.count - m.count)).first(where: { Array(bytes[$0..<min(bytes.count, $0 + m.count)]) == m })
    else { fatalError("no marker in \(marked)") }
    return (String(decoding: bytes[..<offset] + bytes[(offset + m.count)...], as: UTF8.self), offset)
}

func parse(_ text: String) -> ParseResult {
    LQLParser.parse(SourceFile(name: "<test>", text: text))
}

/// The S-expression dump of `text`, with its diagnostics rendered short (empty when clean).
func dump(_ text: String) -> (ast: String, diagnostics: [String]) {
    let source = SourceFile(name: "<test>", text: text)
    let result = LQLParser.parse(source)
    let renderer = DiagnosticRenderer(useColor: false)
    return (ASTPrinter.print(result.program), result.diagnostics.map { renderer.renderShort($0, in: source) })
}

/// Parses the marked source and returns the diagnostics starting at the marker.
func diagnosticsAtMarker(_ marked: String) -> (atMarker: [Diagnostic], all: [Diagnostic]) {
    let (text, offset) = unmark(marked)
    let result = parse(text)
    return (result.diagnostics.filter { $0.span.start == offset }, result.diagnostics)
}
