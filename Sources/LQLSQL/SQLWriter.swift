import LQLSchema

/// The bind values of one statement, shared by every fragment written for it. `$1` is the
/// tenant. Equal values of equal type share one placeholder, so an expression written twice
/// (a sort key repeating a select item, a parameter used in two places) is the same text twice.
final class SQLBindTable {
    private(set) var binds: [SQLBind] = [.tenant]
    private var index: [SQLBind: Int] = [.tenant: 1]

    func placeholder(for bind: SQLBind) -> Int {
        if let n = index[bind] { return n }
        binds.append(bind)
        index[bind] = binds.count
        return binds.count
    }
}

/// A generated table alias: a fixed prefix and a number (`t`, `j1`, `c2`, `s1`). Never user text.
struct SQLAlias: Hashable {
    let prefix: StaticString
    let number: Int
    var text: String { number == 0 ? "\(prefix)" : "\(prefix)\(number)" }
    static func == (a: SQLAlias, b: SQLAlias) -> Bool { a.text == b.text }
    func hash(into h: inout Hasher) { h.combine(text) }
}

/// A PostgreSQL type a bind is cast to.
indirect enum SQLType: Hashable {
    /// A built-in type name, spelled by the compiler.
    case builtin(StaticString)
    /// A user-defined type (a Prisma enum) by database name, quoted when written.
    case named(schema: String?, name: String)
    case array(SQLType)

    static func == (a: SQLType, b: SQLType) -> Bool { a.castText == b.castText }
    func hash(into h: inout Hasher) { h.combine(castText) }

    /// The cast as written after `::`.
    var castText: String {
        switch self {
        case .builtin(let s): "\(s)"
        case .named(let schema, let name): (schema.map { SQLWriter.quote($0) + "." } ?? "") + SQLWriter.quote(name)
        case .array(let t): t.castText + "[]"
        }
    }
}

/// The only producer of SQL text. Keywords and punctuation are compile-time constants
/// (`StaticString`), identifiers from the catalog are always quoted, every value is a `$n`
/// placeholder. There is deliberately no method for raw text: anything new must be one of these
/// (a raw path, if ever needed, must carry "unsafe" in its name).
struct SQLWriter {
    let table: SQLBindTable
    private(set) var text = ""

    init(table: SQLBindTable) { self.table = table }

    static func quote(_ identifier: String) -> String {
        "\"" + identifier.doublingQuotes + "\""
    }

    /// Keywords, operators and punctuation: constant text chosen by the compiler.
    mutating func write(_ sql: StaticString) {
        text += String(decoding: UnsafeBufferPointer(start: sql.utf8Start, count: sql.utf8CodeUnitCount), as: UTF8.self)
    }

    /// A quoted identifier (table, column, alias, type name); embedded `"` are doubled.
    mutating func write(identifier: String) { text += SQLWriter.quote(identifier) }

    mutating func write(alias: SQLAlias) { text += alias.text }

    /// `alias."column"`
    mutating func write(alias: SQLAlias, column: String) {
        write(alias: alias)
        write(".")
        write(identifier: column)
    }

    /// A placeholder for a value, with a cast to its type: `$3::numeric`.
    mutating func write(bind value: String?, type: SQLType) {
        let n = table.placeholder(for: .value(value, type: type.castText))
        text += "$\(n)::" + type.castText
    }

    /// `$1`, the tenant.
    mutating func writeTenantBind() { text += "$\(table.placeholder(for: .tenant))" }

    /// A column position (`GROUP BY 1, 2`): a number the compiler counted.
    mutating func write(ordinal: Int) { text += String(ordinal) }

    mutating func write(type: SQLType) { text += type.castText }

    /// A line break and indentation, for readable statements.
    mutating func newline(indent: Int) { text += "\n" + String(repeating: " ", count: indent) }

    /// Appends a fragment written for the same statement.
    mutating func write(_ fragment: SQLWriter) {
        precondition(fragment.table === table, "fragments of one statement share one bind table")
        text += fragment.text
    }

    var isEmpty: Bool { text.isEmpty }
}
