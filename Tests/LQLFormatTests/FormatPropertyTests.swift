import Foundation
import LQLDiagnostics
import LQLSyntax
import Testing
@testable import LQLFormat
import LQLTestSupport

/// Every LQL text the project holds (golden cases, example reports, any `.lql` under Tests/):
/// formatting keeps the syntax tree and the comments, and formatting twice changes nothing.
@Suite struct FormatPropertyTests {
    static func corpus() -> [String] {
        var files: [String] = []
        for directory in ["Tests", "examples"] {
            let root = Repository.path(directory)
            guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
            while let entry = walker.nextObject() as? String {
                if entry.hasSuffix(".lql") { files.append(root + "/" + entry) }
            }
        }
        return files.sorted()
    }

    /// One-line LQL queries written as string literals in the Swift tests (`"Order | where …"`),
    /// those that parse: the same properties hold for them.
    static func inlineQueries() -> [String] {
        var queries: Set<String> = []
        let root = Repository.path("Tests")
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        let literal = try! NSRegularExpression(pattern: #""((?:[^"\\]|\\.)*)""#)
        while let entry = walker.nextObject() as? String {
            guard entry.hasSuffix(".swift"), let text = try? String(contentsOfFile: root + "/" + entry, encoding: .utf8) else { continue }
            let range = NSRange(text.startIndex..., in: text)
            for match in literal.matches(in: text, range: range) {
                guard let r = Range(match.range(at: 1), in: text) else { continue }
                let body = String(text[r])
                guard body.range(of: #"^[A-Z][A-Za-z]* \|"#, options: .regularExpression) != nil,
                      !body.contains("\\("), !body.contains("\\u") else { continue }
                let query = body.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\\"", with: "\"")
                    .replacingOccurrences(of: "\\\\", with: "\\")
                if !LQLParser.parse(SourceFile(name: "<inline>", text: query)).hasErrors { queries.insert(query) }
            }
        }
        return queries.sorted()
    }

    @Test func inlineQueriesKeepMeaningAndAreIdempotent() throws {
        let queries = Self.inlineQueries()
        #expect(queries.count > 100)
        for query in queries {
            let source = SourceFile(name: "<inline>", text: query)
            let formatted = try #require(LQLFormatter.format(source).text, "\(query)")
            let again = SourceFile(name: "<inline>", text: formatted)
            #expect(SyntaxFingerprint(of: again) == SyntaxFingerprint(of: source), "\(query)")
            #expect(LQLFormatter.format(again).text == formatted, "not idempotent: \(query)")
        }
    }

    @Test func theCorpusIsFound() {
        let files = Self.corpus()
        #expect(files.count > 150)
        #expect(files.contains { $0.hasSuffix("examples/reports/at-risk-customers.lql") })
    }

    @Test(arguments: corpus())
    func keepsMeaningAndIsIdempotent(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let source = SourceFile(name: path, text: text)
        let parsed = LQLParser.parse(source)
        let result = LQLFormatter.format(source)
        if parsed.hasErrors {
            // Error cases of the golden corpus: refused, with the parser's own diagnostics.
            #expect(result.text == nil)
            #expect(result.diagnostics == parsed.diagnostics)
            return
        }
        let formatted = try #require(result.text, "\(path): \(result.diagnostics.map(\.message))")
        let again = SourceFile(name: path, text: formatted)
        #expect(SyntaxFingerprint(of: again) == SyntaxFingerprint(of: source))
        #expect(!LQLParser.parse(again).hasErrors)
        #expect(LQLFormatter.format(again).text == formatted, "not idempotent: \(path)")
        for line in formatted.split(separator: "\n") where line.count > LQLFormatter.lineWidth {
            // Only one item that cannot be split (its commas are inside brackets) may run past the width.
            #expect(!Self.outsideBrackets(line).contains(", "), "\(path): line over \(LQLFormatter.lineWidth) columns: \(line)")
        }
    }

    /// The line without what is inside brackets (strings and comments are not special-cased:
    /// a test helper for the corpus, whose strings hold no brackets).
    static func outsideBrackets(_ line: Substring) -> String {
        var depth = 0, out = ""
        for c in line.drop(while: { $0 == " " }) {
            if "([{".contains(c) { depth += 1 } else if ")]}".contains(c) { depth -= 1 } else if depth == 0 { out.append(c) }
        }
        return out.hasSuffix(",") ? String(out.dropLast()) : out
    }
}
