import Foundation
import LQL

extension LanguageServer {
    /// Hover: a field's type and doc comment (through relations: `customer.salesRep.fullName`),
    /// a model's doc comment, a parameter's declaration, an output column's type; on a query's
    /// source model or one of its `|`, the SQL the query compiles to, with its binds.
    func hover(_ document: TextDocument, at offset: Int) -> Any {
        let site = CursorSite(document.source, offset: offset)
        guard let token = site.token else { return NSNullValue.null }
        var sections: [String] = []
        let catalog = schema.catalog
        switch token.kind {
        case .parameter:
            if let decl = site.paramDeclaration(named: token.value ?? "") {
                sections.append(Self.code(document.source.text(in: decl.span)))
            }
        case .identifier:
            if let letDecl = site.letDeclaration(named: token.text) {
                sections.append(Self.code("let \(letDecl.name.name) = \(document.source.text(in: letDecl.query.span).prefix(200))"))
            } else if let catalog, let model = catalog.model(named: token.text) {
                sections.append(Self.describe(model))
            } else if let catalog, let field = site.field(in: catalog) {
                sections.append(Self.describe(field.field, of: field.model, catalog: catalog))
            } else if let column = compiledStatement(document, at: offset)?.columns.first(where: { $0.name == token.text }) {
                sections.append(Self.code("\(column.name): \(column.type)"))
            }
        default:
            break
        }
        // Anywhere else in a named item: the item's type (`sum(…)` in `revenue: sum(…)`).
        if sections.isEmpty, let label = site.itemLabel,
           let column = compiledStatement(document, at: offset)?.columns.first(where: { $0.name == label }) {
            sections.append(Self.code("\(column.name): \(column.type)"))
        }
        if site.isQueryHead || (token.kind == .pipe && site.isTopLevel), let compiled = compiledStatement(document, at: offset) {
            sections.append(Self.sql(compiled.sql))
        }
        guard !sections.isEmpty else { return NSNullValue.null }
        return ["contents": ["kind": "markdown", "value": sections.joined(separator: "\n\n---\n\n")],
                "range": document.range(of: token.span)] as [String: Any]
    }

    func compiledStatement(_ document: TextDocument, at offset: Int) -> CompiledStatement? {
        guard let catalog = schema.catalog else { return nil }
        let result = LQLCompiler.compile(source: document.source, catalog: catalog, requireParameterValues: false)
        return result.program?.statements.first { $0.span.start <= offset && offset <= $0.span.end }
    }

    static func code(_ text: String, language: String = "lql") -> String {
        "```\(language)\n\(text)\n```"
    }

    static func describe(_ model: Model) -> String {
        var out = "**\(model.name)** (table `\(model.tableName)`)"
        if let doc = model.documentation, !doc.isEmpty { out += "\n\n" + doc }
        return out
    }

    static func typeText(_ field: Field, catalog: Catalog) -> String {
        var text: String
        switch field.type {
        case .scalar(let s): text = s.rawValue
        case .enumeration(let e): text = e
        case .relation(let r): text = r.targetModel + (r.cardinality == .toMany ? "[]" : "")
        case .unsupported(let u): text = "Unsupported(\(u))"
        }
        if field.isList, field.relation == nil { text += "[]" }
        if field.isOptional { text += "?" }
        return text
    }

    static func describe(_ field: Field, of model: Model, catalog: Catalog) -> String {
        var out = Self.code("\(model.name).\(field.name): \(typeText(field, catalog: catalog))")
        if case .enumeration(let name) = field.type, let e = catalog.enumType(named: name) {
            out += "\n\none of " + e.values.map { "`\($0.name)`" }.joined(separator: ", ")
        }
        if let relation = field.relation {
            out += "\n\n" + (relation.cardinality == .toMany ? "to-many relation (use it in `count(…)`, `sum(….x)`, `any(…)` or a shape)"
                                                              : "to-one relation")
        }
        if field.isForbidden { out += "\n\n**not queryable** (sensitive or the tenant key)" }
        if let doc = field.documentation, !doc.isEmpty { out += "\n\n" + doc }
        if let relation = field.relation, let target = catalog.model(named: relation.targetModel),
           let doc = target.documentation, !doc.isEmpty {
            out += "\n\n" + describe(target)
        }
        return out
    }

    static func sql(_ statement: SQLStatement) -> String {
        var out = code(statement.text, language: "sql")
        if !statement.binds.isEmpty {
            out += "\n\n" + statement.binds.enumerated().map { n, bind in
                switch bind {
                case .tenant: "`$\(n + 1)` = the tenant"
                case .value(let v, let type): "`$\(n + 1)` = " + (v.map { "`\($0.replacingOccurrences(of: "`", with: "'"))`" } ?? "NULL") + " :: \(type)"
                }
            }.joined(separator: "  \n")
        }
        return out
    }
}

/// JSON null for answers that have no result (`NSNull`, named for what it means here).
enum NSNullValue {
    static var null: Any { NSNull() }
}
