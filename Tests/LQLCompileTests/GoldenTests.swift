import Foundation
import LQL
import Testing

/// Every `Golden/NAME.lql` compiles against the Leora schema to exactly `Golden/NAME.sql`.
/// A first line `-- params: name=value, name=value` supplies parameter values.
/// `LQL_RECORD=1 swift test --filter GoldenTests` rewrites the expectations.
struct GoldenTests {
    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.goldenDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".lql") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func parameters(in text: String) -> [String: String] {
        guard let first = text.split(separator: "\n").first, first.hasPrefix("-- params:") else { return [:] }
        var out: [String: String] = [:]
        for pair in first.dropFirst("-- params:".count).split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { out[parts[0]] = parts[1] }
        }
        return out
    }

    @Test("golden corpus has cases") func corpusIsNotEmpty() {
        #expect(GoldenTests.names.count >= 80)
    }

    @Test("golden", arguments: GoldenTests.names)
    func golden(_ name: String) throws {
        let lqlURL = Fixtures.goldenDirectory.appendingPathComponent(name + ".lql")
        let sqlURL = Fixtures.goldenDirectory.appendingPathComponent(name + ".sql")
        let text = try String(contentsOf: lqlURL, encoding: .utf8)
        let source = SourceFile(name: name + ".lql", text: text)
        let result = LQLCompiler.compile(source: source, catalog: Fixtures.leoraCatalog, parameters: GoldenTests.parameters(in: text))
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
