import Foundation
import LQL
import LQLCompletion
import LQLFormat

extension LanguageServer {
    /// The prompt's completion engine on the text before the cursor; the let names and params
    /// of the document are in scope. Each item replaces the word before the cursor.
    func completion(_ document: TextDocument, at offset: Int) -> Any {
        guard let catalog = schema.catalog else { return [Any]() }
        let program = LQLCompiler.parse(document.source).program
        var parameters: [String] = []
        for statement in program.statements {
            if case .param(let p) = statement.kind { parameters.append(p.name.name) }
        }
        let engine = QueryCompletion(catalog: catalog, bindings: QueryCompletion.bindings(of: program), parameters: parameters)
        let before = String(decoding: document.bytes[0..<offset], as: UTF8.self)
        let answer = engine.complete(before)
        let cursor = document.position(of: offset)
        let start = TextDocument.Position(line: cursor.line, character: cursor.character - answer.word.utf16.count)
        let range: [String: Any] = ["start": document.json(start), "end": document.json(cursor)]
        return answer.candidates.enumerated().map { index, candidate -> [String: Any] in
            [
                "label": candidate.text,
                "kind": Self.completionKind(candidate.kind),
                "sortText": String(format: "%05d", index),
                "textEdit": ["range": range, "newText": candidate.text],
            ]
        }
    }

    static func completionKind(_ kind: CompletionKind) -> Int {
        switch kind {
        case .model: 7            // Class
        case .binding: 6          // Variable
        case .keyword, .stage: 14 // Keyword
        case .field: 5            // Field
        case .relation: 18        // Reference
        case .enumValue: 20       // EnumMember
        case .function: 3         // Function
        case .parameter: 6        // Variable
        case .metaCommand, .metaArgument: 1
        case .file: 17
        case .directory: 19
        }
    }

    /// `lql fmt` on the document: one edit replacing it all, none when it is formatted or does
    /// not parse (its diagnostics say why).
    func formatting(_ document: TextDocument) -> Any {
        guard let text = LQLFormatter.format(document.source).text, text != document.text else { return [Any]() }
        return [["range": document.wholeRange, "newText": text]]
    }
}
