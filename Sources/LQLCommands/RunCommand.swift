import ArgumentParser

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "(being built)")
    func run() throws {
        throw CommandFailure(.usage, "lql run: not built yet")
    }
}
