import LQLSystem
import ArgumentParser
import Foundation

/// `lql`: the root command. Without a subcommand it opens the prompt (or reads a script from
/// stdin when stdin is not a terminal); `lql -e 'query'` runs one query.
public struct LQLMain: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lql",
        abstract: "A typed, tenant-aware query language over a Prisma schema, compiled to PostgreSQL.",
        discussion: """
            Exit codes: 0 ok, 1 compile or type error, 2 usage, 3 connection or server error, 4 no such tenant.
            """,
        version: LQLVersion.string,
        subcommands: [ReplCommand.self, RunCommand.self, CheckCommand.self, CompileCommand.self,
                      SchemaCommand.self, DoctorCommand.self, DemoCommand.self, FmtCommand.self, LSPCommand.self, MCPCommand.self],
        defaultSubcommand: ReplCommand.self
    )
    public init() {}

    /// Parses the command line, runs the command, and exits with lql's documented status:
    /// usage errors are 2 (ArgumentParser's own default is 64).
    public static func runAndExit(arguments: [String]? = nil) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(ExitStatus.ok.rawValue)
        } catch let failure as CommandFailure {
            if let message = failure.message { StandardStreams.error(message) }
            Foundation.exit(failure.status.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, --version: ArgumentParser's clean exits.
                StandardStreams.write(fullMessage(for: error) + "\n")
                Foundation.exit(0)
            }
            StandardStreams.error(fullMessage(for: error))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
    }
}

public enum LQLVersion {
    public static let string = "0.1.0"
}
