import LQLDiagnostics
import LQLSchema
import LQLSyntax

// The calendar functions (`days_between`, `quarter`, `week`, `weekday`, `hour`) and `string(x)`.
// Calendar values follow the session's time zone (UTC unless `--time-zone` says otherwise).
extension Checker {
    func checkCalendarFunction(_ fn: ScalarFunction, _ f: Identifier, _ args: [Expr], _ scope: Scope, span: Span) -> TypedExpr {
        func need(_ t: TypedExpr, _ ok: Bool, _ what: String) -> Bool {
            if t.type.isError { return false }
            if ok { return true }
            error(.typeMismatch, "`\(f.name)` needs \(what), but `\(source.text(in: t.span))` is \(t.type)", at: t.span)
            return false
        }
        switch fn {
        case .daysBetween:
            guard arity(f, args, 2...2, span: span, usage: "days_between(from, to)") else { return errorExpr(span) }
            let a = checkExpr(args[0], scope), b = checkExpr(args[1], scope)
            guard need(a, a.type.isTemporal && !a.type.isList, "a DateTime or Date"),
                  need(b, b.type.isTemporal && !b.type.isList, "a DateTime or Date") else { return errorExpr(span) }
            return TypedExpr(.call(fn, [a, b]), type: LQLType(.int, isOptional: a.type.isOptional || b.type.isOptional), span: span)
        case .quarter, .week, .weekday, .hour:
            guard arity(f, args, 1...1, span: span, usage: "\(f.name)(date)") else { return errorExpr(span) }
            let a = checkExpr(args[0], scope)
            let ok = fn == .hour ? a.type.base == .dateTime : a.type.isTemporal
            guard need(a, ok && !a.type.isList, fn == .hour ? "a DateTime" : "a DateTime or Date") else { return errorExpr(span) }
            return TypedExpr(.call(fn, [a]), type: LQLType(.int, isOptional: a.type.isOptional), span: span)
        default:  // .string
            guard arity(f, args, 1...1, span: span, usage: "string(x)") else { return errorExpr(span) }
            let a = checkExpr(args[0], scope)
            guard need(a, !a.type.isList && a.type.base != .bytes && !a.type.isNull, "a single value") else { return errorExpr(span) }
            return TypedExpr(.call(fn, [a]), type: LQLType(.string, isOptional: a.type.isOptional), span: span)
        }
    }
}
