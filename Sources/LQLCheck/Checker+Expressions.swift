import LQLDiagnostics
import LQLSchema
import LQLSyntax

extension Checker {
    func errorExpr(_ span: Span) -> TypedExpr { TypedExpr(.constant(.null), type: .error, span: span) }

    /// Types `e` in `scope`. `expected` only steers what cannot be typed alone: bare enum values
    /// and parameters the caller supplied without declaring them.
    func checkExpr(_ e: Expr, _ scope: Scope, expected: LQLType? = nil) -> TypedExpr {
        switch e.kind {
        case .literal(let literal):
            return checkLiteral(literal, span: e.span)
        case .name(let id):
            return checkName(id, scope, expected: expected)
        case .member:
            return checkMember(e, scope, expected: expected)
        case .parameter(let id):
            return checkParameter(id, expected: expected)
        case .unary(.not, let x):
            let t = checkExpr(x, scope)
            requireBoolean(t, what: "`not`")
            return TypedExpr(.not(t), type: LQLType(.boolean, isOptional: t.type.isOptional), span: e.span)
        case .unary(.negate, let x):
            let t = checkExpr(x, scope, expected: expected)
            // Folded on the digits, so `-(-1)` is `1` (not the text `--1`) and no width can overflow.
            if case .constant(.integer(let d)) = t.kind, t.type.isInteger {
                return TypedExpr(.constant(.integer(Self.negatedDigits(d))), type: t.type, span: e.span)
            }
            if case .constant(.decimal(let d)) = t.kind {
                return TypedExpr(.constant(.decimal(Self.negatedDigits(d))), type: t.type, span: e.span)
            }
            if !t.type.isError && !t.type.isNumeric && t.type.base != .duration {
                error(.typeMismatch, "`-` needs a number or a duration, but `\(source.text(in: x.span))` is \(t.type)", at: x.span)
                return errorExpr(e.span)
            }
            return TypedExpr(.negate(t), type: t.type, span: e.span)
        case .binary(let op, let l, let r):
            return checkBinary(op, l, r, scope, span: e.span, expected: expected)
        case .isNull(let x, let negated):
            if let link = relationPresence(x, scope) {
                return TypedExpr(.isNull(link, negated: negated), type: .boolean, span: e.span)
            }
            let t = checkExpr(x, scope)
            return TypedExpr(.isNull(t, negated: negated), type: .boolean, span: e.span)
        case .list:
            error(.listOutsideIn, "a list can only follow `in` or `not in`", at: e.span,
                  hints: ["write `x in [a, b]`"])
            return errorExpr(e.span)
        case .range:
            error(.misplacedRange, "a range can only follow `in`", at: e.span,
                  hints: ["write `x in a..b` (a ≤ x < b)"])
            return errorExpr(e.span)
        case .call(let f, let args, let filter):
            return checkCall(f, args, filter: filter, scope, span: e.span, expected: expected)
        case .subquery:
            error(.misplacedSubquery, "a query can only follow `in` or `not in`", at: e.span,
                  hints: ["write `x in (Model | where … | select field)`"])
            return errorExpr(e.span)
        case .caseWhen(let branches, let otherwise):
            return checkCase(branches, otherwise: otherwise, scope, span: e.span, expected: expected)
        case .window(let call, let spec):
            return checkWindow(call, spec, scope, span: e.span)
        }
    }

