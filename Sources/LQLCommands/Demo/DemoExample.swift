import LQLCluster
import Foundation

/// One example database lql can set up by itself: where its files are, how to load them, who
/// reads it, and which tenant the prompt opens on.
struct DemoExample: Sendable {
    let name: String
    let database: String
    /// Relative to the examples directory.
    let schemaFile: String
    let reportsDirectory: String
    let loading: Loading
    let readerRole: String
    let defaultTenant: String
    /// The example's `lql.toml` (relative to the examples directory), for an example whose
    /// tenancy is configured rather than Leora's conventions.
    var configFile: String? = nil

    enum Loading: Sendable {
        /// Trusted SQL files run in order, as the owner, each as one text, then `seedCall` with
        /// the scale as `$1`.
        case scripts(files: [String], seedCall: String)
        /// A schema-per-tenant example directory, loaded by `SupplyChainExample`.
        case schemaPerTenant(directory: String)
    }

    static let leora = DemoExample(
        name: "leora", database: "leora",
        schemaFile: "leora/schema.prisma", reportsDirectory: "reports",
        loading: .scripts(files: ["leora/migrations/0001_init/migration.sql", "leora/rls.sql", "leora/roles.sql", "leora/seed.sql"],
                          seedCall: "SELECT leora_seed($1::int)"),
        readerRole: "lql_reader", defaultTenant: "well-crafted")

    static let supplyChain = DemoExample(
        name: "supply-chain", database: "supply_chain",
        schemaFile: "supply-chain/schema.prisma", reportsDirectory: "supply-chain/reports",
        loading: .schemaPerTenant(directory: "supply-chain"),
        readerRole: "lql_reader", defaultTenant: "acme")

    /// An Organization root with uuid ids and `organizationId` keys, a model scoped through its
    /// ticket, implicit many-to-many relations, a schema folder and an lql.toml.
    static let helpdesk = DemoExample(
        name: "helpdesk", database: "helpdesk",
        schemaFile: "helpdesk/schema", reportsDirectory: "helpdesk/reports",
        loading: .scripts(files: HelpdeskExample.files.map { "helpdesk/" + $0 }, seedCall: HelpdeskExample.seedCall),
        readerRole: "lql_reader", defaultTenant: "northwind", configFile: "helpdesk/lql.toml")

    static let all: [DemoExample] = [.leora, .supplyChain, .helpdesk]

    static func named(_ name: String) -> DemoExample? { all.first { $0.name == name } }
}

/// Finds the `examples/` directory lql ships: beside the working directory (a checkout), or
/// above the executable (`.build/debug/lql` in a checkout), `PREFIX/share/lql/examples` beside an
/// installed `PREFIX/bin/lql`, or `LQL_EXAMPLES`.
enum ExamplesLocator {
    static func locate(environment: CommandEnvironment) throws -> String {
        var candidates: [String] = []
        if let explicit = environment["LQL_EXAMPLES"] { candidates.append(explicit) }
        var dir = environment.workingDirectory
        for _ in 0..<4 {
            candidates.append(dir + "/examples")
            dir = (dir as NSString).deletingLastPathComponent
        }
        // The running binary itself (found through PATH, argv[0] may be a bare name): an
        // installed lql keeps its examples in PREFIX/share/lql, a checkout's build above it.
        let exePath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var exe = URL(fileURLWithPath: exePath).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(exe.deletingLastPathComponent().appendingPathComponent("share/lql/examples").path)
        for _ in 0..<5 {
            candidates.append(exe.appendingPathComponent("examples").path)
            exe = exe.deletingLastPathComponent()
        }
        for c in candidates where FileManager.default.fileExists(atPath: c + "/leora/rls.sql") {
            return c
        }
        throw CommandFailure(.usage, "lql: cannot find lql's examples/ directory; run lql from its checkout or set LQL_EXAMPLES")
    }
}
