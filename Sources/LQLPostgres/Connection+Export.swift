/// Where streamed rows go. The driver owns this protocol so it never sees the result writers
/// (tables, CSV, JSON live in LQLOutput); whoever holds both adapts one to the other
/// (`WriterRows` in LQLRepl).
public protocol RowReceiver: AnyObject {
    /// The columns, once, before any row.
    func begin(columns: [Column]) throws
    /// One row, values in PostgreSQL's text form (nil is SQL NULL).
    func receive(row: [String?]) throws
    /// After the last row; not called when the statement fails.
    func end() throws
}

extension Connection {
    /// Streams a statement's rows into a receiver (a writer behind an adapter): columns, then each
    /// row as it arrives, then `end()`. Nothing is accumulated, so memory stays flat for any row
    /// count. On an error (a cancel included) the receiver is not ended; an `AtomicFileSink`
    /// behind it should then be discarded.
    @discardableResult
    public func export(_ sql: String, _ params: [String?] = [], types: [UInt32]? = nil,
                       to receiver: RowReceiver) throws -> StreamSummary {
        let summary = try stream(sql, params, types: types,
                                 columns: { try receiver.begin(columns: $0) },
                                 row: { try receiver.receive(row: $0.values) })
        try receiver.end()
        return summary
    }
}
