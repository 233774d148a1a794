import CLibPQ
import CSignals
import Foundation

/// One libpq connection (`PGconn`), finished in `deinit`.
///
/// Statements are always sent as unnamed extended-protocol statements (`PQexecParams`,
/// `PQsendQueryParams`) with text-format binds: transaction-mode PgBouncer breaks on named
/// prepared statements, so this type never prepares one.
///
/// ```swift
/// let db = try Connection("postgresql:///leora?host=/tmp/sock")   // or Connection() for PG* defaults
/// let r = try db.execute("SELECT id FROM tenants WHERE slug = $1", ["well-crafted"])
/// ```
public final class Connection {
    let pointer: OpaquePointer
    private let notices = NoticeBox()
    /// Set while a `RowStream` still has results to read; no other statement may start.
    weak var activeStream: RowStream?
    private var cachedCancel: CancelHandle?

    /// When true, errors carry the bind values (`PostgresError.parameters`) and print them.
    public var verboseErrors = false

    /// When true, this connection is the one Ctrl-C cancels (see `Interrupts`): its cancel key
    /// is registered with the C signal handler now and after every reset, and queries mark
    /// themselves as running. Only one connection per process should set this.
    public var cancelsOnInterrupt = false {
        didSet {
            if cancelsOnInterrupt { lql_set_cancel(pointer) } else if oldValue { lql_clear_cancel() }
        }
    }

    /// Connects with a URL (`postgresql://…`) or a `key=value` conninfo string, passed to
    /// `PQconnectdb` as is so `sslmode`, `.pgpass`, `service` and multi-host
    /// `target_session_attrs` work. nil or empty uses libpq's `PG*` variables and defaults.
    /// `applicationName` is libpq's `fallback_application_name` (what `pg_stat_activity` shows
    /// unless the URL or `PGAPPNAME` names one), as psql sets `psql`.
    public init(_ conninfo: String? = nil, applicationName: String? = nil) throws {
        let connection: OpaquePointer?
        if let applicationName {
            let keys = ["dbname", "fallback_application_name"], values = [conninfo ?? "", applicationName]
            let cKeys: [UnsafePointer<CChar>?] = keys.map { UnsafePointer(strdup($0)) } + [nil]
            let cValues: [UnsafePointer<CChar>?] = values.map { UnsafePointer(strdup($0)) } + [nil]
            defer {
                cKeys.forEach { free(UnsafeMutablePointer(mutating: $0)) }
                cValues.forEach { free(UnsafeMutablePointer(mutating: $0)) }
            }
            connection = PQconnectdbParams(cKeys, cValues, 1)
        } else {
            connection = PQconnectdb(conninfo ?? "")
        }
        guard let conn = connection else {
            throw PostgresError(kind: .connection, message: "out of memory while connecting")
        }
        guard PQstatus(conn) == CONNECTION_OK else {
            let error = PostgresError.fromConnection(conn, kind: .connection)
            PQfinish(conn)
            throw error
        }
        pointer = conn
        installNoticeReceiver()
    }

    deinit {
        if cancelsOnInterrupt { lql_clear_cancel() }
        PQfinish(pointer)
    }

    // MARK: Status

    public var isConnected: Bool { PQstatus(pointer) == CONNECTION_OK }

    /// `PQserverVersion`: 150004 for 15.4.
    public var serverVersionNumber: Int { Int(PQserverVersion(pointer)) }
    /// The server's `server_version` as it reports it (`15.4 (Debian 15.4-1)`).
    public var serverVersion: String { parameterStatus("server_version") ?? "unknown" }
    /// The role this connection logged in as.
    public var user: String { PQuser(pointer).map { String(cString: $0) } ?? "" }
    public var database: String { PQdb(pointer).map { String(cString: $0) } ?? "" }
    /// Host name, or the socket directory for a unix-socket connection.
    public var host: String { PQhost(pointer).map { String(cString: $0) } ?? "" }
    public var port: String { PQport(pointer).map { String(cString: $0) } ?? "" }
    public var backendPID: Int32 { PQbackendPID(pointer) }

    public func parameterStatus(_ name: String) -> String? {
        PQparameterStatus(pointer, name).map { String(cString: $0) }
    }

    /// `SELECT current_user` (differs from `user` after `SET ROLE`).
    public func currentUser() throws -> String {
        try execute("SELECT current_user").scalar ?? ""
    }

    public enum TransactionStatus: Sendable { case idle, active, inTransaction, inFailedTransaction, unknown }

