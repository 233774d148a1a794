import Foundation
import LQLDiagnostics
@testable import LQLSchema

/// Paths and helpers shared by the schema tests.
enum SchemaFixtures {
    /// The package root, found from this file's location (Tests/LQLSchemaTests/…).
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func example(_ name: String) -> String { packageRoot + "/examples/\(name)/schema.prisma" }

    static func read(_ text: String, name: String = "test.prisma") -> SchemaReadResult {
        PrismaSchemaReader.read(SourceFile(name: name, text: text))
    }

    static func load(_ example: String) throws -> (catalog: Catalog?, source: SourceFile, diagnostics: [Diagnostic]) {
        try PrismaSchemaReader.load(path: self.example(example))
    }

    static let datasource = """
    datasource db {
      provider = "postgresql"
      url      = env("DATABASE_URL")
    }

    """
}

/// A schema text with `⟦` `⟧` markers around the span a diagnostic must point at.
struct MarkedSource {
    let text: String
    let span: Span

    init(_ marked: String) {
        let open = marked.range(of: "⟦")!
        let close = marked.range(of: "⟧")!
        let start = marked[..<open.lowerBound].utf8.count
        let end = marked[..<close.lowerBound].utf8.count - "⟦".utf8.count
        text = marked.replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "")
        span = Span(start, end)
    }
}
