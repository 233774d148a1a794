import LQLDiagnostics
import LQLSchema
import LQLSyntax

extension Checker {
    func checkScalarFunction(_ fn: ScalarFunction, _ f: Identifier, _ args: [Expr], _ scope: Scope, span: Span,
                             expected: LQLType?) -> TypedExpr {
        func typed(_ base: LQLType.Base, _ targs: [TypedExpr], optional: Bool? = nil) -> TypedExpr {
            let opt = optional ?? targs.contains { $0.type.isOptional }
            return TypedExpr(.call(fn, targs), type: LQLType(base, isOptional: opt), span: span)
        }
        /// Checks each argument against a predicate; reports the first that fails.
        func require(_ t: TypedExpr, _ ok: (LQLType) -> Bool, _ what: String) -> Bool {
            if t.type.isError { return false }
            if ok(t.type) { return true }
            error(.typeMismatch, "`\(f.name)` needs \(what), but `\(source.text(in: t.span))` is \(t.type)", at: t.span)
            return false
        }
        switch fn {
        case .daysBetween, .quarter, .week, .weekday, .hour, .string:
            return checkCalendarFunction(fn, f, args, scope, span: span)
        case .lower, .upper, .trim:
            guard arity(f, args, 1...1, span: span, usage: "\(f.name)(text)") else { return errorExpr(span) }
            let a = checkExpr(args[0], scope, expected: .string)
            guard require(a, { $0.isString }, "text") else { return errorExpr(span) }
            return typed(.string, [a])
        case .length:
            guard arity(f, args, 1...1, span: span, usage: "length(text)") else { return errorExpr(span) }
            let a = checkExpr(args[0], scope, expected: .string)
            guard require(a, { $0.isString || $0.isList }, "text or a list") else { return errorExpr(span) }
            return typed(.int, [a])
        case .startsWith, .endsWith:
            guard arity(f, args, 2...2, span: span, usage: "\(f.name)(text, prefix)") else { return errorExpr(span) }
            let a = checkExpr(args[0], scope, expected: .string), b = checkExpr(args[1], scope, expected: .string)
            guard require(a, { $0.isString }, "text"), require(b, { $0.isString }, "text") else { return errorExpr(span) }
            return typed(.boolean, [a, b])
        case .coalesce:
            guard args.count >= 2 else {
                _ = arity(f, args, 2...SyntaxLimits.maxListLength, span: span, usage: "coalesce(a, b, …)")
                return errorExpr(span)
            }
            var targs: [TypedExpr] = []
            var common: LQLType? = nil
            for a in args {
                let t = checkExpr(a, scope, expected: common?.required ?? expected)
                if let c = common {
                    guard let n = commonType(c, t.type) else { return mismatch("`coalesce` needs values of one type", targs.last!, t, span: t.span) }
                    common = n
                } else { common = t.type }
                targs.append(t)
            }
            guard var type = common else { return errorExpr(span) }
            type.isOptional = targs.last!.type.isOptional
            return TypedExpr(.call(.coalesce, targs), type: type, span: span)
        case .round:
            guard arity(f, args, 1...2, span: span, usage: "round(x) or round(x, digits)") else { return errorExpr(span) }
            let a = checkExpr(args[0], scope)
            guard require(a, { $0.isNumeric }, "a number") else { return errorExpr(span) }
            if args.count == 2 {
                let n = checkExpr(args[1], scope, expected: .int)
                guard require(n, { $0.base == .int }, "an Int number of digits") else { return errorExpr(span) }
                return typed(.decimal, [a, n])
            }
            return typed(a.type.base == .float ? .float : .decimal, [a])
        case .abs:
            guard arity(f, args, 1...1, span: span, usage: "abs(x)") else { return errorExpr(span) }
            let a = checkExpr(args[0], scope)
            guard require(a, { $0.isNumeric }, "a number") else { return errorExpr(span) }
            return typed(a.type.base, [a])
        case .now, .today:
            guard arity(f, args, 0...0, span: span, usage: "\(f.name)()") else { return errorExpr(span) }
            return typed(fn == .now ? .dateTime : .date, [], optional: false)
        case .date:
            guard arity(f, args, 1...1, span: span, usage: "date(timestamp)") else { return errorExpr(span) }
            let a = checkExpr(args[0], scope)
            guard require(a, { $0.isTemporal }, "a DateTime") else { return errorExpr(span) }
            return typed(.date, [a])
        case .year, .month, .day:
            guard arity(f, args, 1...1, span: span, usage: "\(f.name)(date)") else { return errorExpr(span) }
            let a = checkExpr(args[0], scope)
            guard require(a, { $0.isTemporal }, "a DateTime or Date") else { return errorExpr(span) }
            return typed(.int, [a])
        case .age:
            guard arity(f, args, 1...2, span: span, usage: "age(timestamp) or age(later, earlier)") else { return errorExpr(span) }
            let targs = args.map { checkExpr($0, scope) }
            for t in targs { guard require(t, { $0.isTemporal }, "a DateTime or Date") else { return errorExpr(span) } }
            return typed(.duration, targs)
        case .trunc:
            guard arity(f, args, 2...2, span: span, usage: "trunc(date, \"month\")") else { return errorExpr(span) }
            let a = checkExpr(args[0], scope)
            guard require(a, { $0.isTemporal }, "a DateTime or Date") else { return errorExpr(span) }
            guard case .literal(.string(let unit)) = args[1].kind else {
                error(.invalidArgument, "`trunc` needs the unit as a string literal", at: args[1].span,
                      hints: ["units: " + Checker.truncUnits.joined(separator: ", ")])
                return errorExpr(span)
            }
            guard Checker.truncUnits.contains(unit) else {
                let close = Suggestions.closest(to: unit, among: Checker.truncUnits)
                error(.invalidArgument, "`\(unit)` is not a unit `trunc` knows", at: args[1].span,
                      hints: close.isEmpty ? ["units: " + Checker.truncUnits.joined(separator: ", ")] : ["did you mean \(Suggestions.quotedList(close))?"])
                return errorExpr(span)
            }
            let u = TypedExpr(.constant(.string(unit)), type: .string, span: args[1].span)
            return typed(.dateTime, [a, u], optional: a.type.isOptional)
        }
    }
}
