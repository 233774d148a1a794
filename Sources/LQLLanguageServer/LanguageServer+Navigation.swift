import Foundation
import LQL

extension LanguageServer {
    /// Go to definition: a `let` name to its `let`, a `$param` to its `param`, a model or a
    /// field (through relations) to its line in the Prisma schema.
    func definition(_ document: TextDocument, at offset: Int) -> Any {
        let site = CursorSite(document.source, offset: offset)
        guard let token = site.token else { return NSNullValue.null }
        if token.kind == .identifier, site.letDeclaration(named: token.text) == nil,
           let catalog = schema.catalog, let schemaDocument = schema.document {
            let span = catalog.model(named: token.text)?.span ?? site.field(in: catalog)?.field.span
            if let span { return [["uri": schemaDocument.uri, "range": schemaDocument.range(of: span)]] }
        }
        let target: Span?
        switch token.kind {
        case .parameter: target = site.paramDeclaration(named: token.value ?? "")?.name.span
        case .identifier: target = site.letDeclaration(named: token.text)?.name.span
        default: target = nil
        }
        guard let target else { return NSNullValue.null }
        return [["uri": document.uri, "range": document.range(of: target)]]
    }

    /// The statements of a report: its `param`s, `let`s and queries (named by their first line).
    func symbols(_ document: TextDocument) -> Any {
        let program = LQLCompiler.parse(document.source).program
        return program.statements.map { statement -> [String: Any] in
            let name: String, detail: String, kind: Int, selection: Span
            switch statement.kind {
            case .param(let p):
                name = "$" + p.name.name
                detail = document.source.text(in: p.type.span)
                kind = 14  // Constant
                selection = p.name.span
            case .let(let l):
                name = l.name.name
                detail = l.query.source.name
                kind = 13  // Variable
                selection = l.name.span
            case .query(let q):
                let text = document.source.text(in: statement.span)
                let first = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? q.source.name
                name = first.count > 80 ? String(first.prefix(79)) + "…" : first
                detail = "query"
                kind = 12  // Function
                selection = q.source.span
            }
            return ["name": name, "detail": detail, "kind": kind,
                    "range": document.range(of: statement.span), "selectionRange": document.range(of: selection)]
        }
    }
}
