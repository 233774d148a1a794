import LQLPostgres
import LQLSQL
import LQLSystem

/// What the statements of one tenant scope were compiled from, for the audit hook
/// (`TenantScope.onStatement`). Every way of running LQL passes one: the prompt, `\i`, a script
/// on stdin, `lql run`, `-e`, the MCP server's run_query.
public struct ScopeSource: Sendable {
    /// The LQL text, as given; the audit log removes its literal values before writing it.
    public var text: String
    /// How it was run: one of `ScopeSource.origins`.
    public var origin: String
    /// Every statement of the scope is sent as `/* lql qid=<id> */ …`, so a record can be
    /// matched with `pg_stat_activity` and the server's log.
    public var queryID: String

    public init(text: String, origin: String, queryID: String = QueryTag.newID()) {
        self.text = text
        self.origin = origin
        self.queryID = queryID
    }

    /// `prompt` (typed at the terminal), `include` (`\i FILE`), `stdin` (a script piped to
    /// `lql`), `run` (`lql run FILE`), `expression` (`lql -e`, `lql run -e`), `mcp` (run_query);
    /// `unknown` when a caller of the scope named none.
    public static let origins = ["prompt", "include", "stdin", "run", "expression", "mcp", "unknown"]
}

/// One statement a tenant scope ran, as its audit hook hears of it once the scope has ended
/// (COMMIT or ROLLBACK): the resolved tenant, the role, the compiled SQL (without its tag) and
/// what came of it. Bind values travel only inside `sql.binds`; the audit log records their count.
public struct ScopedStatement {
    public var tenant: Tenant
    public var role: String
    public var source: ScopeSource
    public var sql: SQLStatement
    /// Rows read from the server.
    public var rows: Int
    public var durationMs: Double
    /// The statement's own failure, or the scope's when the statement's rows were still being
    /// read as it ended; nil when it ran to the end.
    public var error: (any Error)?
}

/// Query ids and the comment that carries them.
public enum QueryTag {
    /// 12 random hex digits.
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<6).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }

    /// `/* lql qid=<id> */ <sql>`. An id that is not all hex digits is left out rather than put
    /// into SQL text, so the comment cannot be closed early.
    public static func tagged(_ sql: String, queryID: String) -> String {
        guard !queryID.isEmpty, queryID.allSatisfy(\.isHexDigit) else { return sql }
        return "/* lql qid=\(queryID) */ " + sql
    }
}

/// The statements one audited scope ran, in order; told to the hook when the scope ends. A
/// statement is written down before it is sent, so one that fails (or is cancelled) is recorded too.
final class StatementLedger {
    private struct Entry {
        var sql: SQLStatement
        /// The source text when the statement was sent (`attribute(toSource:)` may change it later).
        var sourceText: String
        var started: Double
        var durationMs: Double?
        var rows = 0
        var stream: RowStream?
        var error: (any Error)?
    }

    var source: ScopeSource
    private var entries: [Entry] = []

    init(source: ScopeSource) {
        self.source = source
    }

    /// Runs `send` with the tagged statement and notes how it went; `rows` reads the count from
    /// a result.
    func run<T>(_ statement: SQLStatement, rows: (T) -> Int, _ send: (SQLStatement) throws -> T) throws -> T {
        var tagged = statement
        tagged.text = QueryTag.tagged(statement.text, queryID: source.queryID)
        let started = Clock.monotonicSeconds()
        do {
            let result = try send(tagged)
            entries.append(Entry(sql: statement, sourceText: source.text, started: started, durationMs: Self.since(started), rows: rows(result)))
            return result
        } catch {
            entries.append(Entry(sql: statement, sourceText: source.text, started: started, durationMs: Self.since(started), error: error))
            throw error
        }
    }

    /// A statement whose rows the caller reads one by one: its count and time are taken when the scope ends.
    func runStreaming(_ statement: SQLStatement, _ send: (SQLStatement) throws -> RowStream) throws -> RowStream {
        var tagged = statement
        tagged.text = QueryTag.tagged(statement.text, queryID: source.queryID)
        let started = Clock.monotonicSeconds()
        do {
            let stream = try send(tagged)
            entries.append(Entry(sql: statement, sourceText: source.text, started: started, stream: stream))
            return stream
        } catch {
            entries.append(Entry(sql: statement, sourceText: source.text, started: started, durationMs: Self.since(started), error: error))
            throw error
        }
    }

    /// Tells `hook` of every statement, in order; `scopeError` is how the scope ended.
    func report(to hook: (ScopedStatement) -> Void, tenant: Tenant, role: String, scopeError: (any Error)?) {
        for entry in entries {
            var source = source
            source.text = entry.sourceText
            let streamDone = entry.stream.map { $0.commandTag != nil } ?? true
            hook(ScopedStatement(tenant: tenant, role: role, source: source, sql: entry.sql,
                                 rows: entry.stream?.rowsRead ?? entry.rows,
                                 durationMs: entry.durationMs ?? Self.since(entry.started),
                                 error: entry.error ?? (streamDone ? nil : scopeError)))
        }
        entries.removeAll()
    }

    static func since(_ started: Double) -> Double { (Clock.monotonicSeconds() - started) * 1000 }
}
