/// One PostgreSQL statement as lql sends it: text with `$n` placeholders and the values for them.
/// `$1` is always the tenant; every other bind comes from the user's source or parameters.
/// The text never contains a user value, only placeholders and quoted catalog identifiers.
/// Every placeholder but the tenant's is written with a cast (`$2::numeric`), so all binds may be
/// sent as `text` (OID 25). Send the types: in the schema-per-tenant style the text does not
/// reference `$1`, and PostgreSQL cannot infer the type of a parameter it never sees.
public struct SQLStatement: Hashable, Sendable {
    public var text: String
    /// `binds[0]` is `$1`, and so on.
    public var binds: [SQLBind]
    /// Output column names, in order, as lql names them.
    public var columnNames: [String]

    public init(text: String, binds: [SQLBind], columnNames: [String] = []) {
        self.text = text
        self.binds = binds
        self.columnNames = columnNames
    }

    /// The values for PQexecParams, with the tenant filled in (text format; SQL casts give types).
    public func parameterValues(tenant: String) -> [String?] {
        binds.map { bind in
            switch bind {
            case .tenant: tenant
            case .value(let v, _): v
            }
        }
    }
}

public enum SQLBind: Hashable, Sendable {
    /// The tenant id (or, in schema style, unused by the statement text but kept as `$1`).
    case tenant
    /// A value in PostgreSQL's text form (nil is SQL NULL), and the SQL type it is cast to.
    case value(String?, type: String)
}
