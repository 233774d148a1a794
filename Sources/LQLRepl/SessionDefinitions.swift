import LQL
import LQLCompletion

/// The `param` and `let` statements the session has accepted, as source text. Every new entry
/// is compiled with them in front, so `let recent = …` on one line and `recent | count` on the
/// next work as in one script; they make no output, so the outputs are the new entry's alone.
/// Redefining a name replaces the earlier text in place (a REPL corrects itself; a script
/// would report the redefinition).
struct SessionDefinitions {
    private(set) var items: [(name: String, isParam: Bool, text: String)] = []

    /// The text compiled in front of an entry; ends with a line break when not empty.
    var prelude: String {
        items.isEmpty ? "" : items.map(\.text).joined(separator: "\n") + "\n"
    }

    var parameterNames: [String] { items.filter(\.isParam).map(\.name) }
    var letNames: [String] { items.filter { !$0.isParam }.map(\.name) }

    /// Each `let` name with the model its rows come from (following `let b = a | …` chains), so
    /// completion offers the let names and the fields after them.
    var letModels: [String: String] {
        var sources: [String: String] = [:]
        for item in items where !item.isParam {
            guard let equals = item.text.firstIndex(of: "=") else { continue }
            let rest = item.text[item.text.index(after: equals)...].drop { $0 == " " || $0 == "\n" || $0 == "\t" }
            sources[item.name] = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        }
        return QueryCompletion.models(following: sources)
    }

    /// The `param` and `let` statements of `entry` (which compiled without errors).
    static func definitions(in entry: String) -> [(name: String, isParam: Bool, text: String)] {
        let source = SourceFile(name: "<input>", text: entry)
        let parsed = LQLCompiler.parse(source)
        guard !parsed.hasErrors else { return [] }
        return parsed.program.statements.compactMap { statement in
            switch statement.kind {
            case .param(let p): (p.name.name, true, source.text(in: statement.span))
            case .let(let l): (l.name.name, false, source.text(in: statement.span))
            case .query: nil
            }
        }
    }

    /// The prelude without the definitions `entry` is about to replace, so the new ones are
    /// not reported as redefinitions.
    func prelude(replacedBy entry: String) -> String {
        let names = Set(Self.definitions(in: entry).map(\.name))
        let kept = items.filter { !names.contains($0.name) }
        return kept.isEmpty ? "" : kept.map(\.text).joined(separator: "\n") + "\n"
    }

    /// Keeps the entry's definitions (after the others, where they were compiled). Returns the
    /// names of earlier definitions that no longer compile (they used a replaced one) and were
    /// dropped, so the prelude always compiles.
    @discardableResult
    mutating func keep(from entry: String, catalog: Catalog) -> [String] {
        let new = Self.definitions(in: entry)
        let names = Set(new.map(\.name))
        items.removeAll { names.contains($0.name) }
        items.append(contentsOf: new)
        var dropped: [String] = []
        while !items.isEmpty {
            let text = prelude
            let result = LQLCompiler.compile(source: SourceFile(name: "<session>", text: text), catalog: catalog,
                                             requireParameterValues: false)
            guard let first = result.diagnostics.first(where: \.isError) else { break }
            var offset = 0
            var index = items.count - 1
            for (i, item) in items.enumerated() {
                offset += item.text.utf8.count + 1
                if first.span.start < offset { index = i; break }
            }
            dropped.append(items[index].name)
            items.remove(at: index)
        }
        return dropped
    }
}
