import Foundation
@testable import LQLSchema

/// What Prisma-shaped migration SQL declares, and what a catalog says it should declare, in the
/// same comparable strings: `table column TYPE [NOT NULL]`, index / foreign-key names, enums.
/// Shared by the Leora and supply-chain consistency suites.
struct MigrationConsistency {
    let catalog: Catalog
    let sql: String
    /// Models whose tables the SQL creates (the supply chain's registry lives in another file).
    var models: [Model]

    init(catalog: Catalog, sql: String, models: ((Model) -> Bool)? = nil) {
        self.catalog = catalog
        self.sql = sql
        self.models = catalog.models.filter(models ?? { _ in true })
    }

    var lines: [String] { sql.split(separator: "\n").map(String.init) }

    /// From CREATE TABLE blocks, then `ALTER TABLE … ADD COLUMN` (later migrations), in order.
    var migrationColumns: [String] {
        var out: [String] = []
        var table: String?
        for line in lines {
            if line.hasPrefix("CREATE TABLE \"") { table = line.split(separator: "\"")[1].description; continue }
            if line.hasPrefix(");") { table = nil; continue }
            if line.hasPrefix("ALTER TABLE \""), let add = line.range(of: " ADD COLUMN ") {
                let t = line.split(separator: "\"")[1]
                out.append("\(t) \(column(String(line[add.upperBound...])))")
                continue
            }
            guard table != nil, line.hasPrefix("    \"") else { continue }
            out.append("\(table!) \(column(line))")
        }
        return out
    }

    /// `"name" TYPE NOT NULL DEFAULT …,` → `name TYPE NOT NULL`.
    private func column(_ text: String) -> String {
        var rest = text.trimmingCharacters(in: .whitespaces)
        if rest.hasSuffix(";") { rest.removeLast() }
        if rest.hasSuffix(",") { rest.removeLast() }
        if let d = rest.range(of: " DEFAULT ") { rest = String(rest[..<d.lowerBound]) }
        let name = rest.split(separator: "\"")[0]
        return "\(name) \(rest.dropFirst(name.count + 3))"
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

    var schemaColumns: [String] {
        models.flatMap { m in m.columnFields.map { "\(m.tableName) \($0.columnName) \(sqlType($0))" } }
    }

    var schemaIndexesAndForeignKeys: [String] {
        var out: [String] = []
        for m in models {
            func columns(_ list: String) -> String {
                list.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",")
                    .map { m.field(named: $0.trimmingCharacters(in: .whitespaces))?.columnName ?? "?" }.joined(separator: "_")
            }
            for a in m.attributes where a.name == "index" || a.name == "unique" {
                out.append("\(m.tableName)_\(columns(a.arguments[0].value))_\(a.name == "index" ? "idx" : "key")")
            }
            for f in m.columnFields where f.isUnique { out.append("\(m.tableName)_\(f.columnName)_key") }
            for f in m.relationFields {
                guard let r = f.relation, r.isOwningSide, let target = catalog.model(named: r.targetModel) else { continue }
                out.append("\(m.tableName)_\(r.joinColumns[0].local)_fkey \(target.tableName) \(f.isOptional ? "SET NULL" : "RESTRICT")")
            }
        }
        return out
    }

    var migrationIndexesAndForeignKeys: [String] {
        var out: [String] = []
        for line in lines {
            if line.hasPrefix("CREATE INDEX \"") || line.hasPrefix("CREATE UNIQUE INDEX \"") {
                out.append(line.split(separator: "\"")[1].description)
            } else if line.contains("FOREIGN KEY") {
                let parts = line.split(separator: "\"").map(String.init)
                let onDelete = line.contains("ON DELETE SET NULL") ? "SET NULL" : "RESTRICT"
                out.append("\(parts[3]) \(parts[7]) \(onDelete)")
            }
        }
        return out
    }

    var migrationEnums: [String] {
        lines.filter { $0.hasPrefix("CREATE TYPE \"") }.map { line in
            let name = line.split(separator: "\"")[1]
            let values = line.split(separator: "'").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
            return "\(name) \(values.joined(separator: " "))"
        }
    }

    var schemaEnums: [String] {
        catalog.enums.map { "\($0.databaseName) \($0.values.map(\.databaseName).joined(separator: " "))" }
    }
}
