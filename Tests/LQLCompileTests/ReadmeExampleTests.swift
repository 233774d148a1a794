import Foundation
import LQL
import Testing

/// The README is the user's door: its "language in ten lines" must compile as printed.
@Suite struct ReadmeExampleTests {
    static func tenLines() throws -> String {
        let readme = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        guard let heading = lines.firstIndex(of: "## The language in ten lines"),
              let open = lines[heading...].firstIndex(where: { $0.hasPrefix("```") }),
              let close = lines[(open + 1)...].firstIndex(where: { $0.hasPrefix("```") }) else { return "" }
        return lines[(open + 1)..<close].joined(separator: "\n")
    }

    @Test func theLanguageInTenLinesCompiles() throws {
        let text = try Self.tenLines()
        #expect(text.components(separatedBy: "\n").count >= 8, "the block was found")
        let result = LQLCompiler.compile(source: SourceFile(name: "README.md", text: text), catalog: Fixtures.leoraCatalog,
                                         parameters: [:])
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
        #expect(result.program?.statements.count == 3, "three queries; the param and let define")
    }
}
