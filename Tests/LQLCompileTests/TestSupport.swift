import Foundation
import LQL
import Testing

/// Paths and the Leora catalog, shared by the compile tests.
enum Fixtures {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let goldenDirectory = repositoryRoot.appendingPathComponent("Tests/LQLCompileTests/Golden")

    static let leoraCatalog: Catalog = {
        let path = repositoryRoot.appendingPathComponent("examples/leora/schema.prisma").path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        guard let catalog = PrismaSchemaReader.read(SourceFile(name: "schema.prisma", text: text)).catalog else {
            fatalError("examples/leora/schema.prisma does not read into a catalog")
        }
        return catalog
    }()

    static func compile(_ text: String, parameters: [String: String] = [:], catalog: Catalog = leoraCatalog) -> CompileResult {
        LQLCompiler.compile(source: SourceFile(name: "test.lql", text: text), catalog: catalog, parameters: parameters)
    }
}

/// The golden text of a compiled program: each statement's SQL, then its binds and columns as comments.
enum GoldenFormat {
    static func render(_ program: CompiledProgram) -> String {
        var out = ""
        for (i, s) in program.statements.enumerated() {
            if i > 0 { out += "\n" }
            out += "-- " + s.title + "\n"
            out += s.sql.text + ";\n"
            for (n, bind) in s.sql.binds.enumerated() {
                out += "-- $\(n + 1) = " + describe(bind) + "\n"
            }
            out += "-- columns: " + s.sql.columnNames.joined(separator: ", ") + "\n"
        }
        return out
    }

    static func describe(_ bind: SQLBind) -> String {
        switch bind {
        case .tenant: return "tenant"
        case .value(nil, let type): return "NULL::" + type
        case .value(let v?, let type): return "'" + v.replacingOccurrences(of: "'", with: "''") + "'::" + type
        }
    }

    static func renderDiagnostics(_ diagnostics: [Diagnostic], source: SourceFile) -> String {
        diagnostics.map { d in
            let loc = source.location(of: d.span.start)
            return "-- error \(d.code.code) at \(loc.line):\(loc.column): \(d.message)" + d.hints.map { "\n--   hint: \($0)" }.joined()
        }.joined(separator: "\n") + "\n"
    }
}
