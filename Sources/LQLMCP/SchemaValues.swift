import LQL
import MCP

/// `describe_schema`: every queryable model with its fields (LQL type, nullability, doc comment),
/// relations (target, cardinality) and the enums. A sensitive field or the tenant key is listed
/// by name only, marked, with why a query refuses it: never its type or column.
enum SchemaValues {
    static func describe(_ c: Catalog) -> Value {
        var models: [Value] = []
        for m in c.queryableModels {
            var model: [String: Value] = ["name": .string(m.name), "tenantScoped": .bool(m.isTenantScoped)]
            if m.isView { model["view"] = .bool(true) }
            if let doc = m.documentation, !doc.isEmpty { model["doc"] = .string(doc) }
            var fields: [Value] = [], relations: [Value] = [], refused: [Value] = []
            for f in m.fields {
                if f.isForbidden {
                    refused.append(.object([
                        "name": .string(f.name),
                        f.isTenantKey ? "tenantKey" : "sensitive": .bool(true),
                        "refused": .string(f.isTenantKey ? "the tenant key: set by the server's tenant scope, refused in queries"
                                                         : "sensitive: refused in every position of a query"),
                    ]))
                    continue
                }
                if c.leadsToTenantRoot(f) {
                    refused.append(.object([
                        "name": .string(f.name), "tenantRoot": .bool(true),
                        "refused": .string("leads to the tenancy root, which holds every tenant: refused in queries"),
                    ]))
                    continue
                }
                if let r = f.relation {
                    var relation: [String: Value] = [
                        "name": .string(f.name), "model": .string(r.targetModel),
                        "cardinality": .string(r.cardinality == .toMany ? "to-many" : "to-one"),
                        "optional": .bool(r.cardinality == .toOne && f.isOptional),
                    ]
                    if let doc = f.documentation, !doc.isEmpty { relation["doc"] = .string(doc) }
                    relations.append(.object(relation))
                } else {
                    var field: [String: Value] = ["name": .string(f.name), "type": .string(typeText(f)),
                                                  "nullable": .bool(f.isOptional)]
                    if f.isId { field["id"] = .bool(true) }
                    if case .enumeration = f.type { field["enum"] = .bool(true) }
                    if let doc = f.documentation, !doc.isEmpty { field["doc"] = .string(doc) }
                    fields.append(.object(field))
                }
            }
            model["fields"] = .array(fields)
            model["relations"] = .array(relations)
            if !refused.isEmpty { model["refusedFields"] = .array(refused) }
            models.append(.object(model))
        }
        let enums: [Value] = c.enums.map { e in
            var object: [String: Value] = ["name": .string(e.name), "values": .array(e.values.map { .string($0.name) })]
            if let doc = e.documentation, !doc.isEmpty { object["doc"] = .string(doc) }
            return .object(object)
        }
        return .object(["models": .array(models), "enums": .array(enums)])
    }

    /// The same facts as text, as `lql schema` and `lql schema Model` print them.
    static func text(_ c: Catalog) -> String {
        ([CatalogDescription.models(c)] + c.queryableModels.map { CatalogDescription.model($0, in: c) })
            .joined(separator: "\n")
    }

    static func typeText(_ f: Field) -> String {
        var base: String
        switch f.type {
        case .scalar(let s): base = s.rawValue
        case .enumeration(let e): base = e
        case .relation(let r): base = r.targetModel
        case .unsupported(let u): base = "Unsupported(\"\(u)\")"
        }
        if f.isList { base += "[]" }
        return base
    }
}
