// swift-tools-version:6.0
import PackageDescription

// The module map (docs/architecture.md, enforced by Tests/LQLArchitectureTests), in the order a
// query flows: text → tokens → syntax tree → typed query → SQL + binds → scope → rows → writer.
//   compiler   LQLSystem, LQLDiagnostics → LQLSyntax → LQLSchema → LQLCheck → LQLSQL → LQL (facade)
//              never sees a connection. LQLConfig (lql.toml → the schema reader's tenancy
//              configuration, via TOMLKit) is read by the commands, never by the compiler.
//   execution  LQLPostgres (libpq driver only; rows leave through its RowReceiver; never sees LQL)
//              → LQLTenancy (tenant lookup, strategies, the scoped transaction; the only module
//              that sets tenant settings) → LQLDoctor, LQLCluster (local/throwaway/demo clusters).
//   rows → writer  LQLOutput (never sees a connection), LQLAudit.
//   tools      LQLFormat (layout from tokens), LQLCompletion (shared by the prompt and the
//              language server) → LQLLanguageServer (LSP over stdio; no database);
//              LQLMCP (MCP server for an assistant; runs through LQLTenancy like lql run).
//   programs   LQLRepl (WriterRows joins driver rows to writers) → LQLCommands → lql;
//              lql-mcp (LQLCommands + LQLMCP), which `lql mcp` execs.
// A dependency here must be on the module's "May import" line there; a new module gets its
// section there first.
let package = Package(
    name: "lql",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "LQL", targets: ["LQL"]),
        .executable(name: "lql", targets: ["lql"]),
        .executable(name: "lql-mcp", targets: ["lql-mcp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        // `lql mcp` only: the SDK's MCP library target (stdio transport; no SwiftNIO on Linux).
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
    ],
    targets: [
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq",
                       providers: [.apt(["libpq-dev"]), .brew(["libpq"])]),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit",
                       providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
        .target(name: "CSignals", dependencies: ["CLibPQ"]),

        // POSIX stand-ins for the few Foundation calls the run path made (environment, files,
        // trimming): no Foundation there keeps `lql run`'s memory small.
        .target(name: "LQLSystem"),
        .target(name: "LQLDiagnostics"),
        .target(name: "LQLSyntax", dependencies: ["LQLDiagnostics"]),
        .target(name: "LQLSchema", dependencies: ["LQLDiagnostics", "LQLSystem"]),
        .target(name: "LQLCheck", dependencies: ["LQLDiagnostics", "LQLSyntax", "LQLSchema", "LQLSystem"]),
        .target(name: "LQLSQL", dependencies: ["LQLCheck", "LQLSchema"]),
        // lql.toml (configuration.md): read into LQLSchema's TenancyConfiguration and defaults,
        // so the schema reader and the compiler never touch the file.
        .target(name: "LQLConfig", dependencies: ["LQLDiagnostics", "LQLSchema", "LQLSystem", .product(name: "TOMLKit", package: "TOMLKit")]),
        .target(name: "LQL", dependencies: ["LQLDiagnostics", "LQLSyntax", "LQLSchema", "LQLCheck", "LQLSQL", "LQLSystem"]),
        .target(name: "LQLPostgres", dependencies: ["CLibPQ", "CSignals"]),
        .target(name: "LQLTenancy", dependencies: ["LQLPostgres", "LQLSQL", "LQLSchema", "LQLDiagnostics", "LQLSystem"]),
        .target(name: "LQLDoctor", dependencies: ["LQLPostgres", "LQLTenancy", "LQLSchema"]),
        .target(name: "LQLCluster", dependencies: ["LQLPostgres", "LQLTenancy", "LQLSystem", "CSignals"]),
        .target(name: "LQLOutput", dependencies: ["LQL"]),
        .target(name: "LQLHelp"),
        // `lql fmt`: layout from the token stream; needs only the syntax stage.
        .target(name: "LQLFormat", dependencies: ["LQLDiagnostics", "LQLSyntax"]),
        // Schema-aware completion, shared by the prompt and the language server.
        .target(name: "LQLCompletion", dependencies: ["LQLDiagnostics", "LQLSyntax", "LQLSchema"]),
        // `lql lsp`: the language server (JSON over stdio; Foundation here, off the query run path).
        .target(name: "LQLLanguageServer", dependencies: ["LQL", "LQLDiagnostics", "LQLSchema", "LQLFormat", "LQLCompletion", "LQLSystem"]),
        .target(name: "LQLAudit", dependencies: ["LQLPostgres", "LQLTenancy", "LQLSQL", "LQLSyntax", "LQLDiagnostics", "LQLOutput", "LQLSystem"]),
        // `lql mcp`: the Model Context Protocol server (the SDK's MCP target: swift-system,
        // swift-log, FoundationNetworking; no SwiftNIO); runs queries through LQLTenancy like `lql run`.
        .target(name: "LQLMCP", dependencies: [
            "LQL", "LQLPostgres", "LQLTenancy", "LQLAudit", "LQLOutput", "LQLHelp", "LQLSystem", .product(name: "MCP", package: "swift-sdk"),
        ]),
        .target(name: "LQLRepl", dependencies: ["CLibEdit", "CSignals", "LQL", "LQLCompletion", "LQLPostgres", "LQLTenancy", "LQLOutput", "LQLSystem", "LQLHelp"]),
        .target(name: "LQLCommands", dependencies: [
            "LQL", "LQLConfig", "LQLPostgres", "LQLTenancy", "LQLDoctor", "LQLCluster", "LQLAudit", "LQLOutput", "LQLRepl", "LQLSystem",
            "LQLFormat", "LQLLanguageServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "lql", dependencies: ["LQLCommands"]),
        // `lql mcp` execs it: the SDK's MCP target brings FoundationNetworking (libcurl) on Linux,
        // kept out of the lql binary so `lql run` does not load it.
        .executableTarget(name: "lql-mcp", dependencies: ["LQLCommands", "LQLMCP"]),
        // Benchmarks (bench/README.md): build with -c release.
        .executableTarget(name: "lql-bench-compile", dependencies: ["LQL"], path: "bench/compile", exclude: ["queries.tsv", "prqlc_bench.py", "run.sh"], sources: ["main.swift"]),

        // Shared by the test targets: the throwaway Leora cluster and the lql binary runner.
        .target(name: "LQLTestSupport", dependencies: ["LQL", "LQLPostgres", "LQLTenancy", "LQLCluster", "CSignals"], path: "Tests/LQLTestSupport"),
        .testTarget(name: "LQLSystemTests", dependencies: ["LQLSystem"]),
        // Reads Package.swift, docs/architecture.md and Sources/: the module map's import rules.
        .testTarget(name: "LQLArchitectureTests"),
        .testTarget(name: "LQLSyntaxTests", dependencies: ["LQLSyntax"]),
        .testTarget(name: "LQLSchemaTests", dependencies: ["LQLSchema", "LQLConfig", "LQLTestSupport"], exclude: ["InitGolden"]),
        .testTarget(name: "LQLFormatTests", dependencies: ["LQLFormat", "LQLSyntax", "LQLTestSupport"]),
        .testTarget(name: "LQLLanguageServerTests", dependencies: ["LQLSyntax", "LQLTestSupport"]),
        .testTarget(name: "LQLCompileTests", dependencies: ["LQL", "LQLTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "LQLOutputTests", dependencies: ["LQLOutput"], exclude: ["Golden"]),
        .testTarget(name: "LQLReplTests", dependencies: ["LQLRepl", "LQL", "LQLPostgres", "LQLTenancy", "LQLOutput", "LQLTestSupport", "LQLHelp"]),
        .testTarget(name: "LQLSecurityTests", dependencies: ["LQL", "LQLPostgres", "LQLTenancy", "LQLDoctor", "LQLCluster", "LQLTestSupport"]),
        // Faults against real processes: PgBouncer, a hot standby, killed backends, restarts, load.
        .testTarget(name: "LQLFaultTests", dependencies: ["LQL", "LQLPostgres", "LQLTenancy", "LQLDoctor", "LQLCluster", "LQLOutput", "LQLRepl", "LQLTestSupport"]),
        .testTarget(name: "LQLMCPTests", dependencies: ["LQL", "LQLHelp", "LQLMCP", "LQLPostgres", "LQLTenancy", "LQLCluster", "LQLTestSupport"]),
        .testTarget(name: "LQLIntegrationTests", dependencies: ["LQL", "LQLPostgres", "LQLTenancy", "LQLDoctor", "LQLCluster", "LQLAudit", "LQLRepl", "LQLOutput", "LQLCommands", "LQLTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
