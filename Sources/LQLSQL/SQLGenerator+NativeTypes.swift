import LQLCheck
import LQLSchema

/// Prisma native types in binds (configuration.md): a value compared with a `@db.Uuid` column is
/// bound as `$n::uuid`, so the server never sees `uuid = text`. Types whose text form is already
/// `text` (VarChar, Char, Text) and those LQL's own types already name (Decimal, Timestamptz,
/// Integer, …) need no cast of their own.
extension StatementBuilder {
    /// The PostgreSQL type of a column whose native type differs from what its LQL type binds as.
    func nativeCast(of e: TypedExpr) -> SQLType? {
        guard case .column(let ref) = e.kind,
              let native = catalog.model(named: ref.model)?.field(named: ref.field)?.nativeType else { return nil }
        return Self.nativeCast(native, base: e.type.base)
    }

    /// The type a bare value compared with `column` binds as: the column's native cast, or, for a
    /// Date value against a DateTime column, the column's own timestamp type. PostgreSQL turns a
    /// date into that timestamp at midnight (in the session's zone for timestamptz) either way,
    /// so the rows are the same; but it estimates the cross-type `timestamptz >= date` without
    /// the column's statistics (1 row of 330,000 for a year of orders at scale 300, so nested
    /// loops over 390,000 order lines: bench/sql's take_by_group at 2.8x hand-written SQL).
    func comparisonCast(of column: TypedExpr, for value: TypedExpr) -> SQLType? {
        if let native = nativeCast(of: column) { return native }
        guard case .column = column.kind, column.type.base == .dateTime, value.type.base == .date else { return nil }
        return .builtin("timestamptz")
    }

    static func nativeCast(_ native: String, base: LQLType.Base) -> SQLType? {
        let name = native.lowercased()
        func named(_ prefix: String) -> Bool { name == prefix || name.hasPrefix(prefix + "(") }
        switch base {
        case .string:
            if named("uuid") { return .builtin("uuid") }
            if named("inet") { return .builtin("inet") }
            if named("cidr") { return .builtin("cidr") }
            if named("citext") { return .builtin("citext") }
            if named("xml") { return .builtin("xml") }
            if named("macaddr") { return .builtin("macaddr") }
            return nil
        case .dateTime:
            if named("date") { return .builtin("date") }
            if named("timestamp") { return .builtin("timestamp") }
            if named("time") { return .builtin("time") }
            if named("timetz") { return .builtin("timetz") }
            return nil
        case .decimal:
            return named("money") ? .builtin("money") : nil
        default:
            return nil
        }
    }

    /// Writes `body` with binds of `operand` cast to `cast`, when the operand is a bare value
    /// (a constant or parameter: the bind whose type the column decides).
    func withNativeCast(_ cast: SQLType?, for operand: TypedExpr, _ body: () -> Void) {
        guard let cast else { return body() }
        switch operand.kind {
        case .constant, .parameter: break
        default: return body()
        }
        let saved = nativeBindCast
        nativeBindCast = cast
        defer { nativeBindCast = saved }
        body()
    }
}
