import ArgumentParser

struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repl", abstract: "(being built)")
    func run() throws {
        throw CommandFailure(.usage, "lql repl: not built yet")
    }
}
