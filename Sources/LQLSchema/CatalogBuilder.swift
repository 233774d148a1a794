import LQLDiagnostics
import LQLSystem

/// Turns the parsed schema into a `Catalog`: names resolved, columns and tables mapped,
/// relations paired (RelationResolver), tenancy detected (TenancyDetector).
struct CatalogBuilder {
    let schema: PSLSchema
    var sink: SchemaDiagnosticSink
    /// What `lql.toml` says about tenancy, if there is one.
    var configuration: TenancyConfiguration? = nil

    /// Models and enums by name, ignored (`@@ignore`) models left out.
    private var modelDecls: [String: PSLModel] = [:]
    private var ignoredModels: Set<String> = []
    private var enumNames: Set<String> = []
    private var compositeTypeNames: Set<String> = []
    /// Where each name is first declared; later declarations of the same name are skipped.
    private var firstSpans: [String: Span] = [:]
    private var modelsWithUnknownTypes: Set<String> = []

    init(schema: PSLSchema, sink: SchemaDiagnosticSink) {
        self.schema = schema
        self.sink = sink
    }

    mutating func build() -> Catalog {
        declareNames()
        let enums = schema.enums.filter { firstSpans[$0.name] == $0.nameSpan }.map { buildEnum($0) }
        var models: [Model] = []
        var relationSources: [String: [String: PSLAttribute]] = [:]
        for decl in schema.models where firstSpans[decl.name] == decl.nameSpan {
            if decl.attribute("ignore") != nil { continue }
            let (model, relationAttributes) = buildModel(decl)
            models.append(model)
            relationSources[model.name] = relationAttributes
        }
        var resolver = RelationResolver(models: models, relationAttributes: relationSources, sink: sink,
                                        modelsWithUnknownTypes: modelsWithUnknownTypes)
        models = resolver.resolve()
        sink = resolver.sink
        DatasourceCheck.check(schema, modelCount: models.count, sink: &sink)
        let datasourceSchemas = schema.datasources.first?.property("schemas")?.nameList.map(\.name) ?? []
        let tenancy = TenancyDetector.detect(models: &models, datasourceSchemas: datasourceSchemas,
                                              configuration: configuration, sink: &sink)
        return Catalog(models: models, enums: enums, tenancy: tenancy, datasourceSchemas: datasourceSchemas)
    }

    /// Models, views, enums and composite types share one namespace, as in Prisma.
    private mutating func declareNames() {
        var seen: [String: Span] = [:]
        var all: [(name: String, span: Span, kind: String)] = []
        all += schema.models.map { ($0.name, $0.nameSpan, $0.isView ? "view" : "model") }
        all += schema.enums.map { ($0.name, $0.nameSpan, "enum") }
        all += schema.compositeTypes.map { ($0.name, $0.nameSpan, "type") }
        all.sort { $0.span.start < $1.span.start }
        for d in all {
            if let first = seen[d.name] {
                sink.add(Diagnostic(.schemaDuplicateDeclaration, "`\(d.name)` is declared more than once", at: d.span,
                                    hints: ["rename this \(d.kind) or remove one of the declarations"],
                                    notes: [DiagnosticNote("first declared here", span: first)]))
                continue
            }
            seen[d.name] = d.span
        }
        firstSpans = seen
        for m in schema.models where seen[m.name] == m.nameSpan {
            modelDecls[m.name] = m
            if m.attribute("ignore") != nil { ignoredModels.insert(m.name) }
        }
        for e in schema.enums where seen[e.name] == e.nameSpan { enumNames.insert(e.name) }
        for t in schema.compositeTypes where seen[t.name] == t.nameSpan { compositeTypeNames.insert(t.name) }
    }

    private mutating func buildEnum(_ decl: PSLEnum) -> EnumType {
        var values: [EnumValue] = []
        var seen: [String: Span] = [:]
        for v in decl.values {
            if let first = seen[v.name] {
                sink.add(Diagnostic(.schemaDuplicateEnumValue, "enum `\(decl.name)` has the value `\(v.name)` twice",
                                    at: v.span, hints: ["remove one of them"],
                                    notes: [DiagnosticNote("first listed here", span: first)]))
                continue
            }
            seen[v.name] = v.span
            let mapped = databaseName(v.attributes.first { $0.name == "map" }, for: "enum value `\(decl.name).\(v.name)`")
            values.append(EnumValue(name: v.name, databaseName: mapped ?? v.name))
        }
        return EnumType(name: decl.name,
                        databaseName: databaseName(decl.attribute("map"), for: "enum `\(decl.name)`") ?? decl.name,
                        schemaName: databaseName(decl.attribute("schema"), for: "enum `\(decl.name)`"),
                        values: values, documentation: decl.documentation, span: decl.span)
    }

