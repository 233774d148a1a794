import Foundation
import LQL
import LQLTestSupport
import Testing

/// Every `Golden/helpdesk/NAME.lql` compiles against the helpdesk example (its schema folder and
/// lql.toml's tenancy: Organization with uuid ids, Message through its ticket, implicit
/// many-to-many tables) to exactly `Golden/helpdesk/NAME.sql`.
/// `LQL_RECORD=1 swift test --filter HelpdeskGoldenTests` rewrites the expectations.
struct HelpdeskGoldenTests {
    static let directory = Fixtures.goldenDirectory.appendingPathComponent("helpdesk")
    static let catalog: Catalog = {
        do { return try HelpdeskFixture.catalog() } catch { fatalError("\(error)") }
    }()

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".lql") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test func corpusHasTheManyToManyCases() {
        #expect(Self.names.filter { $0.hasPrefix("m2m_") }.count >= 10)
    }

    @Test(arguments: HelpdeskGoldenTests.names)
    func golden(_ name: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(name + ".lql"), encoding: .utf8)
        let sqlURL = Self.directory.appendingPathComponent(name + ".sql")
        let source = SourceFile(name: name + ".lql", text: text)
        let result = LQLCompiler.compile(source: source, catalog: Self.catalog, parameters: GoldenTests.parameters(in: text))
        let actual: String
        if let program = result.program {
            actual = GoldenFormat.render(program)
        } else {
            actual = GoldenFormat.renderDiagnostics(result.diagnostics, source: source)
            Issue.record("\(name).lql does not compile:\n\(actual)")
        }
        if ProcessInfo.processInfo.environment["LQL_RECORD"] == "1" {
            try actual.write(to: sqlURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = (try? String(contentsOf: sqlURL, encoding: .utf8)) ?? "<missing \(name).sql: run with LQL_RECORD=1>"
        #expect(actual == expected, "\(name).sql differs; actual:\n\(actual)")
    }
}
