import CLibPQ

/// An error from libpq or the server, keeping every field the server sent.
///
/// `description` is one line and never contains bind values; `parameters` is filled only when
/// the connection was told to be verbose (`Connection.verboseErrors`), and only then printed.
public struct PostgresError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Could not connect (refused, bad URL, authentication, …).
        case connection
        /// The connection broke while in use (server gone, network).
        case connectionLost
        /// The server reported an error for a statement (has a SQLSTATE).
        case server
        /// The query was cancelled (Ctrl-C or `CancelHandle.cancel()`); SQLSTATE 57014.
        case cancelled
        /// The client side refused or failed (libpq could not send, misuse of the API).
        case client
    }

    public var kind: Kind
    /// Five-character SQLSTATE (`42P01`), when the server sent one.
    public var sqlState: String?
    /// `ERROR`, `FATAL`, … (not localized: PG_DIAG_SEVERITY_NONLOCALIZED when available).
    public var severity: String?
    public var message: String
    public var detail: String?
    public var hint: String?
    /// 1-based character index into the statement text, as the server reports it.
    public var position: Int?
    public var internalPosition: Int?
    public var internalQuery: String?
    public var context: String?
    public var schemaName: String?
    public var tableName: String?
    public var columnName: String?
    public var constraintName: String?
    /// The statement text (never contains user values: those are binds).
    public var statement: String?
    /// The bind values; nil unless the connection was verbose.
    public var parameters: [String?]?

    public init(kind: Kind, message: String, sqlState: String? = nil, severity: String? = nil,
                detail: String? = nil, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.severity = severity
        self.detail = detail
        self.hint = hint
    }

    /// SQLSTATE 57014: canceled by the user or by a statement timeout.
    public var isQueryCanceled: Bool { kind == .cancelled || sqlState == "57014" }

    /// One line, psql-like: `ERROR:  relation "x" does not exist (SQLSTATE 42P01)`.
    public var description: String {
        var line: String
        switch kind {
        case .connection, .connectionLost, .client:
            line = message
        case .server, .cancelled:
            line = "\(severity ?? "ERROR"):  \(message)"
            if let sqlState { line += " (SQLSTATE \(sqlState))" }
        }
        if let parameters {
            let shown = parameters.map { $0.map { "'\($0)'" } ?? "NULL" }
            line += " [parameters: \(shown.joined(separator: ", "))]"
        }
        return line
    }

    /// Several lines as psql shows them: the message, then DETAIL, HINT, CONTEXT.
    public var fullDescription: String {
        var lines = [description]
        if let detail { lines.append("DETAIL:  \(detail)") }
        if let hint { lines.append("HINT:  \(hint)") }
        if let context { lines.append("CONTEXT:  \(context)") }
        return lines.joined(separator: "\n")
    }
}

extension PostgresError {
    /// Builds the error from a failed PGresult (fields via PQresultErrorField).
    init(result: OpaquePointer, connection: OpaquePointer?, statement: String?, parameters: [String?]?) {
        func field(_ code: Int32) -> String? {
            guard let p = PQresultErrorField(result, code) else { return nil }
            return String(cString: p)
        }
        let primary = field(Int32(UInt8(ascii: "M")))  // PG_DIAG_MESSAGE_PRIMARY
        let fallback = PQresultErrorMessage(result).map { String(cString: $0) } ?? ""
        let state = field(Int32(UInt8(ascii: "C")))
        let lost = connection.map { PQstatus($0) == CONNECTION_BAD } ?? false
        let kind: Kind = state == "57014" ? .cancelled : (state == nil && lost ? .connectionLost : .server)
        self.init(kind: kind, message: primary ?? PostgresError.firstLine(fallback), sqlState: state)
        severity = field(Int32(UInt8(ascii: "V"))) ?? field(Int32(UInt8(ascii: "S")))
        detail = field(Int32(UInt8(ascii: "D")))
        hint = field(Int32(UInt8(ascii: "H")))
        position = field(Int32(UInt8(ascii: "P"))).flatMap { Int($0) }
        internalPosition = field(Int32(UInt8(ascii: "p"))).flatMap { Int($0) }
        internalQuery = field(Int32(UInt8(ascii: "q")))
        context = field(Int32(UInt8(ascii: "W")))
        schemaName = field(Int32(UInt8(ascii: "s")))
        tableName = field(Int32(UInt8(ascii: "t")))
        columnName = field(Int32(UInt8(ascii: "c")))
        constraintName = field(Int32(UInt8(ascii: "n")))
        self.statement = statement
        self.parameters = parameters
        if kind == .connectionLost, primary == nil {
            // libpq's own text ("server closed the connection unexpectedly …") spans lines.
            message = PostgresError.firstLine(fallback)
            hint = PostgresError.remainingLines(fallback)
        }
    }

    /// A connection-level error from PQerrorMessage: the first line is the message, the rest
    /// (libpq's "Is the server running …?") becomes the hint, so `description` stays one line.
    static func fromConnection(_ conn: OpaquePointer?, kind: Kind) -> PostgresError {
        let text = conn.flatMap { PQerrorMessage($0) }.map { String(cString: $0) } ?? "out of memory"
        var error = PostgresError(kind: kind, message: firstLine(text))
        error.hint = remainingLines(text)
        return error
    }

    static func firstLine(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        let first = trimmed.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first
        return String(first ?? "").trimmingWhitespace()
    }

    static func remainingLines(_ text: String) -> String? {
        let parts = text.trimmingWhitespace().split(separator: "\n", omittingEmptySubsequences: true)
        guard parts.count > 1 else { return nil }
        return parts.dropFirst().map { String($0).trimmingWhitespace() }.joined(separator: " ")
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