    /// Builds one model; relation fields carry a provisional `Relation` that the resolver completes.
    /// Also returns each relation field's `@relation` attribute (if any), by field name.
    private mutating func buildModel(_ decl: PSLModel) -> (Model, [String: PSLAttribute]) {
        var fields: [Field] = []
        var seen: [String: Span] = [:]
        var relationAttributes: [String: PSLAttribute] = [:]
        for f in decl.fields {
            if let first = seen[f.name] {
                sink.add(Diagnostic(.schemaDuplicateField, "model `\(decl.name)` has the field `\(f.name)` twice",
                                    at: f.nameSpan, hints: ["rename or remove one of them"],
                                    notes: [DiagnosticNote("first declared here", span: first)]))
                continue
            }
            seen[f.name] = f.nameSpan
            if f.attribute("ignore") != nil { continue }
            guard let type = resolveType(f, in: decl) else { continue }
            if case .relation = type, let attr = f.attribute("relation") { relationAttributes[f.name] = attr }
            fields.append(buildField(f, type: type))
        }
        var primaryKey = fields.filter(\.isId).map(\.name)
        if let id = decl.attribute("id")?.argument("fields", position: 0) { primaryKey = id.nameList.map(\.name) }
        var uniqueKeys = fields.filter(\.isUnique).map { [$0.name] }
        for attr in decl.attributes where attr.name == "unique" {
            if let list = attr.argument("fields", position: 0) { uniqueKeys.append(list.nameList.map(\.name)) }
        }
        var model = Model(name: decl.name,
                          tableName: databaseName(decl.attribute("map"), for: "model `\(decl.name)`") ?? decl.name,
                          schemaName: databaseName(decl.attribute("schema"), for: "model `\(decl.name)`"),
                          fields: fields, isView: decl.isView, primaryKey: primaryKey, uniqueKeys: uniqueKeys,
                          documentation: decl.documentation, span: decl.span)
        model.attributes = decl.attributes.map(Self.publicAttribute)
        return (model, relationAttributes)
    }

    /// nil: the field is dropped (it points at an ignored model, as Prisma's client does).
    private mutating func resolveType(_ f: PSLField, in decl: PSLModel) -> FieldType? {
        if let raw = f.unsupportedType { return .unsupported(raw) }
        if let scalar = ScalarType(rawValue: f.typeName) { return .scalar(scalar) }
        if enumNames.contains(f.typeName) { return .enumeration(f.typeName) }
        if ignoredModels.contains(f.typeName) { return nil }
        if modelDecls[f.typeName] != nil {
            let rel = f.attribute("relation")
            return .relation(Relation(name: rel?.argument("name", position: 0)?.stringValue, targetModel: f.typeName,
                                      cardinality: f.isList ? .toMany : .toOne, oppositeField: nil, joinColumns: [],
                                      isOwningSide: rel?.argument("fields") != nil))
        }
        if compositeTypeNames.contains(f.typeName) { return .unsupported(f.typeName) }
        modelsWithUnknownTypes.insert(decl.name)
        let candidates = ScalarType.allCases.map(\.rawValue) + Array(enumNames) + Array(modelDecls.keys) + ["Unsupported"]
        let close = Suggestions.closest(to: f.typeName, among: candidates.sorted())
        var hints = close.isEmpty ? [] : ["did you mean \(Suggestions.quotedList(close))?"]
        hints.append("types are the scalars (String, Int, BigInt, Float, Decimal, Boolean, DateTime, Json, Bytes), enums and models of this schema")
        sink.add(Diagnostic(.schemaUnknownType, "field `\(decl.name).\(f.name)` has the unknown type `\(f.typeName)`",
                            at: f.typeSpan, hints: hints,
                            fixIts: close.first.map { [FixIt(span: Span(f.typeSpan.start, f.typeSpan.start + f.typeName.utf8.count), replacement: $0)] } ?? []))
        return .unsupported(f.typeName)
    }

    private mutating func buildField(_ f: PSLField, type: FieldType) -> Field {
        let native = f.attributes.first { $0.name.hasPrefix("db.") }.map { attr -> String in
            let base = String(attr.name.dropFirst(3))
            return attr.arguments.isEmpty ? base : base + "(" + attr.arguments.map { Self.text(of: $0.value) }.joined(separator: ",") + ")"
        }
        let isRelation: Bool = { if case .relation = type { return true } else { return false } }()
        return Field(name: f.name,
                     columnName: isRelation ? f.name : (databaseName(f.attribute("map"), for: "field `\(f.name)`") ?? f.name),
                     type: type, isOptional: f.isOptional, isList: f.isList,
                     isId: f.attribute("id") != nil, isUnique: f.attribute("unique") != nil,
                     isUpdatedAt: f.attribute("updatedAt") != nil, hasDefault: f.attribute("default") != nil,
                     nativeType: native, isSensitive: f.documentation?.containsSubstring("@sensitive") ?? false,
                     documentation: f.documentation,
                     attributes: f.attributes.map(Self.publicAttribute), span: f.span)
    }

    static func publicAttribute(_ a: PSLAttribute) -> Attribute {
        Attribute(name: a.name, isBlock: a.isBlock,
                  arguments: a.arguments.map { AttributeArgument(name: $0.name, value: text(of: $0.value)) }, span: a.span)
    }

    /// A value written back as PSL text (normalized spacing): `[a, b]`, `"x"`, `uuid()`.
    static func text(of e: PSLExpression) -> String {
        switch e.kind {
        case .string(let s): return "\"" + s.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
        case .number(let n), .identifier(let n): return n
        case .array(let items): return "[" + items.map(text(of:)).joined(separator: ", ") + "]"
        case .call(let name, let args):
            return name + "(" + args.map { ($0.name.map { $0 + ": " } ?? "") + text(of: $0.value) }.joined(separator: ", ") + ")"
        case .invalid: return ""
        }
    }
}