    public var transactionStatus: TransactionStatus {
        switch PQtransactionStatus(pointer) {
        case PQTRANS_IDLE: .idle
        case PQTRANS_ACTIVE: .active
        case PQTRANS_INTRANS: .inTransaction
        case PQTRANS_INERROR: .inFailedTransaction
        default: .unknown
        }
    }

    /// Notices and warnings the server sent since the last call (libpq would print them to stderr).
    public func takeNotices() -> [PostgresNotice] { notices.take() }

    // MARK: Reconnect

    /// Closes and reopens the connection with the same parameters (`PQreset`).
    public func reset() throws {
        activeStream?.abandon()
        activeStream = nil
        cachedCancel = nil
        PQreset(pointer)
        guard PQstatus(pointer) == CONNECTION_OK else {
            throw PostgresError.fromConnection(pointer, kind: .connection)
        }
        // A new backend has a new cancel key.
        if cancelsOnInterrupt { lql_set_cancel(pointer) }
    }

    /// Resets the connection if it was lost; returns true when it reconnected.
    @discardableResult
    public func reconnectIfNeeded() throws -> Bool {
        if isConnected { return false }
        try reset()
        return true
    }

    // MARK: Cancel

    /// A thread-safe handle that cancels whatever this connection is running (`PQcancel`).
    public func cancelHandle() -> CancelHandle? {
        if let cachedCancel { return cachedCancel }
        cachedCancel = PQgetCancel(pointer).map(CancelHandle.init)
        return cachedCancel
    }

    // MARK: Execute

    /// Runs one statement with text binds and returns the whole result. For large results use
    /// `stream` or `query`. `types` gives parameter type OIDs (0 = let the server infer).
    @discardableResult
    public func execute(_ sql: String, _ params: [String?] = [], types: [UInt32]? = nil) throws -> QueryResult {
        try checkIdle()
        let raw = try sending(params, types: types) { values, typePointer in
            PQexecParams(pointer, sql, Int32(params.count), typePointer, values, nil, nil, 0)
        }
        endQuery()
        guard let raw else { throw PostgresError.fromConnection(pointer, kind: isConnected ? .client : .connectionLost) }
        let handle = ResultHandle(raw)
        switch PQresultStatus(raw) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return QueryResult(handle: handle)
        default:
            throw error(from: raw, sql: sql, params: params)
        }
    }

    /// Runs trusted SQL text with several statements (a migration, the demo's schema and seed)
    /// through the simple protocol (`PQexec`): no binds, so never for anything holding a user
    /// value. Returns the last statement's result; stops at the first error.
    @discardableResult
    public func executeScript(_ trustedSQL: String) throws -> QueryResult {
        try checkIdle()
        if cancelsOnInterrupt {
            _ = lql_take_interrupt()
            if lql_termination_signal() != 0 {
                throw PostgresError(kind: .cancelled, message: "terminated by a signal before the statement was sent")
            }
            lql_set_query_running(1)
        }
        let raw = PQexec(pointer, trustedSQL)
        endQuery()
        guard let raw else { throw PostgresError.fromConnection(pointer, kind: isConnected ? .client : .connectionLost) }
        let handle = ResultHandle(raw)
        switch PQresultStatus(raw) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return QueryResult(handle: handle)
        default:
            throw PostgresError(result: raw, connection: pointer, statement: nil, parameters: nil)
        }
    }

    // MARK: Internals shared with streaming

    func checkIdle() throws {
        if let stream = activeStream {
            stream.abandon()
            activeStream = nil
        }
        if !isConnected {
            throw PostgresError(kind: .connectionLost, message: "the connection to the server was lost",
                                hint: "it is re-established at the next query")
        }
    }

    /// Converts the binds to C strings for the duration of `send` and marks the query running
    /// for the signal handler.
    func sending<R>(_ values: [String?], types: [UInt32]?,
                    _ send: ([UnsafePointer<CChar>?], UnsafePointer<UInt32>?) -> R) throws -> R {
        if let types, types.count != values.count {
            throw PostgresError(kind: .client, message: "\(types.count) parameter types for \(values.count) parameters")
        }
        if values.contains(where: { $0?.utf8.contains(0) == true }) {
            throw PostgresError(kind: .client, message: "a text parameter cannot contain a NUL character")
        }
        let cValues: [UnsafeMutablePointer<CChar>?] = values.map { $0.map { strdup($0)! } }
        defer { cValues.forEach { free($0) } }
        if cancelsOnInterrupt {
            _ = lql_take_interrupt()  // a Ctrl-C from before this query is not meant for it
            lql_set_query_running(1)
            // After SIGTERM/SIGHUP nothing new starts: the command is on its way out.
            if lql_termination_signal() != 0 {
                lql_set_query_running(0)
                throw PostgresError(kind: .cancelled, message: "terminated by a signal before the statement was sent")
            }
        }
        let constValues = cValues.map { $0.map { UnsafePointer($0) } }
        if let types {
            return types.withUnsafeBufferPointer { send(constValues, $0.baseAddress) }
        }
        return send(constValues, nil)
    }

    func endQuery() {
        if cancelsOnInterrupt { lql_set_query_running(0) }
    }

    func error(from result: OpaquePointer, sql: String, params: [String?]) -> PostgresError {
        PostgresError(result: result, connection: pointer, statement: sql, parameters: verboseErrors ? params : nil)
    }

    private func installNoticeReceiver() {
        let box = Unmanaged.passUnretained(notices).toOpaque()
        PQsetNoticeReceiver(pointer, { arg, result in
            guard let arg, let result else { return }
            Unmanaged<NoticeBox>.fromOpaque(arg).takeUnretainedValue().append(PostgresNotice(result: result))
        }, box)
    }
}

