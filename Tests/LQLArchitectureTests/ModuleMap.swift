import Foundation

/// The module map of docs/architecture.md as data: for each module, the modules it may import.
/// Parsed from the page itself (`### \`Name\`` headings, `**May import:**` lines), so the page
/// and the rule cannot drift apart.
struct ModuleMap {
    /// Module → what it may import, in the page's order.
    var allowed: [String: Set<String>] = [:]
    var order: [String] = []

    /// Imported anywhere without being listed: the OS and the standard library's own modules.
    static let platformModules: Set<String> = ["Foundation", "FoundationEssentials", "Glibc", "Darwin", "Musl",
                                               "Synchronization", "Dispatch", "_Concurrency"]

    init(markdown: String) throws {
        var current: String?
        var collecting = false
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("### ") {
                collecting = false
                let names = ModuleMap.backticked(String(line.dropFirst(4)))
                current = names.count == 1 && line.dropFirst(4).hasPrefix("`") ? names[0] : nil
                if let current {
                    guard allowed[current] == nil else { throw MapError("docs/architecture.md lists `\(current)` twice") }
                    allowed[current] = []
                    order.append(current)
                }
                continue
            }
            guard let module = current else { continue }
            if line.hasPrefix("**May import:**") {
                collecting = true
                allowed[module, default: []].formUnion(ModuleMap.backticked(String(line.dropFirst("**May import:**".count))))
            } else if collecting, !line.isEmpty, !line.hasPrefix("**") {
                allowed[module, default: []].formUnion(ModuleMap.backticked(line))
            } else {
                collecting = false
            }
        }
        if order.isEmpty { throw MapError("docs/architecture.md has no `### \\`Module\\`` sections") }
    }

    static func backticked(_ text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }.filter { !$0.isEmpty }
    }
}

struct MapError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The imports of a module's sources and the dependencies its Package.swift target declares.
struct ModuleEdges {
    /// Module → file → imported modules.
    var imports: [String: [String: Set<String>]] = [:]
    /// Target (under Sources/) → declared dependencies (target and product names).
    var dependencies: [String: Set<String>] = [:]
}

enum SourceScanner {
    /// `import X`, `@testable import X`, `@_exported import X`, `import struct X.Y`, `public import X`.
    static func importedModules(in source: String) -> Set<String> {
        var modules: Set<String> = []
        for rawLine in source.split(separator: "\n") {
            var words = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            while let first = words.first, first.hasPrefix("@") || ["public", "package", "internal", "private", "fileprivate"].contains(first) {
                words.removeFirst()
            }
            guard words.first == "import", words.count >= 2 else { continue }
            var name = words[1]
            if ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(name), words.count >= 3 { name = words[2] }
            if let dot = name.firstIndex(of: ".") { name = String(name[..<dot]) }
            modules.insert(name)
        }
        return modules
    }

    /// Every `.swift` and C file's imports under `Sources/<Module>/`.
    static func sourceImports(root: URL) throws -> [String: [String: Set<String>]] {
        let sources = root.appendingPathComponent("Sources")
        var result: [String: [String: Set<String>]] = [:]
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: sources.appendingPathComponent(module).path, isDirectory: &isDirectory),
                  isDirectory.boolValue else { continue }
            var files: [String: Set<String>] = [:]
            let enumerator = FileManager.default.enumerator(atPath: sources.appendingPathComponent(module).path)
            while let relative = enumerator?.nextObject() as? String {
                guard relative.hasSuffix(".swift") else { continue }
                let text = try String(contentsOf: sources.appendingPathComponent(module).appendingPathComponent(relative), encoding: .utf8)
                files["Sources/\(module)/\(relative)"] = importedModules(in: text)
            }
            result[module] = files
        }
        return result
    }

    /// The targets of Package.swift that live under Sources/ (no `path:`; test targets left out)
    /// with their dependency names (`"X"` and `.product(name: "X", …)`).
    static func packageDependencies(_ manifest: String) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        let text = Array(manifest)
        var i = 0
        let openers = [".target(", ".executableTarget(", ".systemLibrary(", ".testTarget("]
        while i < text.count {
            guard let opener = openers.first(where: { matches(text, at: i, $0) }) else { i += 1; continue }
            let start = i + opener.count
            let end = closing(text, from: start)
            let call = String(text[start..<end])
            i = end
            guard opener != ".testTarget(", !call.contains("path:"),
                  let name = firstQuoted(after: "name:", in: call) else { continue }
            var deps: Set<String> = []
            if let range = call.range(of: "dependencies:") {
                let tail = Array(call[range.upperBound...])
                if let open = tail.firstIndex(of: "[") {
                    let close = closing(tail, from: open + 1, open: "[", close: "]")
                    var list = String(tail[(open + 1)..<close])
                    // `.product(name: "X", package: "p")` contributes X only.
                    while let product = list.range(of: ".product(") {
                        let rest = Array(list[product.upperBound...])
                        let end = closing(rest, from: 0)
                        if let productName = firstQuoted(after: "name:", in: String(rest[..<end])) { deps.insert(productName) }
                        list.replaceSubrange(product.lowerBound..<list.index(product.upperBound, offsetBy: min(end + 1, rest.count)), with: "")
                    }
                    deps.formUnion(list.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                        .filter { $0.offset % 2 == 1 }.map { String($0.element) })
                }
            }
            result[name] = deps
        }
        return result
    }

    private static func matches(_ text: [Character], at i: Int, _ word: String) -> Bool {
        let w = Array(word)
        return i + w.count <= text.count && Array(text[i..<(i + w.count)]) == w
    }

    /// The index of the bracket closing the one opened just before `from` (strings skipped).
    private static func closing(_ text: [Character], from: Int, open: Character = "(", close: Character = ")") -> Int {
        var depth = 1
        var i = from
        var inString = false
        while i < text.count {
            let c = text[i]
            if inString {
                if c == "\\" { i += 1 } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == open {
                depth += 1
            } else if c == close {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return text.count
    }

    private static func firstQuoted(after key: String, in text: String) -> String? {
        guard let range = text.range(of: key) else { return nil }
        let rest = text[range.upperBound...]
        guard let open = rest.firstIndex(of: "\"") else { return nil }
        let afterOpen = rest.index(after: open)
        guard let close = rest[afterOpen...].firstIndex(of: "\"") else { return nil }
        return String(rest[afterOpen..<close])
    }
}
