import Foundation
import LQLCommands
import LQLMCP

// `lql mcp` execs this binary with its own arguments (`mcp --tenant …`); the options are parsed
// by the same command as in lql, which then hands the resolved connection and tenant here.
MCPServerHook.serve = { startup in
    let session = TenantSession(connection: startup.connection, scope: startup.scope, tenant: startup.tenant)
    let server = LQLMCPServer(.init(catalog: startup.catalog, session: session,
                                    reportsDirectory: startup.reportsDirectory, auditLog: startup.auditLog))
    let finished = DispatchSemaphore(value: 0)
    let failure = FailureBox()
    Task.detached {
        do { try await server.serve() } catch { failure.error = error }
        finished.signal()
    }
    finished.wait()
    if let error = failure.error { throw error }
}

private final class FailureBox: @unchecked Sendable {
    var error: Error?
}

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first != "mcp" { arguments.insert("mcp", at: 0) }
LQLMain.runAndExit(arguments: arguments)
