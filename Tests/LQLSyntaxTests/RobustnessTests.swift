import Testing
import LQLDiagnostics
@testable import LQLSyntax

/// A deterministic generator (SplitMix64) so robustness inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// SyntaxLimits and hostile input: always diagnostics, never a crash or a runaway report.
@Suite struct RobustnessTests {
    func codes(_ text: String) -> [String] { parse(text).diagnostics.map(\.code.code) }

    /// Every diagnostic lies inside the source and the report is bounded.
    func expectWellFormed(_ text: String, _ result: ParseResult, sourceLocation: SourceLocation = #_sourceLocation) {
        let size = text.utf8.count
        #expect(result.diagnostics.allSatisfy { $0.span.start >= 0 && $0.span.end <= size }, sourceLocation: sourceLocation)
        #expect(result.diagnostics.count <= SyntaxLimits.maxDiagnostics + 1, sourceLocation: sourceLocation)
    }

    // parenthesized: 10,000 levels → E0117, not a stack overflow
    @Test func tenThousandNestedParentheses() {
        let text = "Order | where " + String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000) + " | take 1"
        let result = parse(text)
        #expect(result.diagnostics.map(\.code.code) == ["E0117"])
        #expect(ASTPrinter.print(result.program) == "(query Order (take 1))")  // recovery at the next `|`
    }

    // Just inside the limit still parses.
    @Test func nestingJustUnderTheLimitParses() {
        let depth = SyntaxLimits.maxNestingDepth - 2
        let text = "Order | where " + String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
        #expect(codes(text) == [])
    }

    // unary_expression, not_expression, list, call, shape: each recursion is bounded
    @Test func otherDeepNestings() {
        #expect(codes("Order | where " + String(repeating: "- ", count: 10_000) + "x") == ["E0117"])
        #expect(codes("Order | where " + String(repeating: "not ", count: 10_000) + "x") == ["E0117"])
        #expect(codes("Order | where x in " + String(repeating: "[", count: 10_000)).first == "E0117")
        #expect(codes("Order | where " + String(repeating: "f(", count: 10_000)).first == "E0117")
        let shapes = (0..<1_000).map { "r\($0) { " }.joined() + "x" + String(repeating: " }", count: 1_000)
        #expect(codes("Order | select " + shapes) == ["E0117"])
    }

    // Long operator and path chains build deep trees: bounded too, so printing, comparing and
    // freeing a tree can never overflow the stack.
    @Test func longChainsAreBounded() {
        let ors = (0..<100_000).map { "a == \($0)" }.joined(separator: " or ")
        #expect(codes("Order | where " + ors) == ["E0117"])
        #expect(codes("Order | where x == " + Array(repeating: "1", count: 100_000).joined(separator: " + ")) == ["E0117"])
        #expect(codes("Order | where x ?? " + Array(repeating: "1", count: 100_000).joined(separator: " ?? ")) == ["E0117"])
        #expect(codes("Order | select " + Array(repeating: "a", count: 100_000).joined(separator: ".")) == ["E0117"])
        #expect(codes("Order | select " + Array(repeating: "a", count: 100_000).joined(separator: ".") + " { x }") == ["E0117"])
        let mixed = (0..<50_000).map { "a\($0) * 2" }.joined(separator: " - ")
        #expect(codes("Order | where " + mixed) == ["E0117"])
    }

    // The deepest accepted tree prints, compares and hashes.
    @Test func deepestAcceptedTreeIsUsable() {
        let terms = Array(repeating: "a", count: SyntaxLimits.maxNestingDepth - 5).joined(separator: " or ")
        let result = parse("Order | where " + terms)
        #expect(result.diagnostics.isEmpty)
        #expect(ASTPrinter.print(result.program).count > 0)
        #expect(result.program == parse("Order | where " + terms).program)
        #expect(Set([result.program]).count == 1)
    }

    // Unclosed brackets by the thousand: one report.
    @Test func manyUnclosedBrackets() {
        let result = parse("Order | where " + String(repeating: "(", count: 150))
        #expect(result.diagnostics.count == 1)
    }

    // STRING: unterminated at the end of a large input
    @Test func unterminatedString() {
        let text = "Order | where name == \"" + String(repeating: "abc ", count: 1_000)
        let result = parse(text)
        #expect(result.diagnostics.map(\.code.code) == ["E0101"])
        #expect(result.diagnostics.first?.span.start == 22)
    }

    // SyntaxLimits.maxStringLength
    @Test func stringLengthLimit() {
        let ok = String(repeating: "x", count: SyntaxLimits.maxStringLength)
        #expect(codes("Order | where s == \"\(ok)\"") == [])
        #expect(codes("Order | where s == \"\(ok)y\"") == ["E0107"])
    }

    // SyntaxLimits.maxListLength
    @Test func listLengthLimit() {
        let items = (0..<SyntaxLimits.maxListLength).map(String.init).joined(separator: ",")
        #expect(codes("Order | where id in [\(items)]") == [])
        let (text, offset) = unmark("Order | where id in [\(items),1️⃣7] | take 1")
        let result = parse(text)
        #expect(result.diagnostics.map(\.code.code) == ["E0118"])
        #expect(result.diagnostics.first?.span.start == offset)
        #expect(ASTPrinter.print(result.program) == "(query Order (take 1))")
    }

    // SyntaxLimits.maxDiagnostics
    @Test func diagnosticsAreCapped() {
        let text = String(repeating: "# ", count: 500)
        let result = parse(text)
        #expect(result.diagnostics.count == SyntaxLimits.maxDiagnostics + 1)
        #expect(result.diagnostics.last?.code == .tooManyErrors)
    }

    // 1 MB of random bytes (decoded leniently) gives diagnostics, not a crash.
    @Test func megabyteOfRandomBytes() {
        var rng = SplitMix64(state: 0x1CE_CAFE)
        let bytes = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let text = String(decoding: bytes, as: UTF8.self)
        let result = parse(text)
        #expect(!result.diagnostics.isEmpty)
        expectWellFormed(text, result)
        _ = InputCompleteness.isComplete(text)  // must terminate without crashing
    }

    // 1 MB of random ASCII, weighted towards LQL's own characters.
    @Test func megabyteOfRandomAscii() {
        var rng = SplitMix64(state: 42)
        let alphabet = Array("ab_Z09 \n\t|,:;.()[]{}=!<>~?+-*/%\"'@$#&\\")
        let text = String((0..<(1 << 20)).map { _ in alphabet.randomElement(using: &rng)! })
        let result = parse(text)
        #expect(!result.diagnostics.isEmpty)
        expectWellFormed(text, result)
    }

    // Random sequences of real LQL tokens reach deep into the parser; none may crash, and every
    // parse that reports nothing must print a tree.
    @Test func randomTokenSoup() {
        var rng = SplitMix64(state: 7)
        let pieces = ["Order", "|", "where", "select", "sort", "take", "skip", "group", "by", "aggregate",
                      "count", "distinct", "let", "param", "x", "=", "==", "!=", "<", ">=", "~", "in", "not",
                      "is", "null", "and", "or", "has", "(", ")", "[", "]", "{", "}", ",", ":", ";", "\n",
                      ".", "..", "??", "+", "-", "*", "/", "%", "1", "2.5", "\"s\"", "@2025-01-01", "$p",
                      "30", "days", "desc", "asc", "as", "true", "count(", "any(", "where", "Int[]?", "&&", "!"]
        for _ in 0..<2_000 {
            let length = Int.random(in: 1...40, using: &rng)
            let text = (0..<length).map { _ in pieces.randomElement(using: &rng)! }.joined(separator: " ")
            let result = parse(text)
            expectWellFormed(text, result)
            if result.diagnostics.isEmpty {
                #expect(!ASTPrinter.print(result.program).isEmpty || result.program.statements.isEmpty)
            }
            _ = InputCompleteness.isComplete(text)
        }
    }
}
