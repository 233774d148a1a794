#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LQLOutput
import LQLPostgres
import LQLSystem
import LQLTenancy
import Synchronization

/// One line of the audit log: who ran what, as which role, for which tenant, with what result;
/// one record per statement run in a tenant scope (docs/audit-log.md, format `version` 2).
/// Values are never recorded (they may be customer data): not the binds (only how many there
/// were), and not the literals of the source, which is kept with each literal replaced by `?`.
public struct AuditRecord: Sendable {
    /// The record format; 2 since records carry the resolved tenant, the origin and the source
    /// without its literal values (1 had `tenant` as typed and the source as written).
    public static let formatVersion = 2

    /// ISO-8601, UTC, with milliseconds.
    public var time: String
    public var osUser: String
    public var dbRole: String
    /// The tenant the scope was resolved to (its key and slug), whatever was typed to name it.
    public var tenantID: String
    public var tenantSlug: String
    /// How the statement was run (`ScopeSource.origins`): prompt, include, stdin, run, expression, mcp.
    public var origin: String
    /// SHA-256 (hex) of `sourceText`: of the source without its values, so the hash cannot be
    /// used to confirm a guessed value either.
    public var sourceHash: String
    /// The LQL source with every literal value replaced by `?` and comments emptied (SourceRedaction).
    public var sourceText: String
    /// SHA-256 (hex) of the SQL text sent (without bind values or the query-id tag).
    public var sqlHash: String
    public var bindCount: Int
    public var rows: Int
    public var durationMs: Double
    /// "ok", or "error: <SQLSTATE>".
    public var outcome: String
    public var queryID: String?

    /// `sourceText` is the source as given: the record keeps it only with its values removed.
    public init(time: Double = Clock.wallSeconds(), osUser: String = AuditRecord.currentOSUser(), dbRole: String,
                tenantID: String, tenantSlug: String, origin: String,
                sourceText: String, sql: String, bindCount: Int, rows: Int, durationMs: Double, outcome: String,
                queryID: String? = nil) {
        self.time = AuditRecord.iso8601(time)
        self.osUser = osUser
        self.dbRole = dbRole
        self.tenantID = tenantID
        self.tenantSlug = tenantSlug
        self.origin = origin
        self.sourceText = SourceRedaction.redacted(sourceText)
        self.sourceHash = SHA256.hex(self.sourceText)
        self.sqlHash = SHA256.hex(sql)
        self.bindCount = bindCount
        self.rows = rows
        self.durationMs = durationMs
        self.outcome = outcome
        self.queryID = queryID
    }

    /// The record of one statement a tenant scope ran.
    public init(_ statement: ScopedStatement) {
        self.init(dbRole: statement.role, tenantID: statement.tenant.id, tenantSlug: statement.tenant.slug,
                  origin: statement.source.origin, sourceText: statement.source.text, sql: statement.sql.text,
                  bindCount: statement.sql.binds.count, rows: statement.rows, durationMs: statement.durationMs,
                  outcome: AuditRecord.outcome(for: statement.error), queryID: statement.source.queryID)
    }

    /// "ok" or "error: 42501" (or "error" when the failure had no SQLSTATE, e.g. a lost connection).
    public static func outcome(for error: (any Error)?) -> String {
        guard let error else { return "ok" }
        if let pg = error as? PostgresError, let state = pg.sqlState { return "error: \(state)" }
        return "error"
    }

