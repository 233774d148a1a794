import ArgumentParser
import Foundation
import LQL
import LQLPostgres
import LQLOutput
import LQLRepl

/// `lql` / `lql repl`: the prompt on a terminal; a script read from stdin otherwise (no prompt,
/// no history, stop at the first error); `lql -e 'query'` runs one query like `lql run -e`.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl", abstract: "The interactive prompt (reads a script from stdin when it is not a terminal).")
    @OptionGroup var schema: SchemaOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputArguments
    @Option(name: .short, help: "Run one query and exit.") var e: String?
    @Option(name: .long, help: "A parameter value, name=value (repeatable).") var param: [String] = []

    func run() throws {
        let frontEnd = try CompilerFrontEnd(schema: schema)
        if let e {
            try ReportRunner(frontEnd: frontEnd, connection: connection, output: output, applicationName: "lql -e", origin: "expression")
                .compileAndRun(try SourceArgument.read(file: nil, expression: e), parameters: try ParameterArguments.parse(param))
            return
        }
        try PromptLauncher(frontEnd: frontEnd, connection: connection, format: output.format ?? frontEnd.defaultFormat ?? .table, quiet: connection.quiet).run()
    }
}

/// Opens a ReplSession on the resolved connection and tenant; shared by `lql` and `lql demo`.
struct PromptLauncher {
    let frontEnd: CompilerFrontEnd
    let connection: ConnectionOptions
    let format: OutputFormat
    var quiet = false
    var applicationName = "lql repl"

    func run() throws {
        let interactive = Terminal.isTerminal(0) && Terminal.isTerminal(1)
        // At a terminal the prompt opens without a tenant (to look around and pick one).
        let context = try DatabaseContext(options: connection, catalog: frontEnd.catalog, schemaPath: frontEnd.schemaPath,
                                          environment: frontEnd.environment, allowsNoTenant: interactive, applicationName: applicationName,
                                          allowUnscoped: frontEnd.allowsUnscopedRuns, defaultTenant: frontEnd.configuration?.defaultTenant,
                                          suggestsTenants: frontEnd.configuration?.suggestTenants ?? interactive)
        let session = ReplSession(catalog: frontEnd.catalog, schemaPath: frontEnd.schemaPath, connection: context.connection,
                                  tenant: context.tenant, scope: context.scope, format: format,
                                  useColor: frontEnd.environment.useColorOnStdout, interactive: interactive,
                                  environment: frontEnd.environment.variables)
        if !quiet {
            // The session adds the time zone in use (known once the tenant is resolved) and the help.
            session.bannerHead = "lql \(LQLVersion.number) · database \(context.connection.database)"
                + (context.tenant.isEmpty ? "" : " · tenant \(context.tenant)")
        }
        let status = session.run()
        if status != 0 { throw CommandFailure(ExitStatus(rawValue: status) ?? .serverError) }
    }
}
