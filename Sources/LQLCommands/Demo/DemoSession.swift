import LQLSystem
import Foundation
import LQL

/// What `lql demo` does once the database is ready: the prompt as `lql_reader` on the default
/// tenant when on a terminal; otherwise every saved report, each run once with its defaults.
struct DemoSession {
    let demo: DemoCluster
    let output: OutputArguments

    func run() throws {
        // Option groups only hold values when parsed, so the demo's settings go in as arguments.
        // An example with its own lql.toml reads that one, never the working directory's.
        let schemaArguments = ["--schema", demo.schemaPath] + (demo.configPath.map { ["--config", $0] } ?? [])
        let frontEnd = try CompilerFrontEnd(schema: try SchemaOptions.parse(schemaArguments),
                                            useConfiguration: demo.configPath != nil)
        let connection = try ConnectionOptions.parse(["--db", demo.readerURL, "--tenant", demo.example.defaultTenant])
        if Terminal.isTerminal(0) && Terminal.isTerminal(1) {
            try PromptLauncher(frontEnd: frontEnd, connection: connection, format: output.format ?? .table,
                               applicationName: "lql demo").run()
            return
        }
        let reportsDir = demo.examplesDirectory + "/" + demo.example.reportsDirectory
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: reportsDir)) ?? [])
            .filter { $0.hasSuffix(".lql") }.sorted()
        let runner = ReportRunner(frontEnd: frontEnd, connection: connection, output: output, applicationName: "lql demo")
        for file in files {
            StandardStreams.write("== \(file)\n")
            try runner.compileAndRun(try CompilerFrontEnd.readSource(path: reportsDir + "/" + file), parameters: [:])
            StandardStreams.write("\n")
        }
    }
}
