import ArgumentParser

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "doctor", abstract: "(being built)")
    func run() throws {
        throw CommandFailure(.usage, "lql doctor: not built yet")
    }
}
