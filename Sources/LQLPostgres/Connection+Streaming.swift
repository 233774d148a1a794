import CLibPQ
import CSignals

/// What a finished stream reports.
public struct StreamSummary: Sendable {
    public var columns: [Column]
    public var rowCount: Int
    /// `SELECT 100000`, …
    public var commandTag: String
}

extension Connection {
    /// Sends one statement and returns its rows one at a time (libpq single-row mode), so memory
    /// stays flat however many rows. The column metadata is known before the first row.
    /// While the stream is open no other statement can run; dropping it cancels the rest.
    public func query(_ sql: String, _ params: [String?] = [], types: [UInt32]? = nil) throws -> RowStream {
        try checkIdle()
        let stream = try RowStream(connection: self, sql: sql, params: params, types: types)
        if !stream.isFinished { activeStream = stream }
        return stream
    }

    /// Streams a statement to callbacks: `columns` once, before any row, then `row` per row.
    /// An error thrown by a callback cancels the query and is rethrown.
    @discardableResult
    public func stream(_ sql: String, _ params: [String?] = [], types: [UInt32]? = nil,
                       columns onColumns: ([Column]) throws -> Void,
                       row onRow: (Row) throws -> Void) throws -> StreamSummary {
        let stream = try query(sql, params, types: types)
        do {
            try onColumns(stream.columns)
            while let row = try stream.next() { try onRow(row) }
        } catch {
            stream.close()
            throw error
        }
        return StreamSummary(columns: stream.columns, rowCount: stream.rowsRead, commandTag: stream.commandTag ?? "")
    }
}

/// The rows of one running statement. `next()` returns nil at the end and throws the server's
/// error (also a cancel, SQLSTATE 57014) if the statement fails part-way.
public final class RowStream {
    private let connection: Connection
    private let sql: String
    private let params: [String?]
    public let columns: [Column]
    public private(set) var rowsRead = 0
    /// Set when the statement completed.
    public private(set) var commandTag: String?
    private var pendingRow: Row?
    private(set) var isFinished = false

    init(connection: Connection, sql: String, params: [String?], types: [UInt32]?) throws {
        self.connection = connection
        self.sql = sql
        self.params = params
        let conn = connection.pointer
        let sent = try connection.sending(params, types: types) { values, typePointer in
            PQsendQueryParams(conn, sql, Int32(params.count), typePointer, values, nil, nil, 0)
        }
        guard sent == 1 else {
            connection.endQuery()
            throw PostgresError.fromConnection(conn, kind: connection.isConnected ? .client : .connectionLost)
        }
        _ = PQsetSingleRowMode(conn)

        // The first result carries the column metadata: a first row, or the end of an empty result.
        guard let first = PQgetResult(conn) else {
            connection.endQuery()
            throw PostgresError.fromConnection(conn, kind: .connectionLost)
        }
        let handle = ResultHandle(first)
        switch PQresultStatus(first) {
        case PGRES_SINGLE_TUPLE:
            columns = Column.columns(of: first)
            pendingRow = Row(handle: handle, index: 0)
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            columns = Column.columns(of: first)
            commandTag = PQcmdStatus(first).map { String(cString: $0) }
            RowStream.drain(conn)
            connection.endQuery()
            isFinished = true
        default:
            let error = connection.error(from: first, sql: sql, params: params)
            RowStream.drain(conn)
            connection.endQuery()
            throw error
        }
    }

    deinit { if !isFinished { abandon() } }

    /// The next row, or nil when the statement is done.
    public func next() throws -> Row? {
        if let row = pendingRow {
            pendingRow = nil
            rowsRead += 1
            return row
        }
        if isFinished { return nil }
        let conn = connection.pointer
        if connection.cancelsOnInterrupt, lql_take_interrupt() != 0 {
            throw cancelAndDrain()
        }
        guard let raw = PQgetResult(conn) else {
            finish()
            return nil
        }
        let handle = ResultHandle(raw)
        switch PQresultStatus(raw) {
        case PGRES_SINGLE_TUPLE:
            rowsRead += 1
            return Row(handle: handle, index: 0)
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
            commandTag = PQcmdStatus(raw).map { String(cString: $0) }
            RowStream.drain(conn)
            finish()
            return nil
        default:
            let error = connection.error(from: raw, sql: sql, params: params)
            RowStream.drain(conn)
            finish()
            throw error
        }
    }

    /// Stops reading: cancels what the server is still sending and discards it, so the
    /// connection is ready for the next statement.
    public func close() {
        if !isFinished { abandon() }
    }

    func abandon() {
        guard !isFinished else { return }
        if PQisBusy(connection.pointer) != 0 { try? connection.cancelHandle()?.cancel() }
        RowStream.drain(connection.pointer)
        finish()
    }

    /// Ctrl-C seen between rows: the handler has already asked the server to cancel if the
    /// query was running; ask again in case it finished sending, then report 57014.
    private func cancelAndDrain() -> PostgresError {
        try? connection.cancelHandle()?.cancel()
        var serverError: PostgresError?
        while let raw = PQgetResult(connection.pointer) {
            let status = PQresultStatus(raw)
            if serverError == nil, status == PGRES_FATAL_ERROR {
                serverError = connection.error(from: raw, sql: sql, params: params)
            }
            PQclear(raw)
        }
        finish()
        if let serverError { return serverError }
        return PostgresError(kind: .cancelled, message: "canceling statement due to user request", sqlState: "57014")
    }

    private func finish() {
        isFinished = true
        connection.endQuery()
        if connection.activeStream === self { connection.activeStream = nil }
    }

    static func drain(_ conn: OpaquePointer) {
        while let raw = PQgetResult(conn) { PQclear(raw) }
    }
}
