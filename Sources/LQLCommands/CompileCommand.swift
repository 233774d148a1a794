import ArgumentParser

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compile", abstract: "(being built)")
    func run() throws {
        throw CommandFailure(.usage, "lql compile: not built yet")
    }
}
