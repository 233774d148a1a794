import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLAudit
import LQLSystem
import MCP

/// `lql mcp`: the Model Context Protocol server. Everything that decides what may be read is
/// fixed here at start — the catalog (schema), the connection and the resolved tenant — and no
/// tool argument can reach any of it. Tools: describe_schema, check_query, compile_query,
/// run_query; resources: the language reference and the example reports.
public final class LQLMCPServer: Sendable {
    public struct Settings: Sendable {
        public var catalog: Catalog
        public var session: TenantSession
        public var reportsDirectory: String?
        public var auditLog: AuditLog
        public init(catalog: Catalog, session: TenantSession, reportsDirectory: String?, auditLog: AuditLog) {
            self.catalog = catalog
            self.session = session
            self.reportsDirectory = reportsDirectory
            self.auditLog = auditLog
        }
    }

    let settings: Settings
    let tools: QueryTools
    let resources: ReportResources
    let calls: CallTracker
    let schemaAnswer: ToolAnswer

    public init(_ settings: Settings) {
        self.settings = settings
        tools = QueryTools(catalog: settings.catalog)
        resources = ReportResources(reportsDirectory: settings.reportsDirectory)
        calls = CallTracker()
        schemaAnswer = ToolAnswer(structured: SchemaValues.describe(settings.catalog), text: SchemaValues.text(settings.catalog), isError: false)
    }

    var tenantLabel: String { settings.session.tenant.slug }

    var instructions: String {
        """
        This server answers questions about tenant `\(tenantLabel)` of a multi-tenant database, read-only. \
        Queries are written in LQL (not SQL): read the resource \(LanguageReference.uri) first, call \
        describe_schema for the models, check_query to repair a query from its diagnostics, and run_query \
        for rows. The tenant, schema and connection are fixed by the server.
        """
    }

    /// Serves on `transport` until its input ends, then waits for calls still running.
    public func serve() async throws {
        try await serve(transport: LineTransport(intercept: { [self] line in
            DirectToolCalls.reply(to: line) { name, arguments in
                calls.begin()
                defer { calls.end() }
                return call(name, arguments)
            }
        }))
    }

    public func serve(transport: any Transport) async throws {
        let server = Server(name: "lql", version: LQLMCPServer.version, title: "lql (tenant \(tenantLabel))",
                            instructions: instructions,
                            capabilities: .init(resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
        let tenant = tenantLabel
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: ToolCatalog.tools(tenant: tenant)) }
        await server.withMethodHandler(CallTool.self) { [self] params in
            calls.begin()
            defer { calls.end() }
            return call(params.name, params.arguments)
        }
        await server.withMethodHandler(ListResources.self) { [resources] _ in ListResources.Result(resources: resources.ordered) }
        await server.withMethodHandler(ReadResource.self) { [resources] params in try resources.read(params.uri) }
        try await server.start(transport: transport)
        await server.waitUntilCompleted()
        // The SDK answers each request in its own task; the input ending must not cut them off.
        await calls.waitUntilIdle()
        await server.stop()
    }

    public static let version = "0.1.0"

    /// One tool call, answered and audited. Unknown tools are an error of the call, not of the protocol.
    func call(_ name: String, _ arguments: [String: Value]?) -> CallTool.Result {
        let started = Clock.monotonicSeconds()
        var audit = CallAudit(tool: name)
        let answer: ToolAnswer
        do throws(ToolRefusal) {
            guard let allowed = ToolCatalog.allowedArguments[name] else {
                throw ToolRefusal("unknown tool `\(name)`; the tools are " + ToolCatalog.allowedArguments.keys.sorted().joined(separator: ", "))
            }
            let args = try ToolArguments(arguments, allowed: allowed)
            switch name {
            case ToolCatalog.describeSchema:
                answer = schemaAnswer
            case ToolCatalog.checkQuery:
                let query = try args.requiredString("query")
                audit.source = query
                answer = tools.check(query)
                audit.outcome = (answer.structured.objectValue?["ok"]?.boolValue ?? false) ? "ok" : "error: compile"
            case ToolCatalog.compileQuery:
                let query = try args.requiredString("query")
                audit.source = query
                answer = tools.compileAnswer(query, parameters: try args.parameters())
                if answer.isError { audit.outcome = "error: compile" }
            default:
                let query = try args.requiredString("query")
                audit.source = query
                answer = run(query, parameters: try args.parameters(), limit: try args.optionalInt("limit"), audit: &audit)
            }
        } catch {
            audit.outcome = "refused"
            answer = ToolAnswer.refusal(error.message)
        }
        audit.durationMs = (Clock.monotonicSeconds() - started) * 1000
        // A run that reached the tenant scope was recorded there, as every path's statements are.
        if !audit.recordedByScope {
            settings.auditLog.append(audit.record(role: settings.session.databaseRole, tenant: settings.session.tenant))
        }
        return answer.result
    }

