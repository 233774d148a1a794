// swift-tools-version:6.0
import PackageDescription

// Stages depend one way: Diagnostics → Syntax → (Schema) → Check → SQL → LQL (facade)
// → Postgres (driver) → Tenancy → Doctor / Cluster / Output / Audit → Repl → Commands → lql.
// Nothing below LQLPostgres imports libpq; the driver imports no LQL or output module.
let package = Package(
    name: "lql",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "LQL", targets: ["LQL"]),
        .executable(name: "lql", targets: ["lql"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .target(name: "LQL", dependencies: ["LQLDiagnostics", "LQLSyntax", "LQLSchema", "LQLCheck", "LQLSQL", "LQLSystem"]),
        .target(name: "LQLPostgres", dependencies: ["CLibPQ", "CSignals"]),
        .target(name: "LQLTenancy", dependencies: ["LQLPostgres", "LQLSQL", "LQLSchema", "LQLDiagnostics", "LQLSystem"]),
        .target(name: "LQLDoctor", dependencies: ["LQLPostgres", "LQLTenancy", "LQLSchema"]),
        .target(name: "LQLCluster", dependencies: ["LQLPostgres", "LQLTenancy", "LQLSystem", "CSignals"]),
        .target(name: "LQLOutput", dependencies: ["LQL"]),
        .target(name: "LQLAudit", dependencies: ["LQLPostgres", "LQLOutput", "LQLSystem"]),
        .target(name: "LQLRepl", dependencies: ["CLibEdit", "CSignals", "LQL", "LQLPostgres", "LQLTenancy", "LQLOutput", "LQLSystem"]),
        .target(name: "LQLCommands", dependencies: [
            "LQL", "LQLPostgres", "LQLTenancy", "LQLDoctor", "LQLCluster", "LQLAudit", "LQLOutput", "LQLRepl", "LQLSystem",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "lql", dependencies: ["LQLCommands"]),
        // Benchmarks (bench/README.md): build with -c release.
        .executableTarget(name: "lql-bench-compile", dependencies: ["LQL"], path: "bench/compile", exclude: ["queries.tsv", "prqlc_bench.py", "run.sh"], sources: ["main.swift"]),

        // Shared by the test targets: the throwaway Leora cluster and the lql binary runner.
        .target(name: "LQLTestSupport", dependencies: ["LQL", "LQLPostgres", "LQLTenancy", "LQLCluster", "CSignals"], path: "Tests/LQLTestSupport"),
        .testTarget(name: "LQLSystemTests", dependencies: ["LQLSystem"]),
        .testTarget(name: "LQLSyntaxTests", dependencies: ["LQLSyntax"]),
        .testTarget(name: "LQLSchemaTests", dependencies: ["LQLSchema"]),
        .testTarget(name: "LQLCompileTests", dependencies: ["LQL"], exclude: ["Golden"]),
        .testTarget(name: "LQLOutputTests", dependencies: ["LQLOutput"], exclude: ["Golden"]),
        .testTarget(name: "LQLReplTests", dependencies: ["LQLRepl", "LQL", "LQLPostgres", "LQLTenancy", "LQLOutput", "LQLTestSupport"]),
        .testTarget(name: "LQLSecurityTests", dependencies: ["LQL", "LQLPostgres", "LQLTenancy", "LQLCluster", "LQLTestSupport"]),
        // Faults against real processes: PgBouncer, a hot standby, killed backends, restarts, load.
        .testTarget(name: "LQLFaultTests", dependencies: ["LQL", "LQLPostgres", "LQLTenancy", "LQLDoctor", "LQLCluster", "LQLOutput", "LQLRepl", "LQLTestSupport"]),
        .testTarget(name: "LQLIntegrationTests", dependencies: ["LQL", "LQLPostgres", "LQLTenancy", "LQLDoctor", "LQLCluster", "LQLAudit", "LQLRepl", "LQLOutput", "LQLCommands", "LQLTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
