import LQLDiagnostics

/// lql compiles to PostgreSQL only: a schema whose datasource names another provider is refused
/// (its SQL would be PostgreSQL's all the same), and a schema with no models gets a warning, since
/// an empty catalog usually means lql read the wrong file (a multi-file schema's stub).
enum DatasourceCheck {
    static let postgresProviders: Set<String> = ["postgresql", "postgres", "cockroachdb"]

    static func check(_ schema: PSLSchema, modelCount: Int, sink: inout SchemaDiagnosticSink) {
        if let provider = schema.datasources.first?.property("provider"),
           let name = provider.stringValue, !postgresProviders.contains(name) {
            sink.add(Diagnostic(.schemaUnsupportedProvider,
                                "the datasource's provider is `\(name)`; lql compiles to PostgreSQL only",
                                at: provider.span,
                                hints: ["lql reads schemas whose datasource says `provider = \"postgresql\"`"]))
        }
        if modelCount == 0 {
            sink.add(Diagnostic(.schemaEmptyCatalog, "the schema declares no models", at: .at(0), severity: .warning,
                                hints: ["for a multi-file schema, pass its folder (`--schema prisma/schema`), not one file of it"]))
        }
    }
}

extension DiagnosticCode {
    /// The datasource names a provider other than PostgreSQL.
    public static let schemaUnsupportedProvider = DiagnosticCode("E0530", "datasource provider is not PostgreSQL")
    /// Warning: the schema has no models at all.
    public static let schemaEmptyCatalog = DiagnosticCode("E0531", "schema has no models")
}
