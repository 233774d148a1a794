#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LQLOutput
import LQLPostgres
import LQLSystem
import Synchronization

/// One line of the audit log: who ran what, as which role, for which tenant, with what result.
/// Bind values are never recorded (they may be customer data); only how many there were.
public struct AuditRecord: Sendable {
    /// ISO-8601, UTC, with milliseconds.
    public var time: String
    public var osUser: String
    public var dbRole: String
    public var tenant: String
    /// SHA-256 (hex) of the LQL source text.
    public var sourceHash: String
    public var sourceText: String
    /// SHA-256 (hex) of the SQL text sent (without bind values).
    public var sqlHash: String
    public var bindCount: Int
    public var rows: Int
    public var durationMs: Double
    /// "ok", or "error: <SQLSTATE>".
    public var outcome: String
    public var queryID: String?

    public init(time: Double = Clock.wallSeconds(), osUser: String = AuditRecord.currentOSUser(), dbRole: String, tenant: String,
                sourceText: String, sql: String, bindCount: Int, rows: Int, durationMs: Double, outcome: String,
                queryID: String? = nil) {
        self.time = AuditRecord.iso8601(time)
        self.osUser = osUser
        self.dbRole = dbRole
        self.tenant = tenant
        self.sourceHash = SHA256.hex(sourceText)
        self.sourceText = sourceText
        self.sqlHash = SHA256.hex(sql)
        self.bindCount = bindCount
        self.rows = rows
        self.durationMs = durationMs
        self.outcome = outcome
        self.queryID = queryID
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
            ("durationMs", AuditRecord.number(durationMs)), ("osUser", JSONText.quoted(osUser)),
            ("outcome", JSONText.quoted(outcome)), ("rows", String(rows)),
            ("sourceHash", JSONText.quoted(sourceHash)), ("sourceText", JSONText.quoted(sourceText)),
            ("sqlHash", JSONText.quoted(sqlHash)), ("tenant", JSONText.quoted(tenant)), ("time", JSONText.quoted(time)),
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
    public static func queryID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<6).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }.joined()
    }

    /// `/* lql qid=<id> */ <sql>`. The id must come from `queryID()` (hex only), so the comment
    /// cannot be closed early; anything else is left out rather than put into SQL text.
    public static func tagged(_ sql: String, queryID: String) -> String {
        guard !queryID.isEmpty, queryID.allSatisfy(\.isHexDigit) else { return sql }
        return "/* lql qid=\(queryID) */ " + sql
    }
}
