#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import LQL
import LQLAudit
import LQLPostgres
import LQLTenancy

/// `lql mcp --tenant SLUG`: a Model Context Protocol server on stdin/stdout for an AI assistant.
/// The schema, connection and tenant are resolved here, once, before the first message: an
/// unknown tenant or a failed connection ends the process with lql's exit codes (4, 3) and the
/// assistant's calls cannot change any of them.
///
/// The server itself is the `lql-mcp` executable beside `lql` (LQLMCP and the MCP SDK), which
/// `lql mcp` becomes with exec: the SDK's MCP target brings FoundationNetworking and with it
/// libcurl on Linux, which every `lql run` would otherwise load at start for nothing.
struct MCPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp",
        abstract: "Serve one tenant, read-only, to an AI assistant over the Model Context Protocol (stdio).")
    @OptionGroup var schema: SchemaOptions
    @OptionGroup var connection: ConnectionOptions
    @Option(name: .long, help: "Directory of saved reports offered as resources (default: reports/ beside the schema, else lql's examples/reports).")
    var reports: String?

    /// The statement timeout when --timeout is not given: an assistant's query should not hold a
    /// backend for minutes.
    static let defaultTimeoutSeconds = 30.0

    func run() throws {
        guard let serve = MCPServerHook.serve else { try MCPCommand.execServer() }
        let frontEnd = try CompilerFrontEnd(schema: schema)
        var options = connection
        if options.timeout == nil { options.timeout = MCPCommand.defaultTimeoutSeconds }
        let context = try DatabaseContext(options: options, catalog: frontEnd.catalog, schemaPath: frontEnd.schemaPath,
                                          environment: frontEnd.environment, allowUnscoped: frontEnd.allowsUnscopedRuns,
                                          defaultTenant: frontEnd.configuration?.defaultTenant,
                                          // An assistant must never learn other tenants' slugs.
                                          suggestsTenants: false)
        let tenant: Tenant
        do {
            tenant = try context.scope.resolve(context.tenant, on: context.connection)
        } catch {
            throw DatabaseContext.failure(for: error)
        }
        let startup = MCPStartup(
            catalog: frontEnd.catalog, connection: context.connection, scope: context.scope, tenant: tenant,
            reportsDirectory: reports ?? MCPCommand.defaultReports(schemaPath: frontEnd.schemaPath, environment: frontEnd.environment),
            auditLog: AuditLog(path: AuditLog.defaultPath(environment: frontEnd.environment.variables)))
        do {
            try serve(startup)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(.serverError, "lql mcp: \(error)")
        }
    }

    /// Replaces this process with `lql-mcp` from lql's own directory, same arguments.
    static func execServer() throws -> Never {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let exe = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                        : URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let server = (exe as NSString).deletingLastPathComponent + "/lql-mcp"
        let argv = [server] + CommandLine.arguments.dropFirst()
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cargs.append(nil)
        execv(server, cargs)
        throw CommandFailure(.usage, "lql mcp: cannot start \(server): \(String(cString: strerror(errno))) (it is built and installed beside lql)")
    }

    /// `reports/` beside the schema (examples/supply-chain), else lql's own examples/reports.
    static func defaultReports(schemaPath: String, environment: CommandEnvironment) -> String? {
        let beside = (schemaPath as NSString).deletingLastPathComponent + "/reports"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: beside, isDirectory: &isDirectory), isDirectory.boolValue { return beside }
        return (try? ExamplesLocator.locate(environment: environment)).map { $0 + "/reports" }
    }
}

/// What `lql mcp` resolved before serving: everything the server may read from, fixed.
public struct MCPStartup {
    public let catalog: Catalog
    public let connection: Connection
    public let scope: TenantScope
    public let tenant: Tenant
    public let reportsDirectory: String?
    public let auditLog: AuditLog
}

/// Set by the `lql-mcp` executable before it parses its arguments: the server to run.
public enum MCPServerHook {
    nonisolated(unsafe) public static var serve: ((MCPStartup) throws -> Void)?
}
