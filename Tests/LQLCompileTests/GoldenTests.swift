import Foundation
import LQL
import Testing

/// Every `Golden/NAME.lql` compiles against the Leora schema to exactly `Golden/NAME.sql`.
/// A first line `-- params: name=value, name=value` supplies parameter values.
/// `LQL_RECORD=1 swift test --filter GoldenTests` rewrites the expectations.
struct GoldenTests {
    static var names: [String] { names(in: Fixtures.goldenDirectory) }

    /// The cases of a golden folder: each `NAME.lql` beside its `NAME.sql`.
    static func names(in directory: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
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
        try Self.check(name, in: Fixtures.goldenDirectory, catalog: Fixtures.leoraCatalog)
    }

    /// Compiles `name.lql` of a golden folder against `catalog` and compares the rendering with
    /// `name.sql` (`LQL_RECORD=1` rewrites it instead). Every golden corpus runs through here.
    static func check(_ name: String, in directory: URL, catalog: Catalog) throws {
        let sqlURL = directory.appendingPathComponent(name + ".sql")
        let text = try String(contentsOf: directory.appendingPathComponent(name + ".lql"), encoding: .utf8)
        let source = SourceFile(name: name + ".lql", text: text)
        let result = LQLCompiler.compile(source: source, catalog: catalog, parameters: parameters(in: text))
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
