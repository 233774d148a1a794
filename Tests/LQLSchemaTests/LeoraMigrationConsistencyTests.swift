import Foundation
import LQLDiagnostics
import Testing
@testable import LQLSchema

/// schema.prisma and migrations/0001_init/migration.sql must describe the same database
/// (LEORA-CONVENTIONS). The migration lives beside the schema once the example branches are
/// merged; until then there is nothing to compare.
let leoraMigrationPath = SchemaFixtures.packageRoot + "/examples/leora/migrations/0001_init/migration.sql"

@Suite(.enabled(if: FileManager.default.fileExists(atPath: leoraMigrationPath)))
struct LeoraMigrationConsistencyTests {
    let catalog = try! SchemaFixtures.load("leora").catalog!
    let sql = (try? String(contentsOfFile: leoraMigrationPath, encoding: .utf8)) ?? ""

    /// "table column TYPE [NOT NULL]" for every column, in table order, from CREATE TABLE blocks.
    var migrationColumns: [String] {
        var out: [String] = []
        var table: String?
        for line in sql.split(separator: "\n").map(String.init) {
            if line.hasPrefix("CREATE TABLE \"") { table = line.split(separator: "\"")[1].description; continue }
            if line.hasPrefix(");") { table = nil; continue }
            guard let table, line.hasPrefix("    \"") else { continue }
            var rest = line.trimmingCharacters(in: .whitespaces)
            if rest.hasSuffix(",") { rest.removeLast() }
            if let d = rest.range(of: " DEFAULT ") { rest = String(rest[..<d.lowerBound]) }
            let name = rest.split(separator: "\"")[0]
            let type = rest.dropFirst(name.count + 3)
            out.append("\(table) \(name) \(type)")
        }
        return out
    }

    func sqlType(_ f: Field) -> String {
        var t: String
        switch f.type {
        case .scalar(.string): t = "TEXT"
        case .scalar(.int): t = "INTEGER"
        case .scalar(.bigInt): t = "BIGINT"
        case .scalar(.float): t = "DOUBLE PRECISION"
        case .scalar(.boolean): t = "BOOLEAN"
        case .scalar(.decimal): t = "DECIMAL(12,2)"
        case .scalar(.dateTime): t = "TIMESTAMPTZ(3)"
        case .scalar(.json): t = "JSONB"
        case .scalar(.bytes): t = "BYTEA"
        case .enumeration(let e): t = "\"\(e)\""
        case .relation, .unsupported: t = "?"
        }
        return t + (f.isList ? "[]" : "") + (f.isOptional ? "" : " NOT NULL")
    }

    @Test func sameTablesColumnsTypesAndNullability() {
        let fromSchema = catalog.models.flatMap { m in m.columnFields.map { "\(m.tableName) \($0.columnName) \(sqlType($0))" } }
        let fromSQL = migrationColumns
        // Differences first (readable failures), then the order.
        #expect(fromSchema.filter { !fromSQL.contains($0) } == [], "only in schema.prisma")
        #expect(fromSQL.filter { !fromSchema.contains($0) } == [], "only in migration.sql")
        #expect(fromSchema == fromSQL)
    }

    @Test func sameIndexesAndForeignKeys() {
        var fromSchema: [String] = []
        for m in catalog.models {
            func columns(_ list: String) -> String {
                list.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",")
                    .map { m.field(named: $0.trimmingCharacters(in: .whitespaces))?.columnName ?? "?" }.joined(separator: "_")
            }
            for a in m.attributes where a.name == "index" || a.name == "unique" {
                fromSchema.append("\(m.tableName)_\(columns(a.arguments[0].value))_\(a.name == "index" ? "idx" : "key")")
            }
            for f in m.columnFields where f.isUnique { fromSchema.append("\(m.tableName)_\(f.columnName)_key") }
            for f in m.relationFields {
                guard let r = f.relation, r.isOwningSide, let target = catalog.model(named: r.targetModel) else { continue }
                fromSchema.append("\(m.tableName)_\(r.joinColumns[0].local)_fkey \(target.tableName) \(f.isOptional ? "SET NULL" : "RESTRICT")")
            }
        }
        var fromSQL: [String] = []
        for line in sql.split(separator: "\n").map(String.init) {
            if line.hasPrefix("CREATE INDEX \"") || line.hasPrefix("CREATE UNIQUE INDEX \"") {
                fromSQL.append(line.split(separator: "\"")[1].description)
            } else if line.contains("FOREIGN KEY") {
                let parts = line.split(separator: "\"").map(String.init)
                let onDelete = line.contains("ON DELETE SET NULL") ? "SET NULL" : "RESTRICT"
                fromSQL.append("\(parts[3]) \(parts[7]) \(onDelete)")
            }
        }
        #expect(Set(fromSchema).subtracting(fromSQL).sorted() == [], "only in schema.prisma")
        #expect(Set(fromSQL).subtracting(fromSchema).sorted() == [], "only in migration.sql")
        #expect(fromSchema.count == fromSQL.count)
    }

    @Test func sameEnums() {
        var fromSQL: [String] = []
        for line in sql.split(separator: "\n") where line.hasPrefix("CREATE TYPE \"") {
            let name = line.split(separator: "\"")[1]
            let values = line.split(separator: "'").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            fromSQL.append("\(name) \(values.joined(separator: " "))")
        }
        #expect(catalog.enums.map { "\($0.databaseName) \($0.values.map(\.databaseName).joined(separator: " "))" } == fromSQL)
    }
}