    /// `run_query`: compile (binds only), then the run path of `lql run` in the tenant's scope.
    func run(_ query: String, parameters: [String: String], limit requested: Int?, audit: inout CallAudit) -> ToolAnswer {
        let limit = min(requested ?? ToolCatalog.defaultRowLimit, ToolCatalog.maxRowLimit)
        guard limit >= 1 else { return ToolAnswer.refusal("`limit` must be at least 1") }
        let (source, result) = tools.compile(query, parameters: parameters, requireValues: true)
        guard let program = result.program, !result.hasErrors else {
            audit.outcome = "error: compile"
            return QueryTools.diagnosticsAnswer(result, source)
        }
        guard program.statements.count == 1, let statement = program.statements.first else {
            audit.outcome = "refused"
            return ToolAnswer.refusal("run_query runs exactly one output query (with any `let` and `param` before it); this text has \(program.statements.count). Run them one at a time.")
        }
        let queryID = AuditLog.queryID()
        audit.queryID = queryID
        audit.sql = statement.sql.text
        audit.bindCount = statement.sql.binds.count
        // The record's duration is the tenant transaction's, as `lql run` measures its own.
        let started = Clock.monotonicSeconds()
        defer { audit.transactionMs = (Clock.monotonicSeconds() - started) * 1000 }
        do {
            let rows = try settings.session.run(statement.sql, query: query, limit: limit, queryID: queryID,
                                                reachedScope: &audit.recordedByScope)
            audit.rows = rows.rows.count
            return RunAnswer.make(rows, statement: statement, limit: limit, queryID: queryID, tenant: tenantLabel)
        } catch {
            audit.outcome = AuditRecord.outcome(for: error)
            let message = (error as? PostgresError).map { ($0.isQueryCanceled ? "cancelled (statement timeout?): " : "") + $0.fullDescription } ?? "\(error)"
            return ToolAnswer(structured: .object(["error": .string(message), "queryId": .string(queryID)]),
                              text: "error: " + message, isError: true)
        }
    }
}

/// What one call leaves in the audit log: the same record as `lql run`'s, with the query id of
/// a run (the SQL carries it as `/* lql qid=… */`).
struct CallAudit {
    var tool: String
    var source = ""
    var sql = ""
    var bindCount = 0
    var rows = 0
    var durationMs = 0.0
    var outcome = "ok"
    var queryID: String?
    /// A run's tenant transaction; the record then carries it rather than the whole call.
    var transactionMs: Double?
    /// Set when run_query's statement was sent in the tenant scope, whose hook wrote its record.
    var recordedByScope = false

    /// The record of a call that ran nothing in the scope (a check, a compile, a refusal): the
    /// same format, the server's resolved tenant, the source without its literals.
    func record(role: String, tenant: Tenant) -> AuditRecord {
        AuditRecord(dbRole: role, tenantID: tenant.id, tenantSlug: tenant.slug, origin: "mcp", sourceText: source, sql: sql,
                    bindCount: bindCount, rows: rows, durationMs: transactionMs ?? durationMs, outcome: outcome, queryID: queryID)
    }
}

/// Counts tool calls in flight, so the server outlives the end of its input until they answer.
final class CallTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var running = 0

    func begin() { lock.withLock { running += 1 } }
    func end() { lock.withLock { running -= 1 } }

    func waitUntilIdle() async {
        // A request read just before the end of input may not have reached its handler yet.
        try? await Task.sleep(for: .milliseconds(20))
        while lock.withLock({ running }) > 0 { try? await Task.sleep(for: .milliseconds(2)) }
    }
}
