import LQLPostgres
import LQLSchema

/// Compares each model of the Prisma schema with its table: missing tables, missing columns,
/// column types and nullability. lql types queries from the schema, so drift means wrong types
/// (or server errors) at run time.
struct DriftCheck {
    let catalog: Catalog
    let connection: Connection

    func run(tables: [TableLocation]) throws -> [DoctorFinding] {
        var findings: [DoctorFinding] = []
        for table in tables {
            let found = try connection.execute("""
                SELECT c.relkind FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relname = $2
                """, [table.schema, table.model.tableName])
            guard found.rowCount > 0 else {
                let what = table.model.isView ? "view" : "table"
                findings.append(DoctorFinding(.failure, "table-missing", table.displayName,
                                              "the \(what) of model \(table.model.name) does not exist"))
                continue
            }
            findings += try compareColumns(table)
        }
        return findings
    }

    private struct ColumnFacts {
        var dataType: String
        var udtName: String
        var isNullable: Bool
    }

    private func compareColumns(_ table: TableLocation) throws -> [DoctorFinding] {
        // information_schema only lists columns the role may use: an unreadable table shows none.
        let result = try connection.execute("""
            SELECT column_name, data_type, udt_name, is_nullable FROM information_schema.columns
            WHERE table_schema = $1 AND table_name = $2
            """, [table.schema, table.model.tableName])
        var columns: [String: ColumnFacts] = [:]
        for row in result.rows {
            guard let name = row[0] else { continue }
            columns[name] = ColumnFacts(dataType: row[1] ?? "", udtName: row[2] ?? "", isNullable: row[3] == "YES")
        }
        if columns.isEmpty {
            return [DoctorFinding(.failure, "table-not-readable", table.displayName,
                                  "the connected role can see no column of this table (no SELECT privilege?)")]
        }
        var findings: [DoctorFinding] = []
        for field in table.model.columnFields {
            let subject = "\(table.displayName).\(field.columnName)"
            guard let facts = columns[field.columnName] else {
                findings.append(DoctorFinding(.failure, "column-missing", subject,
                                              "field \(table.model.name).\(field.name) has no column"))
                continue
            }
            if let expected = ExpectedColumnType(field: field, catalog: catalog), !expected.matches(facts.dataType, facts.udtName) {
                let actual = facts.dataType == "USER-DEFINED" || facts.dataType == "ARRAY" ? "\(facts.dataType) (\(facts.udtName))" : facts.dataType
                findings.append(DoctorFinding(.failure, "column-type-mismatch", subject,
                                              "the schema says \(expected.description), the column is \(actual)"))
            }
            // Prisma writes scalar lists without NOT NULL; their nullability says nothing.
            guard !field.isList else { continue }
            if facts.isNullable && !field.isOptional {
                findings.append(DoctorFinding(.failure, "column-nullability-mismatch", subject,
                                              "the schema says required, the column allows NULL: lql would type NULLs as present"))
            } else if !facts.isNullable && field.isOptional {
                findings.append(DoctorFinding(.warning, "column-nullability-mismatch", subject,
                                              "the schema says optional, the column is NOT NULL"))
            }
        }
        return findings
    }
}

/// The PostgreSQL type (information_schema `data_type`, and `udt_name` for enums) a field's
/// column should have, as `prisma migrate` would create it.
struct ExpectedColumnType: CustomStringConvertible {
    var dataType: String
    var udtName: String?

    init?(field: Field, catalog: Catalog) {
        if field.isList {
            dataType = "ARRAY"
            return
        }
        switch field.type {
        case .enumeration(let name):
            dataType = "USER-DEFINED"
            udtName = catalog.enumType(named: name)?.databaseName ?? name
        case .scalar(let scalar):
            if let native = field.nativeType {
                guard let mapped = ExpectedColumnType.nativeTypes[native.prefix { $0 != "(" }.lowercased()] else { return nil }
                dataType = mapped
            } else {
                dataType = ExpectedColumnType.scalarTypes[scalar]!
            }
        case .relation, .unsupported:
            return nil
        }
    }

    func matches(_ actualDataType: String, _ actualUdtName: String) -> Bool {
        guard actualDataType == dataType else { return false }
        if let udtName { return actualUdtName == udtName }
        return true
    }

    var description: String { udtName.map { "\(dataType) (\($0))" } ?? dataType }

    static let scalarTypes: [ScalarType: String] = [
        .string: "text", .int: "integer", .bigInt: "bigint", .float: "double precision",
        .decimal: "numeric", .boolean: "boolean", .dateTime: "timestamp with time zone",
        .json: "jsonb", .bytes: "bytea",
    ]

    /// `@db.X` attributes of Prisma's PostgreSQL connector, lower-cased, without arguments.
    static let nativeTypes: [String: String] = [
        "text": "text", "varchar": "character varying", "char": "character", "uuid": "uuid",
        "decimal": "numeric", "money": "money", "smallint": "smallint", "integer": "integer",
        "bigint": "bigint", "real": "real", "doubleprecision": "double precision", "boolean": "boolean",
        "timestamptz": "timestamp with time zone", "timestamp": "timestamp without time zone",
        "date": "date", "time": "time without time zone", "timetz": "time with time zone",
        "json": "json", "jsonb": "jsonb", "bytea": "bytea", "inet": "inet", "xml": "xml",
        "bit": "bit", "varbit": "bit varying", "oid": "oid",
    ]
}
