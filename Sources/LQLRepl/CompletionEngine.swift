@_exported import LQLCompletion
import LQLOutput
import LQLHelp
import LQLSchema

/// Tab completion at the prompt: the prompt's meta-commands (`\d`, `\i FILE`, `\tenant`…) here,
/// LQL text by the shared `QueryCompletion` (the language server uses the same engine).
/// Pure: it sees the text before the cursor. No terminal, no libedit.
public struct CompletionEngine: Sendable {
    public var catalog: Catalog
    /// `let` names defined in the session, with the model each one's query starts from.
    public var bindings: [String: String]
    /// Parameter names known to the session (`\set`, declared `param`s).
    public var parameters: [String]
    /// Tenant slugs for `\tenant` (the role's visible tenants, when known).
    public var tenants: [String]
    public var files: FileLister

    public init(catalog: Catalog, bindings: [String: String] = [:], parameters: [String] = [],
                tenants: [String] = [], files: FileLister = .system) {
        self.catalog = catalog
        self.bindings = bindings
        self.parameters = parameters
        self.tenants = tenants
        self.files = files
    }

    public func complete(_ textBeforeCursor: String) -> Completion {
        let line = textBeforeCursor.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.first == "\\" { return completeMetaCommand(trimmed) }
        return QueryCompletion(catalog: catalog, bindings: bindings, parameters: parameters).complete(textBeforeCursor)
    }

    func matching(_ candidates: [CompletionCandidate], _ word: String) -> Completion {
        QueryCompletion.matching(candidates, word)
    }

    // MARK: - Meta-commands

    private func completeMetaCommand(_ line: Substring) -> Completion {
        guard let blank = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            let commands = MetaCommandInfo.all.map { info in
                CompletionCandidate("\\" + info.name, .metaCommand, terminator: info.arguments.isEmpty ? "" : " ")
            } + MetaCommandInfo.all.flatMap { info in
                info.aliases.map { CompletionCandidate("\\" + $0, .metaCommand, terminator: info.arguments.isEmpty ? "" : " ") }
            }
            return matching(commands, String(line))
        }
        let command = line[line.index(after: line.startIndex)..<blank]
        let argument = line[blank...].drop { $0 == " " || $0 == "\t" }
        let lastWord = String(argument.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
        let isFirstArgument = !argument.contains(" ")
        func words(_ list: [String], _ kind: CompletionKind = .metaArgument) -> Completion {
            isFirstArgument ? matching(list.map { CompletionCandidate($0, kind) }, lastWord) : .none(lastWord)
        }
        switch command {
        case "i", "include":
            return completeFile(String(argument))
        case "d":
            return words(catalog.queryableModels.map(\.name).sorted(), .model)
        case "format":
            return words(OutputFormat.allCases.map(\.rawValue))
        case "timing":
            return words(["on", "off"])
        case "x":
            return words(["on", "off", "auto"])
        case "explain":
            return words(["analyze"])
        case "g", "o", "out", "e", "edit":
            return completeFile(String(argument))
        case "help", "?", "h":
            return words(MetaCommandInfo.all.map(\.name) + LanguageHelp.names)
        case "set", "unset":
            return words(parameters.sorted(), .parameter)
        case "tenant":
            return words(tenants.sorted())
        default:
            return .none(lastWord)
        }
    }

    /// File names for `\i`: the whole argument is the word, so `examples/re` completes to
    /// `examples/reports/`. Hidden files only when the name starts with a dot.
    private func completeFile(_ argument: String) -> Completion {
        let directoryPart: String
        let base: String
        if let slash = argument.lastIndex(of: "/") {
            directoryPart = String(argument[...slash])
            base = String(argument[argument.index(after: slash)...])
        } else {
            directoryPart = ""
            base = argument
        }
        var listed = directoryPart.isEmpty ? "." : directoryPart
        if listed.hasPrefix("~/"), let home = getenvString("HOME") { listed = home + listed.dropFirst() }
        let entries = files.entries(in: listed)
            .filter { base.hasPrefix(".") || !$0.name.hasPrefix(".") }
            .filter { $0.name.hasPrefix(base) }
            .sorted { $0.name < $1.name }
        let candidates = entries.map { entry in
            entry.isDirectory
                ? CompletionCandidate(directoryPart + entry.name + "/", .directory, terminator: "")
                : CompletionCandidate(directoryPart + entry.name, .file, terminator: "")
        }
        return Completion(word: argument, candidates: candidates)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func getenvString(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
}
