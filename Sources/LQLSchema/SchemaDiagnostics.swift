import LQLDiagnostics

/// Problems found while reading a Prisma schema. Codes are stable (E05xx).
extension DiagnosticCode {
    public static let schemaUnknownType = DiagnosticCode("E0501", "unknown type in schema")
    public static let schemaDuplicateDeclaration = DiagnosticCode("E0502", "duplicate model or enum")
    public static let schemaDuplicateField = DiagnosticCode("E0503", "duplicate field")
    public static let schemaDuplicateEnumValue = DiagnosticCode("E0504", "duplicate enum value")
    public static let schemaMissingOppositeRelation = DiagnosticCode("E0505", "missing opposite relation field")
    public static let schemaAmbiguousRelation = DiagnosticCode("E0506", "ambiguous relation")
    public static let schemaRelationArityMismatch = DiagnosticCode("E0507", "fields and references differ in count")
    public static let schemaUnknownReferencedField = DiagnosticCode("E0508", "unknown field in relation")
    public static let schemaUnterminatedBlock = DiagnosticCode("E0509", "unterminated block")
    public static let schemaUnterminatedString = DiagnosticCode("E0510", "unterminated string in schema")
    public static let schemaUnexpectedToken = DiagnosticCode("E0511", "unexpected token in schema")
    public static let schemaInvalidCharacter = DiagnosticCode("E0512", "invalid character in schema")
    public static let schemaRelationMissingFields = DiagnosticCode("E0513", "relation needs fields and references")
    public static let schemaRelationFieldsOnBothSides = DiagnosticCode("E0514", "relation scalars on both sides")
    public static let schemaNestingTooDeep = DiagnosticCode("E0515", "schema nesting too deep")
    public static let schemaUnreadable = DiagnosticCode("E0516", "schema file cannot be read")
    /// Warning: a model has the tenant field by name but no relation to the tenant model, so it
    /// is not treated as tenant-scoped.
    /// (No longer reported: a key field is a key whether or not its relation is declared.)
    public static let schemaTenantFieldWithoutRelation = DiagnosticCode("E0517", "tenant field without tenant relation")
    /// The tenancy configuration (`lql.toml` or doc comments) names what the schema lacks.
    public static let schemaTenancyConfiguration = DiagnosticCode("E0518", "invalid tenancy configuration")
    /// Warning: a configuration entry would unscope a model lql already scopes; it is ignored.
    public static let schemaTenancyConfigurationIgnored = DiagnosticCode("E0519", "tenancy configuration entry ignored")
}

/// Caps the number of diagnostics so hostile input (random bytes) stays readable and cheap.
struct SchemaDiagnosticSink {
    static let limit = 50
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var dropped = 0

    mutating func add(_ d: Diagnostic) {
        if diagnostics.count < Self.limit { diagnostics.append(d) } else { dropped += 1 }
    }

    var hasErrors: Bool { diagnostics.contains { $0.isError } }
}
