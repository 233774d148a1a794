import LQLDiagnostics

/// The names `@map`, `@@map` and `@@schema` give PostgreSQL: an empty identifier and one with
/// a NUL byte exist in no database (the server refuses the first; libpq ends a C string at the
/// second, so lql would name a different table than it checked); a control character would be
/// printed raw in compiled SQL, and a name past 63 bytes is silently cut by the server. Refused when the schema is
/// read, with the attribute's span, instead of at the server.
extension CatalogBuilder {
    /// The string argument of `attribute` (its `name:` or first positional one) when it is a
    /// usable database name; nil when absent, or invalid (then reported).
    mutating func databaseName(_ attribute: PSLAttribute?, for what: String) -> String? {
        guard let attribute, let expr = attribute.argument("name", position: 0), let value = expr.stringValue else { return nil }
        let problem: String?
        if value.isEmpty {
            problem = "is empty"
        } else if value.utf8.contains(0) {
            problem = "contains a NUL character"
        } else if value.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            problem = "contains a control character"
        } else if value.utf8.count > 63 {
            problem = "is \(value.utf8.count) bytes long; PostgreSQL keeps only the first 63, so two names could meet"
        } else {
            problem = nil
        }
        guard let problem else { return value }
        sink.add(Diagnostic(.schemaInvalidDatabaseName, "the database name in `@\(attribute.isBlock ? "@" : "")\(attribute.name)` of \(what) \(problem)",
                            at: expr.span, hints: ["PostgreSQL names are 1 to 63 bytes without control characters; write the table, column, enum or schema name as it is in the database, or remove the attribute"]))
        return nil
    }
}

extension DiagnosticCode {
    /// `@map("")`, `@@map("a\u{0}b")`, `@@map("a\u{1B}b")`, a 64-byte `@@map`, `@@schema("")`.
    public static let schemaInvalidDatabaseName = DiagnosticCode("E0532", "invalid database name")
}
