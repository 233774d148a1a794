import ArgumentParser

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "(being built)")
    func run() throws {
        throw CommandFailure(.usage, "lql schema: not built yet")
    }
}
