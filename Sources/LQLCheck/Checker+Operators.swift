import LQLDiagnostics
import LQLSchema
import LQLSyntax

extension Checker {
    /// Types both operands; an operand that needs context (a bare enum value, an undeclared
    /// parameter) is typed after the other and gets its type as the expectation.
    func checkPair(_ l: Expr, _ r: Expr, _ scope: Scope, expected: LQLType? = nil) -> (TypedExpr, TypedExpr) {
        if needsContext(l, scope) && !needsContext(r, scope) {
            let tr = checkExpr(r, scope, expected: expected)
            let tl = checkExpr(l, scope, expected: tr.type.isError ? expected : tr.type.required)
            return (tl, tr)
        }
        let tl = checkExpr(l, scope, expected: expected)
        let tr = checkExpr(r, scope, expected: tl.type.isError || tl.type.isNull ? expected : tl.type.required)
        return (tl, tr)
    }

    /// Types that can be compared with `==` / `<`: same kind, numbers with numbers, dates with dates.
    func comparable(_ a: LQLType, _ b: LQLType) -> Bool {
        if a.isError || b.isError || a.isNull || b.isNull { return true }
        if a.isList != b.isList { return false }
        if a.isNumeric && b.isNumeric { return true }
        if a.isTemporal && b.isTemporal { return true }
        return a.base == b.base
    }

    /// The type both fit in (`??`, `coalesce`, list items), nil when they do not.
    func commonType(_ a: LQLType, _ b: LQLType) -> LQLType? {
        if a.isError { return b }
        if b.isError { return a }
        if a.isNull { return b.optional }
        if b.isNull { return a.optional }
        guard a.isList == b.isList else { return nil }
        let optional = a.isOptional || b.isOptional
        if let ra = a.numericRank, let rb = b.numericRank {
            var t = ra >= rb ? a : b
            t.isOptional = optional
            return t
        }
        if a.isTemporal && b.isTemporal {
            var t = a.base == .dateTime ? a : b
            t.isOptional = optional
            return t
        }
        guard a.base == b.base else { return nil }
        var t = a
        t.isOptional = optional
        return t
    }

    func mismatch(_ what: String, _ l: TypedExpr, _ r: TypedExpr, span: Span, hints: [String] = []) -> TypedExpr {
        var allHints = hints
        if let e = l.type.enumName, r.type.isString, case .constant(.string(let s)) = r.kind {
            allHints.append(catalog.enumType(named: e)?.value(named: s) != nil
                ? "enum values are written without quotes: `\(s)`"
                : "`\(e)` values: " + (catalog.enumType(named: e)?.values.map(\.name).joined(separator: ", ") ?? ""))
        }
        error(.typeMismatch, "\(what): `\(source.text(in: l.span))` is \(l.type.required) but `\(source.text(in: r.span))` is \(r.type.required)",
              at: span, hints: allHints)
        return errorExpr(span)
    }

