import ArgumentParser
import Foundation
import LQL
import LQLMCP
import LQLPostgres
import LQLTenancy
import LQLAudit

/// `lql mcp --tenant SLUG`: a Model Context Protocol server on stdin/stdout for an AI assistant.
/// The schema, connection and tenant are resolved here, once, before the first message: an
/// unknown tenant or a failed connection ends the process with lql's exit codes (4, 3) and the
/// assistant's calls cannot change any of them.
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve one tenant, read-only, to an AI assistant over the Model Context Protocol (stdio).")
    @OptionGroup var schema: SchemaOptions
    @OptionGroup var connection: ConnectionOptions
    @Option(name: .long, help: "Directory of saved reports offered as resources (default: lql's examples/reports).")
    var reports: String?

    /// The statement timeout when --timeout is not given: an assistant's query should not hold a
    /// backend for minutes.
    static let defaultTimeoutSeconds = 30.0

    func run() throws {
        let frontEnd = try CompilerFrontEnd(schema: schema)
        var options = connection
        if options.timeout == nil { options.timeout = MCPCommand.defaultTimeoutSeconds }
        let context = try DatabaseContext(options: options, catalog: frontEnd.catalog, schemaPath: frontEnd.schemaPath,
                                          environment: frontEnd.environment)
        let session: TenantSession
        do {
            session = try TenantSession(connection: context.connection, scope: context.scope, tenantName: context.tenant)
        } catch {
            throw DatabaseContext.failure(for: error)
        }
        let reportsDirectory = reports ?? MCPCommand.defaultReports(schemaPath: frontEnd.schemaPath, environment: frontEnd.environment)
        let server = LQLMCPServer(.init(catalog: frontEnd.catalog, session: session, reportsDirectory: reportsDirectory,
                                        auditLog: AuditLog(path: AuditLog.defaultPath(environment: frontEnd.environment.variables))))
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task.detached {
            do { try await server.serve() } catch { failure.error = error }
            finished.signal()
        }
        finished.wait()
        if let error = failure.error { throw CommandFailure(.serverError, "lql mcp: \(error)") }
    }
}

extension MCPCommand {
    /// `reports/` beside the schema (examples/supply-chain), else lql's own examples/reports.
    static func defaultReports(schemaPath: String, environment: CommandEnvironment) -> String? {
        let beside = (schemaPath as NSString).deletingLastPathComponent + "/reports"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: beside, isDirectory: &isDirectory), isDirectory.boolValue { return beside }
        return (try? ExamplesLocator.locate(environment: environment)).map { $0 + "/reports" }
    }
}

private final class FailureBox: @unchecked Sendable {
    var error: Error?
}
