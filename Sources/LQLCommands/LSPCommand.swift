import ArgumentParser
import Foundation
import LQLLanguageServer
import LQLSystem

/// `lql lsp`: the language server on stdin/stdout, for any editor with an LSP client
/// (editors/README.md). The schema is the workspace's, found like the other commands find it.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp", abstract: "A Language Server Protocol server on stdio (diagnostics, completion, hover, formatting…).")
    @Option(help: "The Prisma schema (default: LQL_SCHEMA, prisma/schema.prisma or schema.prisma in the workspace).")
    var schema: String?

    func run() throws {
        let environment = CommandEnvironment()
        let server = LanguageServer(version: LQLVersion.string, schemaPath: schema, environment: environment.variables,
                                    workingDirectory: environment.workingDirectory)
        let status = server.run()
        if status != 0 { throw CommandFailure(.compileError) }
    }
}