    func checkBinary(_ op: BinaryOperator, _ l: Expr, _ r: Expr, _ scope: Scope, span: Span, expected: LQLType?) -> TypedExpr {
        switch op {
        case .and, .or:
            let tl = checkExpr(l, scope), tr = checkExpr(r, scope)
            requireBoolean(tl, what: "`\(op.rawValue)`")
            requireBoolean(tr, what: "`\(op.rawValue)`")
            let k: TypedBinaryOperator = op == .and ? .and : .or
            return TypedExpr(.binary(k, tl, tr), type: LQLType(.boolean, isOptional: tl.type.isOptional || tr.type.isOptional), span: span)

        case .equal, .notEqual:
            if case .literal(.null) = r.kind { return nullComparison(op, l, scope, span: span) }
            if case .literal(.null) = l.kind { return nullComparison(op, r, scope, span: span) }
            let (tl, tr) = checkPair(l, r, scope)
            guard comparable(tl.type, tr.type), !(tl.type.base == .json || tr.type.base == .json) else {
                return mismatch("cannot compare these", tl, tr, span: span)
            }
            return TypedExpr(.binary(op == .equal ? .equal : .notEqual, tl, tr),
                             type: LQLType(.boolean, isOptional: tl.type.isOptional || tr.type.isOptional), span: span)

        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let (tl, tr) = checkPair(l, r, scope)
            let unordered: (LQLType) -> Bool = { $0.isList || $0.base == .json || $0.base == .bytes || $0.base == .boolean }
            guard comparable(tl.type, tr.type), !unordered(tl.type), !unordered(tr.type) else {
                return mismatch("cannot order these", tl, tr, span: span)
            }
            let k: TypedBinaryOperator = switch op {
            case .less: .less
            case .lessOrEqual: .lessOrEqual
            case .greater: .greater
            default: .greaterOrEqual
            }
            return TypedExpr(.binary(k, tl, tr), type: LQLType(.boolean, isOptional: tl.type.isOptional || tr.type.isOptional), span: span)

        case .contains:
            let tl = checkExpr(l, scope), tr = checkExpr(r, scope, expected: .string)
            for t in [tl, tr] where !t.type.isError && !t.type.isString {
                error(.typeMismatch, "`~` matches text, but `\(source.text(in: t.span))` is \(t.type)", at: t.span,
                      hints: t.type.enumName != nil ? ["compare enum values with `==` or `in [...]`"] : [])
                return errorExpr(span)
            }
            return TypedExpr(.binary(.contains, tl, tr), type: LQLType(.boolean, isOptional: tl.type.isOptional), span: span)

        case .in, .notIn:
            return checkIn(l, r, negated: op == .notIn, scope, span: span)

        case .has:
            let tl = checkExpr(l, scope)
            if !tl.type.isError && !tl.type.isList {
                error(.typeMismatch, "`has` needs a list on the left, but `\(source.text(in: l.span))` is \(tl.type)", at: l.span,
                      hints: ["for a single value write `==`"])
                return errorExpr(span)
            }
            let tr = checkExpr(r, scope, expected: tl.type.element.required)
            if case .literal(.null) = r.kind {
                error(.compareWithNull, "a list never has `null`", at: r.span)
                return errorExpr(span)
            }
            if !comparable(tl.type.element, tr.type) || tr.type.isList {
                return mismatch("`has` needs an element of the list's type", tl, tr, span: span)
            }
            return TypedExpr(.has(tl, tr), type: .boolean, span: span)

        case .coalesce:
            let (tl, tr) = checkPair(l, r, scope, expected: expected)
            guard var t = commonType(tl.type, tr.type) else { return mismatch("`??` needs values of one type", tl, tr, span: span) }
            t.isOptional = tr.type.isOptional
            return TypedExpr(.binary(.coalesce, tl, tr), type: t, span: span)

        case .add, .subtract, .multiply, .divide, .remainder:
            let (tl, tr) = checkPair(l, r, scope, expected: expected)
            return arithmetic(op, tl, tr, span: span)
        }
    }

    func nullComparison(_ op: BinaryOperator, _ other: Expr, _ scope: Scope, span: Span) -> TypedExpr {
        _ = checkExpr(other, scope)
        let replacement = source.text(in: other.span) + (op == .equal ? " is null" : " is not null")
        error(.compareWithNull, "`\(op.rawValue) null` is never true in SQL", at: span,
              hints: ["write `\(replacement)`"], fixIts: [FixIt(span: span, replacement: replacement)])
        return errorExpr(span)
    }