    func checkLiteral(_ literal: Literal, span: Span) -> TypedExpr {
        switch literal {
        case .string(let s): return TypedExpr(.constant(.string(s)), type: .string, span: span)
        case .integer(let d):
            let type: LQLType
            if let v = Int64(d) { type = (Int64(Int32.min)...Int64(Int32.max)).contains(v) ? .int : .bigInt }
            else { return TypedExpr(.constant(.decimal(d)), type: .decimal, span: span) }
            return TypedExpr(.constant(.integer(d)), type: type, span: span)
        case .decimal(let d):
            guard ValueRanges.decimal(d) else {
                error(.valueOutOfRange, "this number has more digits than PostgreSQL's numeric holds", at: span,
                      hints: ["at most 131072 digits before the point and 16383 after"])
                return errorExpr(span)
            }
            return TypedExpr(.constant(.decimal(d)), type: .decimal, span: span)
        case .boolean(let b): return TypedExpr(.constant(.boolean(b)), type: .boolean, span: span)
        case .null: return TypedExpr(.constant(.null), type: .null, span: span)
        case .date(let d): return TypedExpr(.constant(.date(d)), type: .date, span: span)
        case .timestamp(let t): return TypedExpr(.constant(.timestamp(t)), type: .dateTime, span: span)
        case .duration(let amount, let unit):
            guard ValueRanges.duration(amount: amount, unit: unit) else {
                error(.valueOutOfRange, "`\(source.text(in: span))` is beyond the range of a PostgreSQL interval", at: span,
                      hints: ["at most 2147483647 of a unit (178956970 years, 306783378 weeks); write a smaller amount or a larger unit"])
                return errorExpr(span)
            }
            return TypedExpr(.constant(.duration(amount: amount, unit: unit)), type: .duration, span: span)
        }
    }

    // MARK: names

    func checkName(_ id: Identifier, _ scope: Scope, expected: LQLType?) -> TypedExpr {
        let enumCandidates = expected?.enumName.flatMap { catalog.enumType(named: $0) }
        switch scope.kind {
        case .row(let model, let prefix):
            if let d = scope.derived.last(where: { $0.name == id.name }) {
                if let inline = d.inline { return TypedExpr(inline.kind, type: inline.type, span: id.span) }
                return TypedExpr(.output(d.name), type: d.type, span: id.span)
            }
            if model.field(named: id.name) == nil, let e = enumCandidates, let v = e.value(named: id.name) {
                return TypedExpr(.constant(.enumValue(enumName: e.name, value: v.name)), type: LQLType(.enumeration(e.name)), span: id.span)
            }
            if model.field(named: id.name) == nil, let e = enumCandidates {
                let close = Suggestions.closest(to: id.name, among: e.values.map(\.name) + visibleFieldNames(model))
                error(.unknownEnumValue, "`\(id.name)` is not a value of `\(e.name)` nor a field of `\(model.name)`", at: id.span,
                      hints: close.isEmpty ? ["`\(e.name)` values: " + e.values.map(\.name).joined(separator: ", ")]
                                           : ["did you mean \(Suggestions.quotedList(close))?"])
                return errorExpr(id.span)
            }
            guard let walk = walkPath([id], from: model, prefix: prefix) else { return errorExpr(id.span) }
            return pathValue(walk, span: id.span)
        case .columns(let columns):
            if let c = columns.first(where: { $0.name == id.name }) {
                return TypedExpr(.output(c.name), type: c.type, span: id.span)
            }
            if let e = enumCandidates, let v = e.value(named: id.name) {
                return TypedExpr(.constant(.enumValue(enumName: e.name, value: v.name)), type: LQLType(.enumeration(e.name)), span: id.span)
            }
            let names = columns.map(\.name)
            let close = Suggestions.closest(to: id.name, among: names + (enumCandidates?.values.map(\.name) ?? []))
            error(.notAColumn, "`\(id.name)` is not an output column here", at: id.span,
                  hints: (close.isEmpty ? [] : ["did you mean \(Suggestions.quotedList(close))?"])
                      + ["after `select`, `group by`, `aggregate` or `count`, later stages see only their columns: "
                         + names.joined(separator: ", ")])
            return errorExpr(id.span)
        case .constant:
            if let e = enumCandidates, let v = e.value(named: id.name) {
                return TypedExpr(.constant(.enumValue(enumName: e.name, value: v.name)), type: LQLType(.enumeration(e.name)), span: id.span)
            }
            error(.unknownField, "`\(id.name)` names nothing here: a parameter default cannot read fields", at: id.span,
                  hints: ["use a literal, a function like `today()`, or an enum value of the parameter's type"])
            return errorExpr(id.span)
        }
    }

