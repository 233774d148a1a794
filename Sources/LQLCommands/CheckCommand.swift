import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(being built)")
    func run() throws {
        throw CommandFailure(.usage, "lql check: not built yet")
    }
}