    func arithmetic(_ op: BinaryOperator, _ tl: TypedExpr, _ tr: TypedExpr, span: Span) -> TypedExpr {
        if tl.type.isError || tr.type.isError { return errorExpr(span) }
        let optional = tl.type.isOptional || tr.type.isOptional
        func result(_ k: TypedBinaryOperator, _ base: LQLType.Base) -> TypedExpr {
            TypedExpr(.binary(k, tl, tr), type: LQLType(base, isOptional: optional), span: span)
        }
        let a = tl.type, b = tr.type
        if a.isNull || b.isNull {
            return mismatch("`\(op.rawValue)` with `null` is always null", tl, tr, span: span, hints: ["use `??` to give a default"])
        }
        switch op {
        case .add, .subtract:
            let k: TypedBinaryOperator = op == .add ? .add : .subtract
            if let ra = a.numericRank, let rb = b.numericRank { return result(k, (ra >= rb ? a : b).base) }
            if a.isTemporal && b.base == .duration && !b.isList { return result(k, .dateTime) }
            if op == .add && a.base == .duration && b.isTemporal && !a.isList { return result(k, .dateTime) }
            if a.base == .duration && b.base == .duration && !a.isList && !b.isList { return result(k, .duration) }
            if op == .subtract && a.base == .date && b.base == .date && !a.isList && !b.isList { return result(k, .int) }
            if op == .subtract && a.isTemporal && b.isTemporal { return result(k, .duration) }
            if op == .add && a.isString && b.isString { return result(.concat, .string) }
        case .multiply:
            if let ra = a.numericRank, let rb = b.numericRank { return result(.multiply, (ra >= rb ? a : b).base) }
            if (a.base == .duration && b.isNumeric) || (a.isNumeric && b.base == .duration) { return result(.multiply, .duration) }
        case .divide:
            // CHOICE: division is exact. Int / Int is Decimal (2 / 4 = 0.5), never truncated.
            if let ra = a.numericRank, let rb = b.numericRank {
                return result(.divide, max(ra, rb) == 3 ? .float : .decimal)
            }
            if a.base == .duration && b.isNumeric { return result(.divide, .duration) }
        case .remainder:
            if let ra = a.numericRank, let rb = b.numericRank, max(ra, rb) < 3 { return result(.remainder, (ra >= rb ? a : b).base) }
        default: break
        }
        return mismatch("cannot apply `\(op.rawValue)`", tl, tr, span: span)
    }

    func checkIn(_ l: Expr, _ r: Expr, negated: Bool, _ scope: Scope, span: Span) -> TypedExpr {
        if let query = queryOperand(r, scope) {
            return checkInQuery(l, query, negated: negated, scope, span: span)
        }
        let tl = checkExpr(l, scope)
        switch r.kind {
        case .list(let items):
            var typed: [TypedExpr] = []
            var ok = true
            for item in items {
                if case .literal(.null) = item.kind {
                    error(.compareWithNull, "`in` never matches `null`", at: item.span,
                          hints: ["test it separately: `… or \(source.text(in: l.span)) is null`"])
                    ok = false
                    continue
                }
                let t = checkExpr(item, scope, expected: tl.type.required)
                if !comparable(tl.type, t.type) || t.type.isList {
                    _ = mismatch("list item of another type", tl, t, span: item.span)
                    ok = false
                }
                typed.append(t)
            }
            guard ok, !tl.type.isError else { return errorExpr(span) }
            let constants = typed.compactMap { t -> Constant? in
                if case .constant(let c) = t.kind { return c }
                return nil
            }
            if constants.count == typed.count {
                // One array bind for the whole list, of the left side's type (promoted for numbers).
                var elementType = tl.type.required
                for t in typed { if let c = commonType(elementType, t.type) { elementType = c.required } }
                let list = TypedExpr(.constant(.list(constants)), type: elementType.list, span: r.span)
                return TypedExpr(.inList(tl, list, negated: negated), type: .boolean, span: span)
            }
            return TypedExpr(.inExprs(tl, typed, negated: negated), type: .boolean, span: span)
        case .range(let lo, let hi):
            let tlo = checkExpr(lo, scope, expected: tl.type.required)
            let thi = checkExpr(hi, scope, expected: tl.type.required)
            for b in [tlo, thi] where !comparable(tl.type, b.type) || b.type.isList || b.type.isNull {
                return mismatch("range bound of another type", tl, b, span: b.span)
            }
            return TypedExpr(.inRange(tl, lower: tlo, upper: thi, negated: negated), type: .boolean, span: span)
        default:
            let tr = checkExpr(r, scope, expected: tl.type.required.list)
            if tr.type.isError || tl.type.isError { return errorExpr(span) }
            guard tr.type.isList, comparable(tl.type, tr.type.element) else {
                error(.typeMismatch, "`in` needs a list `[a, b]`, a range `a..b` or a list parameter, but `\(source.text(in: r.span))` is \(tr.type)",
                      at: r.span, hints: tl.type.isList ? [] : ["for one value write `==`"])
                return errorExpr(span)
            }
            return TypedExpr(.inList(tl, tr, negated: negated), type: .boolean, span: span)
        }
    }
}
