import Foundation
import LQLSyntax
import LQLTestSupport
import Testing

/// The editor grammars know every word the lexer reserves (so a keyword added to the language
/// fails this test until it is highlighted) and the v2 words of design/analytics.md.
@Suite struct EditorGrammarTests {
    static let v2Words = ["derive", "append", "case", "when", "then", "else", "end", "over", "rows", "by"]

    func words() -> [String] { Keyword.allCases.map(\.rawValue) + Self.v2Words }

    @Test func theTextMateGrammarHighlightsEveryKeyword() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repository.path("editors/vscode/syntaxes/lql.tmLanguage.json")))
        let grammar = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(grammar["scopeName"] as? String == "source.lql")
        let repository = try #require(grammar["repository"] as? [String: Any])
        var patterns: [NSRegularExpression] = []
        for rule in ["keyword", "constant"] {
            for p in ((repository[rule] as? [String: Any])?["patterns"] as? [[String: Any]]) ?? [] {
                if let match = p["match"] as? String { patterns.append(try NSRegularExpression(pattern: match)) }
            }
        }
        for word in words() {
            let range = NSRange(location: 0, length: word.utf16.count)
            let whole = patterns.contains { $0.firstMatch(in: word, range: range)?.range == range }
            #expect(whole, "`\(word)` is not highlighted as a keyword")
        }
        // Every regex in the grammar compiles.
        func visit(_ value: Any) throws {
            if let d = value as? [String: Any] {
                for key in ["match", "begin", "end"] { if let r = d[key] as? String { _ = try NSRegularExpression(pattern: r) } }
                for v in d.values { try visit(v) }
            } else if let a = value as? [Any] {
                for v in a { try visit(v) }
            }
        }
        try visit(grammar)
    }

    @Test func theVimSyntaxFileHasEveryKeyword() throws {
        let text = try String(contentsOfFile: Repository.path("editors/nvim/syntax/lql.vim"), encoding: .utf8)
        let declared = Set(text.split(separator: "\n").filter { $0.hasPrefix("syn keyword") }
            .flatMap { $0.split(separator: " ").dropFirst(3).map(String.init) })
        for word in words() {
            #expect(declared.contains(word), "`\(word)` is missing from lql.vim")
        }
    }
}
