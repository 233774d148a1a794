import LQLOutput
import LQLPostgres

/// A result writer as the driver's `RowReceiver`: where the driver's rows meet the writers.
/// It lives here because LQLRepl is the first module that sees both (the driver must not
/// import output code, nor the writers the driver); LQLCommands uses it too.
public final class WriterRows: RowReceiver {
    public let writer: ResultWriter

    public init(_ writer: ResultWriter) {
        self.writer = writer
    }

    public func begin(columns: [Column]) throws {
        try writer.begin(columns: columns.map { OutputColumn(name: $0.name, typeOID: $0.typeOID, typeModifier: $0.typeModifier) })
    }

    public func receive(row: [String?]) throws { try writer.write(row: row) }

    public func end() throws { try writer.end() }
}
