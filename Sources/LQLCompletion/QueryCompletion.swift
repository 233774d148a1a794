import LQLSchema
import LQLSyntax

/// Schema-aware completion of LQL text, shared by the prompt (Tab) and the language server.
/// Pure: it sees the text before the cursor (the unfinished statement's earlier lines included)
/// and answers with the word to replace and its candidates, best first.
public struct QueryCompletion: Sendable {
    public var catalog: Catalog
    /// `let` names in scope, with the model each one's query starts from.
    public var bindings: [String: String]
    /// Parameter names in scope (declared `param`s, `\set` values).
    public var parameters: [String]

    public init(catalog: Catalog, bindings: [String: String] = [:], parameters: [String] = []) {
        self.catalog = catalog
        self.bindings = bindings
        self.parameters = parameters
    }

    public func complete(_ textBeforeCursor: String) -> Completion {
        completeQuery(textBeforeCursor)
    }

    /// Keeps the candidates that start with `word` (ignoring case), without repeats.
    public static func matching(_ candidates: [CompletionCandidate], _ word: String) -> Completion {
        let lowered = word.lowercased()
        var seen = Set<String>()
        var kept: [CompletionCandidate] = []
        for c in candidates where seen.insert(c.text).inserted {
            if lowered.isEmpty || c.text.lowercased().hasPrefix(lowered) { kept.append(c) }
        }
        return Completion(word: word, candidates: kept)
    }

    func matching(_ candidates: [CompletionCandidate], _ word: String) -> Completion {
        Self.matching(candidates, word)
    }

    /// The `let` names of a parsed program with the model each one's rows come from, following
    /// `let b = a | …` chains; for completion after a let name.
    public static func bindings(of program: Program) -> [String: String] {
        var sources: [String: String] = [:]
        for statement in program.statements {
            if case .let(let l) = statement.kind { sources[l.name.name] = l.query.source.name }
        }
        return models(following: sources)
    }

    /// `let` name → the name its query starts from, resolved through `let b = a | …` chains to
    /// the model at the end (a cycle stops after as many hops as there are names).
    public static func models(following sources: [String: String]) -> [String: String] {
        var models: [String: String] = [:]
        for name in sources.keys {
            var model = sources[name]!
            var hops = 0
            while let next = sources[model], hops < sources.count { model = next; hops += 1 }
            models[name] = model
        }
        return models
    }
}