    public static func currentOSUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessEnvironment.current()["USER"] ?? String(geteuid())
    }

    /// `2026-11-22T10:15:30.123Z`, by hand with gmtime_r: ISO8601DateFormatter loads ICU's
    /// calendar data, which cost `lql run` a few MiB of memory for one timestamp.
    static func iso8601(_ secondsSince1970: Double) -> String {
        // Rounded to the nearest millisecond, as Foundation's formatter does.
        let totalMillis = Int64((secondsSince1970 * 1000).rounded())
        let millis = ((totalMillis % 1000) + 1000) % 1000
        var whole = time_t((totalMillis - millis) / 1000)
        var t = tm()
        gmtime_r(&whole, &t)
        func pad(_ n: Int32, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(t.tm_year + 1900, 4))-\(pad(t.tm_mon + 1, 2))-\(pad(t.tm_mday, 2))T"
            + "\(pad(t.tm_hour, 2)):\(pad(t.tm_min, 2)):\(pad(t.tm_sec, 2)).\(pad(Int32(millis), 3))Z"
    }

    /// One JSON object, keys sorted, slashes not escaped (what JSONEncoder printed with
    /// `[.sortedKeys, .withoutEscapingSlashes]`; JSONEncoder itself cost `lql run` ~1 MiB).
    public var jsonLine: String {
        var fields: [(String, String)] = [
            ("bindCount", String(bindCount)), ("dbRole", JSONText.quoted(dbRole)),
            ("durationMs", AuditRecord.number(durationMs)), ("origin", JSONText.quoted(origin)), ("osUser", JSONText.quoted(osUser)),
            ("outcome", JSONText.quoted(outcome)), ("rows", String(rows)),
            ("sourceHash", JSONText.quoted(sourceHash)), ("sourceText", JSONText.quoted(sourceText)),
            ("sqlHash", JSONText.quoted(sqlHash)), ("tenantId", JSONText.quoted(tenantID)),
            ("tenantSlug", JSONText.quoted(tenantSlug)), ("time", JSONText.quoted(time)),
            ("version", String(AuditRecord.formatVersion)),
        ]
        if let queryID { fields.append(("queryID", JSONText.quoted(queryID))) }
        fields.sort { $0.0 < $1.0 }
        return "{" + fields.map { JSONText.quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// A finite double as a JSON number (`12.5`, `3`); anything else as 0.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

/// An append-only JSON-lines file. Appending never fails the caller's query: a log that cannot
/// be written is reported on stderr once per process, then skipped.
public struct AuditLog: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// `LQL_AUDIT_LOG`, else `~/.lql/audit.jsonl`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let explicit = environment["LQL_AUDIT_LOG"], !explicit.isEmpty { return explicit }
        return FilePath.join(FileSystem.homeDirectory(environment: environment), ".lql/audit.jsonl")
    }

    /// The hook a `TenantScope` calls for each statement it ran (`onStatement`): one record each.
    public func recorder() -> @Sendable (ScopedStatement) -> Void {
        { [self] statement in append(AuditRecord(statement)) }
    }

    public func append(_ record: AuditRecord) {
        if let problem = write(record) { AuditLog.warnOnce("lql: cannot write the audit log \(path): \(problem)") }
    }

    /// Returns what went wrong, or nil.
    private func write(_ record: AuditRecord) -> String? {
        let line = Array((record.jsonLine + "\n").utf8)
        let directory = FilePath.parent(path)
        if !directory.isEmpty, !FileSystem.exists(directory), !FileSystem.createDirectories(directory, mode: 0o700) {
            return "cannot create \(directory)"
        }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        // One write() per line: with O_APPEND, lines from concurrent lql processes do not interleave.
        let written = line.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        return written == line.count ? nil : String(cString: strerror(errno))
    }

    private static let warned = Atomic<Bool>(false)

    private static func warnOnce(_ message: String) {
        guard warned.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
        StandardStreams.error(message)
    }

    // MARK: query ids

    /// 12 random hex digits, tying an audit record to the statement in `pg_stat_activity` and the server log.
    public static func queryID() -> String { QueryTag.newID() }

    /// `/* lql qid=<id> */ <sql>` (`QueryTag.tagged`: an id that is not hex is left out).
    public static func tagged(_ sql: String, queryID: String) -> String { QueryTag.tagged(sql, queryID: queryID) }
}
