import LQLSystem
import ArgumentParser
import Foundation

/// Options every `lql demo` form shares.
struct DemoOptions: ParsableArguments {
    @Option(name: .long, help: "Where the private cluster lives.")
    var dir: String = ".lql/demo"

    @Option(name: .long, help: "Which example: leora (row-level security), supply-chain (one schema per tenant) or helpdesk (an lql.toml: Organization with uuid ids, a schema folder).")
    var example: String = "leora"

    @Option(name: .long, help: "Data size: 1 ≈ 1,000 orders for the largest tenant; grows linearly.")
    var scale: Int?

    func cluster() throws -> DemoCluster {
        guard let ex = DemoExample.named(example) else {
            throw CommandFailure(.usage, "lql demo: no example named `\(example)`; known: \(DemoExample.all.map(\.name).joined(separator: ", "))")
        }
        if let scale, scale < 1 { throw CommandFailure(.usage, "lql demo: --scale must be 1 or more") }
        let env = CommandEnvironment()
        let dirPath = dir.hasPrefix("/") ? dir : env.workingDirectory + "/" + dir
        return try DemoCluster(example: ex, directory: dirPath, examplesDirectory: try ExamplesLocator.locate(environment: env))
    }
}

/// `lql demo`: the embedded default — a private PostgreSQL with the example loaded, then the
/// prompt on it (or, with no terminal, every saved report run once).
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run lql on a private PostgreSQL cluster with an example loaded: Leora (default) or supply-chain (no setup).",
        subcommands: [DemoOpen.self, DemoStart.self, DemoStop.self, DemoReset.self],
        defaultSubcommand: DemoOpen.self)
}

struct DemoOpen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Start the demo cluster if needed and open the prompt (or run the reports without a terminal).")
    @OptionGroup var options: DemoOptions
    @OptionGroup var output: OutputArguments

    func run() throws {
        let demo = try options.cluster()
        try demo.ensureReady(scale: options.scale) { StandardStreams.error($0) }
        try DemoSession(demo: demo, output: output).run()
    }
}

struct DemoStart: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start the demo cluster, leave it running, and print the variables that point lql at it.")
    @OptionGroup var options: DemoOptions

    func run() throws {
        let demo = try options.cluster()
        try demo.ensureReady(scale: options.scale) { StandardStreams.error($0) }
        StandardStreams.write(demo.exports())
    }
}

struct DemoStop: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop the demo cluster.")
    @OptionGroup var options: DemoOptions

    func run() throws {
        try options.cluster().stop()
    }
}

struct DemoReset: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Rebuild the demo cluster from scratch.")
    @OptionGroup var options: DemoOptions

    func run() throws {
        let demo = try options.cluster()
        demo.destroy()
        let fresh = try options.cluster()
        try fresh.ensureReady(scale: options.scale ?? 1) { StandardStreams.error($0) }
        StandardStreams.write(fresh.exports())
    }
}