    func checkMember(_ e: Expr, _ scope: Scope, expected: LQLType?) -> TypedExpr {
        guard let segments = e.pathSegments else {
            error(.unknownField, "only fields and relations can be followed with `.`", at: e.span)
            return errorExpr(e.span)
        }
        // `OrderStatus.PENDING`
        if segments.count == 2, let enumType = catalog.enumType(named: segments[0].name), !nameIsField(segments[0].name, scope) {
            guard let v = enumType.value(named: segments[1].name) else {
                let close = Suggestions.closest(to: segments[1].name, among: enumType.values.map(\.name))
                error(.unknownEnumValue, "`\(enumType.name)` has no value `\(segments[1].name)`", at: segments[1].span,
                      hints: close.isEmpty ? ["values: " + enumType.values.map(\.name).joined(separator: ", ")]
                                           : ["did you mean \(Suggestions.quotedList(close))?"])
                return errorExpr(e.span)
            }
            return TypedExpr(.constant(.enumValue(enumName: enumType.name, value: v.name)), type: LQLType(.enumeration(enumType.name)), span: e.span)
        }
        switch scope.kind {
        case .row(let model, let prefix):
            guard let walk = walkPath(segments, from: model, prefix: prefix) else { return errorExpr(e.span) }
            return pathValue(walk, span: e.span)
        case .columns(let columns):
            let first = segments[0].name
            error(.notAColumn, "`\(segments.map(\.name).joined(separator: "."))` is not available here: later stages see only output columns",
                  at: e.span,
                  hints: columns.contains { $0.name == segments.last!.name }
                      ? ["the earlier stage named it `\(segments.last!.name)`"]
                      : ["select it in the earlier stage, e.g. `\(segments.last!.name): \(segments.map(\.name).joined(separator: "."))`"]
                        + (columns.isEmpty ? [] : ["columns: " + columns.map(\.name).joined(separator: ", ")])
                        + (first.isEmpty ? [] : []))
            return errorExpr(e.span)
        case .constant:
            error(.unknownField, "a parameter default cannot read fields", at: e.span)
            return errorExpr(e.span)
        }
    }

    /// `salesRep is null`: a to-one relation is null when no related row exists. Its presence is
    /// the related row's join column (non-null whenever the join matched).
    func relationPresence(_ x: Expr, _ scope: Scope) -> TypedExpr? {
        guard case .row(let model, let prefix) = scope.kind, let segments = x.pathSegments,
              model.field(named: segments[0].name) != nil,
              let walk = walkPathQuietly(segments, from: model, prefix: prefix),
              walk.field == nil, walk.manyIndex == nil, let last = walk.steps.last,
              let column = last.relation.joinColumns.first?.remote else { return nil }
        let ref = ColumnRef(path: walk.steps, model: walk.fieldModel.name, field: column, column: column)
        return TypedExpr(.column(ref), type: LQLType(.string, isOptional: true), span: x.span)
    }

    func nameIsField(_ name: String, _ scope: Scope) -> Bool {
        switch scope.kind {
        case .row(let model, _): model.field(named: name) != nil || scope.derived.contains { $0.name == name }
        case .columns(let c): c.contains { $0.name == name }
        case .constant: false
        }
    }

    /// True when `e` cannot be typed without context (a bare enum value, an undeclared parameter):
    /// the other operand is typed first.
    func needsContext(_ e: Expr, _ scope: Scope) -> Bool {
        switch e.kind {
        case .name(let id): return !nameIsField(id.name, scope)
        case .parameter(let id): return parameters[id.name] == nil && declaredLater[id.name] == nil
        case .unary(.negate, let x): return needsContext(x, scope)
        default: return false
        }
    }

    /// A numeral's text negated: a leading `-` dropped, or one added.
    static func negatedDigits(_ d: String) -> String {
        d.hasPrefix("-") ? String(d.dropFirst()) : "-" + d
    }
}
