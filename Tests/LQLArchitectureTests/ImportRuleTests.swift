import Foundation
import Testing

/// The module map of docs/architecture.md, enforced: Package.swift's dependencies and every
/// `import` under Sources/ must be allowed by the page, and three walls hold whatever the page says.
@Suite struct ImportRuleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let compiler: Set<String> = ["LQLSystem", "LQLDiagnostics", "LQLSyntax", "LQLSchema", "LQLCheck", "LQLSQL", "LQL"]
    static let execution: Set<String> = ["CLibPQ", "LQLPostgres", "LQLTenancy", "LQLDoctor", "LQLCluster", "LQLAudit"]

    /// (module, what it must never import, why). Edits of docs/architecture.md cannot lift these.
    static let walls: [(module: String, never: Set<String>, why: String)] =
        compiler.map { ($0, execution.union(["LQLOutput", "LQLRepl", "LQLCommands", "CLibEdit", "CSignals"]), "the compiler never sees a connection") }
        + [("LQLPostgres", compiler.subtracting(["LQLSystem"]).union(["LQLTenancy", "LQLDoctor", "LQLCluster", "LQLAudit", "LQLOutput", "LQLRepl", "LQLCommands"]),
            "the driver never sees LQL or a writer"),
           ("LQLOutput", execution, "writers never see a connection")]

    struct Violation: CustomStringConvertible, Equatable {
        var module: String
        var imported: String
        var place: String
        var rule: String
        var description: String { "\(place): `\(module)` imports `\(imported)`: \(rule)" }
    }

    /// Every import (or declared dependency) the map or a wall forbids. `edges` maps a module to
    /// (place → modules it names), a place being a file or "Package.swift".
    static func violations(map: ModuleMap, edges: [String: [String: Set<String>]]) -> [Violation] {
        var found: [Violation] = []
        for (module, places) in edges.sorted(by: { $0.key < $1.key }) {
            guard let allowed = map.allowed[module] else {
                found.append(Violation(module: module, imported: "-", place: places.keys.sorted().first ?? module,
                                       rule: "a module docs/architecture.md does not list (add its section first)"))
                continue
            }
            for (place, imports) in places.sorted(by: { $0.key < $1.key }) {
                for imported in imports.sorted() where imported != module {
                    if let wall = walls.first(where: { $0.module == module && $0.never.contains(imported) }) {
                        found.append(Violation(module: module, imported: imported, place: place, rule: wall.why))
                    } else if !allowed.contains(imported), !ModuleMap.platformModules.contains(imported) {
                        found.append(Violation(module: module, imported: imported, place: place,
                                               rule: "not on its **May import** line in docs/architecture.md"))
                    }
                }
            }
        }
        return found
    }

    static func map() throws -> ModuleMap {
        try ModuleMap(markdown: String(contentsOf: root.appendingPathComponent("docs/architecture.md"), encoding: .utf8))
    }

    @Test func everyImportUnderSourcesIsAllowedByTheMap() throws {
        let found = ImportRuleTests.violations(map: try ImportRuleTests.map(), edges: try SourceScanner.sourceImports(root: ImportRuleTests.root))
        #expect(found.isEmpty, "\(found.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyPackageDependencyIsAllowedByTheMap() throws {
        let manifest = try String(contentsOf: ImportRuleTests.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let deps = SourceScanner.packageDependencies(manifest)
        #expect(deps["LQLPostgres"] != nil && deps["LQLCommands"]?.contains("ArgumentParser") == true,
                "Package.swift was not read: \(deps)")
        let found = ImportRuleTests.violations(map: try ImportRuleTests.map(), edges: deps.mapValues { ["Package.swift": $0] })
        #expect(found.isEmpty, "\(found.map(\.description).joined(separator: "\n"))")
    }

    /// Every target under Sources/ has its section, and every section is a target (or a module
    /// about to be added is at least a directory): the page is the whole map.
    @Test func theMapListsExactlyTheModulesUnderSources() throws {
        let map = try ImportRuleTests.map()
        let sources = Set(try SourceScanner.sourceImports(root: ImportRuleTests.root).keys)
        #expect(Set(map.order) == sources, "only in the page: \(Set(map.order).subtracting(sources).sorted()); only under Sources/: \(sources.subtracting(map.order).sorted())")
    }

    /// The map only points up the page: a module may import only modules listed before it.
    @Test func theMapPointsOneWay() throws {
        let map = try ImportRuleTests.map()
        for (index, module) in map.order.enumerated() {
            let earlier = Set(map.order[..<index])
            let ownModules = (map.allowed[module] ?? []).filter { map.allowed[$0] != nil }
            #expect(ownModules.isSubset(of: earlier), "`\(module)` may import \(ownModules.subtracting(earlier).sorted()), listed after it")
        }
    }

    /// The check itself bites: the driver importing the writers, the compiler importing the
    /// driver, an import the page does not list, and an unlisted module are each reported.
    @Test func aForbiddenImportIsReported() throws {
        let map = try ImportRuleTests.map()
        let driverToOutput = ImportRuleTests.violations(map: map, edges: ["LQLPostgres": ["Sources/LQLPostgres/Connection.swift": ["CLibPQ", "LQLOutput"]]])
        #expect(driverToOutput == [Violation(module: "LQLPostgres", imported: "LQLOutput", place: "Sources/LQLPostgres/Connection.swift",
                                             rule: "the driver never sees LQL or a writer")])
        #expect(ImportRuleTests.violations(map: map, edges: ["LQLCheck": ["x.swift": ["LQLPostgres"]]]).count == 1)
        #expect(ImportRuleTests.violations(map: map, edges: ["LQLDoctor": ["x.swift": ["LQLRepl"]]]).map(\.imported) == ["LQLRepl"])
        #expect(ImportRuleTests.violations(map: map, edges: ["LQLNew": ["x.swift": ["LQL"]]]).count == 1)
        #expect(ImportRuleTests.violations(map: map, edges: ["LQLTenancy": ["x.swift": ["Foundation", "LQLPostgres"]]]).isEmpty)
        // Through Package.swift too.
        let manifest = #".target(name: "LQLPostgres", dependencies: ["CLibPQ", "LQLOutput", .product(name: "Crypto", package: "swift-crypto")]),"#
        let deps = SourceScanner.packageDependencies(manifest)
        #expect(deps == ["LQLPostgres": ["CLibPQ", "LQLOutput", "Crypto"]])
        #expect(ImportRuleTests.violations(map: map, edges: deps.mapValues { ["Package.swift": $0] }).map(\.imported).sorted() == ["Crypto", "LQLOutput"])
    }

    @Test func importLinesAreRecognised() {
        let source = """
            import Foundation
            @testable import LQLPostgres
            @_exported import LQLSystem
            import struct LQLOutput.OutputColumn
            public import LQLSQL
            // import LQLRepl
            let x = "import LQLCommands"
            """
        #expect(SourceScanner.importedModules(in: source) == ["Foundation", "LQLPostgres", "LQLSystem", "LQLOutput", "LQLSQL"])
    }

    /// Only LQLTenancy sets tenant settings: `set_config` appears in no other module, except the
    /// examples' migrator, which sets `search_path` to apply a migration to one tenant schema.
    @Test func onlyTenancySetsTenantSettings() throws {
        let exempt: Set<String> = ["Sources/LQLCluster/Examples/TenantSchemaMigrator.swift"]
        let sources = ImportRuleTests.root.appendingPathComponent("Sources")
        var offenders: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: sources.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift"), !relative.hasPrefix("LQLTenancy/") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            if text.lowercased().contains("set_config") || text.contains("SET LOCAL") || text.contains("SET app.") {
                if !exempt.contains("Sources/" + relative) { offenders.append("Sources/" + relative) }
            }
        }
        #expect(offenders.isEmpty, "tenant settings outside LQLTenancy: \(offenders)")
    }
}
