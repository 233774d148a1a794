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
