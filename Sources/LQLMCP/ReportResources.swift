import Foundation
import MCP

/// The resources: the language reference and the saved reports of a directory (the example
/// reports), read once at start. A read names a URI from the list; nothing else is reachable,
/// so a URI cannot walk to another file.
struct ReportResources: Sendable {
    struct Entry: Sendable {
        var resource: Resource
        var text: String
    }

    let entries: [String: Entry]
    let ordered: [Resource]

    init(reportsDirectory: String?) {
        var list = [Entry(resource: Resource(name: "LQL language reference", uri: LanguageReference.uri,
                                             description: "A one-page guide to LQL: stages, expressions, relations, grouping, functions, parameters, results.",
                                             mimeType: "text/markdown"),
                          text: LanguageReference.text)]
        if let dir = reportsDirectory,
           let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            for name in names.sorted() where name.hasSuffix(".lql") {
                guard let text = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8) else { continue }
                let firstComment = text.split(separator: "\n").first { $0.hasPrefix("--") }
                    .map { $0.dropFirst(2).trimmingCharacters(in: .whitespaces) }
                list.append(Entry(resource: Resource(name: "report " + name, uri: "lql://reports/" + name,
                                                     description: firstComment ?? "an example report", mimeType: "text/plain"),
                                  text: text))
            }
        }
        ordered = list.map(\.resource)
        entries = Dictionary(list.map { ($0.resource.uri, $0) }, uniquingKeysWith: { a, _ in a })
    }

    func read(_ uri: String) throws -> ReadResource.Result {
        guard let entry = entries[uri] else { throw MCPError.invalidParams("unknown resource \(uri); see resources/list") }
        return ReadResource.Result(contents: [.text(entry.text, uri: uri, mimeType: entry.resource.mimeType)])
    }
}
