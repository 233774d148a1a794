import Foundation
import LQL
import LQLPostgres
import LQLTestSupport

/// Paths, the Leora catalog, the audit script runner and one shared Leora cluster.
enum Security {
    static let root: URL = Repository.root
    static let goldenDirectory = root.appendingPathComponent("Tests/LQLCompileTests/Golden")
    static let auditScript = root.appendingPathComponent("scripts/sql_audit.py").path

    static let catalog: Catalog = {
        guard let catalog = try? PrismaSchemaReader.load(path: Repository.leoraSchemaPath).catalog else {
            fatalError("examples/leora/schema.prisma does not read into a catalog")
        }
        return catalog
    }()

    static func compile(_ text: String, parameters: [String: String] = [:], name: String = "test.lql") -> CompileResult {
        LQLCompiler.compile(source: SourceFile(name: name, text: text), catalog: catalog, parameters: parameters)
    }

    /// `python3 -c 'import pglast'` succeeds.
    static let hasPglast: Bool = (try? run(["python3", "-c", "import pglast"], stdin: Data()).status) == 0

    static func run(_ argv: [String], stdin: Data) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = argv
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = output
        try p.run()
        // Write and read concurrently so a large input cannot deadlock on full pipes.
        let writer = Thread { input.fileHandleForWriting.write(stdin); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    struct AuditItem: Encodable {
        var name: String
        var sql: String
        var binds: Int
        var canaries: [String]
        /// Table → its scope ({"key": column}, {"through": "1"}, {"link": "1"}, {"none": "1"}); nil: tenant_id everywhere.
        var scopes: [String: [String: String]]? = nil
    }

    /// The audit's scopes for a catalog: every table with its model's own rule.
    static func auditScopes(_ catalog: Catalog) -> [String: [String: String]] {
        var out: [String: [String: String]] = [:]
        for m in catalog.models {
            switch catalog.scopeRule(of: m) {
            case .key(_, let column), .root(let column): out[m.tableName] = ["key": column]
            case .through: out[m.tableName] = ["through": "1"]
            case .shared, .unscoped, .tenantSchema: out[m.tableName] = ["none": "1"]
            }
            // Implicit many-to-many tables: no tenant column, tied to both (scoped) ends.
            for f in m.relationFields {
                if let link = f.relation?.implicitJoin { out[link.table] = ["link": "1"] }
            }
        }
        return out
    }

    /// Pipes the items through scripts/sql_audit.py; returns its exit status and violations.
    static func audit(_ items: [AuditItem]) throws -> (status: Int32, output: String) {
        let encoder = JSONEncoder()
        var data = Data()
        for item in items {
            data.append(try encoder.encode(item))
            data.append(0x0A)
        }
        return try run(["python3", auditScript], stdin: data)
    }
}