/// A server NOTICE / WARNING.
public struct PostgresNotice: Sendable, Hashable, CustomStringConvertible {
    public var severity: String
    public var message: String
    public var sqlState: String?
    public var detail: String?
    public var hint: String?

    init(result: OpaquePointer) {
        func field(_ code: UInt8) -> String? { PQresultErrorField(result, Int32(code)).map { String(cString: $0) } }
        severity = field(UInt8(ascii: "V")) ?? field(UInt8(ascii: "S")) ?? "NOTICE"
        message = field(UInt8(ascii: "M")) ?? ""
        sqlState = field(UInt8(ascii: "C"))
        detail = field(UInt8(ascii: "D"))
        hint = field(UInt8(ascii: "H"))
    }

    public var description: String { "\(severity):  \(message)" }
}

final class NoticeBox {
    private var items: [PostgresNotice] = []
    func append(_ notice: PostgresNotice) {
        if items.count < 1000 { items.append(notice) }
    }
    func take() -> [PostgresNotice] {
        defer { items = [] }
        return items
    }
}

/// Owns a `PGcancel`. `cancel()` may be called from any thread while the connection runs a query.
public final class CancelHandle: @unchecked Sendable {
    private let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { PQfreeCancel(pointer) }

    /// Asks the server to cancel the running query. The query then fails with SQLSTATE 57014;
    /// if nothing is running the request has no effect.
    public func cancel() throws {
        var buffer = [CChar](repeating: 0, count: 256)
        if PQcancel(pointer, &buffer, Int32(buffer.count)) == 0 {
            let message = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            throw PostgresError(kind: .client, message: "could not send cancel request: \(message.trimmingWhitespace())")
        }
    }
}

/// The process-wide Ctrl-C state kept by the C signal handler (Sources/CSignals).
public enum Interrupts {
    /// Installs the SIGINT handler (sigaction, no SA_RESTART). Idempotent.
    public static func installHandler() throws {
        if lql_install_sigint_handler() != 0 {
            throw PostgresError(kind: .client, message: "could not install the SIGINT handler: \(String(cString: strerror(errno)))")
        }
    }

    /// Also handles SIGTERM and SIGHUP like Ctrl-C (cancel on the server), and remembers them:
    /// from then on `take()` is always true and no new statement is sent. For lql's commands
    /// only (a process that installs it no longer dies of SIGTERM by itself).
    public static func installTerminationHandlers() throws {
        if lql_install_termination_handlers() != 0 {
            throw PostgresError(kind: .client, message: "could not install the SIGTERM/SIGHUP handlers: \(String(cString: strerror(errno)))")
        }
    }

    /// SIGTERM or SIGHUP, once one of them has arrived.
    public static var terminationSignal: Int32? {
        let signal = lql_termination_signal()
        return signal == 0 ? nil : signal
    }

    /// True (and cleared) when Ctrl-C was pressed since the last call.
    public static func take() -> Bool { lql_take_interrupt() != 0 }
    public static var pending: Bool { lql_interrupt_pending() != 0 }
    /// How many cancel requests the handler has sent.
    public static var cancelRequestsSent: Int { Int(lql_cancel_requests_sent()) }
}
