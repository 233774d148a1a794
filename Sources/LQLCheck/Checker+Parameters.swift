import LQLSystem
import LQLDiagnostics
import LQLSchema
import LQLSyntax

extension Checker {
    func declareParameter(_ decl: ParamDecl) {
        let name = decl.name.name
        if let earlier = parameters[name], earlier.isDeclared {
            error(.redefinition, "parameter `$\(name)` is declared twice", at: decl.name.span,
                  notes: [DiagnosticNote("first declared here", span: earlier.span)])
            return
        }
        guard let base = LQLType.named(decl.type.name.name, catalog: catalog) else {
            let close = Suggestions.closest(to: decl.type.name.name, among: LQLType.typeNames(catalog: catalog))
            error(.unknownType, "unknown type `\(decl.type.name.name)`", at: decl.type.name.span,
                  hints: close.isEmpty ? ["types: " + LQLType.typeNames(catalog: catalog).joined(separator: ", ")]
                                       : ["did you mean \(Suggestions.quotedList(close))?"])
            return
        }
        let type = LQLType(base, isList: decl.type.isList, isOptional: decl.type.isOptional)
        var defaultExpr: TypedExpr? = nil
        if let d = decl.defaultValue {
            let typed = checkDefault(d, type: type)
            if !typed.type.isError && !assignable(typed.type, to: type) {
                error(.invalidDefault, "the default of `$\(name)` is \(typed.type) but the parameter is \(type)", at: d.span,
                      hints: ["change the default or the declared type"])
            } else {
                defaultExpr = typed
            }
        }
        var value: CheckedParameter.Value = .missing
        if let text = supplied[name] {
            if let c = parseParameterValue(text, as: type) { value = .supplied(c) }
            else { reportBadValue(name: name, text: text, type: type, at: decl.name.span) }
        } else if let defaultExpr {
            value = .defaultValue(defaultExpr)
        } else if type.isOptional {
            value = .supplied(.null)
        } else if requireParameterValues {
            error(.missingParameter, "parameter `$\(name)` needs a value", at: decl.name.span,
                  hints: ["supply it when running (`\(name)=…`), or give it a default: `param \(name): \(type) = …`"])
        }
        register(CheckedParameter(name: name, type: type, defaultText: decl.defaultValue.map { source.text(in: $0.span) },
                                  isDeclared: true, isRequired: decl.defaultValue == nil && !type.isOptional,
                                  value: value, span: decl.span))
    }

    func register(_ p: CheckedParameter) {
        if parameters[p.name] == nil { parameterOrder.append(p.name) }
        parameters[p.name] = p
    }

    func checkDefault(_ e: Expr, type: LQLType) -> TypedExpr {
        if case .list(let items) = e.kind {
            guard type.isList else {
                error(.invalidDefault, "a list default needs a list type like `\(type.baseName)[]`", at: e.span)
                return errorExpr(e.span)
            }
            var constants: [Constant] = []
            for item in items {
                let t = checkExpr(item, Scope(kind: .constant), expected: type.element.required)
                guard case .constant(let c) = t.kind, !t.type.isError else {
                    if !t.type.isError { error(.invalidDefault, "list defaults must be literals", at: item.span) }
                    return errorExpr(e.span)
                }
                if !assignable(t.type, to: type.element.required) {
                    error(.invalidDefault, "list item is \(t.type) but the parameter is \(type)", at: item.span)
                    return errorExpr(e.span)
                }
                constants.append(c)
            }
            return TypedExpr(.constant(.list(constants)), type: type.required, span: e.span)
        }
        return checkExpr(e, Scope(kind: .constant), expected: type.required)
    }

    /// Whether a value of type `from` may stand where `to` is declared.
    func assignable(_ from: LQLType, to: LQLType) -> Bool {
        if from.isError { return true }
        if from.isNull { return to.isOptional }
        if from.isList != to.isList { return false }
        if let rf = from.numericRank, let rt = to.numericRank { return rf <= rt }
        if from.base == .date && to.base == .dateTime { return true }
        return from.base == to.base
    }

    func checkParameter(_ id: Identifier, expected: LQLType?) -> TypedExpr {
        let name = id.name
        if let p = parameters[name] {
            return TypedExpr(.parameter(name), type: p.type, span: id.span)
        }
        if let later = declaredLater[name] {
            error(.useBeforeDefinition, "`$\(name)` is used before its `param` declaration", at: id.span,
                  hints: ["move `param \(name): …` above its first use"],
                  notes: [DiagnosticNote("declared here", span: later)])
            return errorExpr(id.span)
        }
        if let text = supplied[name] {
            // Supplied without a declaration: the value takes the type the context expects.
            let type = expected ?? .string
            guard let c = parseParameterValue(text, as: type) else {
                reportBadValue(name: name, text: text, type: type, at: id.span)
                return errorExpr(id.span)
            }
            register(CheckedParameter(name: name, type: type, defaultText: nil, isDeclared: false, isRequired: true,
                                      value: .supplied(c), span: id.span))
            return TypedExpr(.parameter(name), type: type, span: id.span)
        }
        let known = parameterOrder + supplied.keys.sorted()
        let close = Suggestions.closest(to: name, among: known)
        error(.unknownParameter, "unknown parameter `$\(name)`", at: id.span,
              hints: (close.isEmpty ? [] : ["did you mean \(Suggestions.quotedList(close.map { "$" + $0 }))?"])
                  + ["declare it: `param \(name): Type = default`, or supply a value when running"])
        return errorExpr(id.span)
    }

    func reportBadValue(name: String, text: String, type: LQLType, at span: Span) {
        let example: String = switch type.base {
        case .int, .bigInt: "a whole number like 42"
        case .decimal: "a number like 12.50"
        case .float: "a number like 12.50 or 1.5e-3 (decimal digits, within ±1.8e308 and not so small it rounds to 0)"
        case .boolean: "true or false"
        case .dateTime: "a date like 2025-01-01 or a timestamp like 2025-01-01T09:30:00Z"
        case .date: "a date like 2025-01-01"
        case .duration: "a duration like `30 days` (at most 2147483647 of a unit, 178956970 years)"
        case .enumeration(let e): "one of " + (catalog.enumType(named: e)?.values.map(\.name).joined(separator: ", ") ?? "its values")
        default: "a \(type.baseName)"
        }
        var hints: [String] = []
        if case .enumeration(let e) = type.base, let values = catalog.enumType(named: e)?.values.map(\.name) {
            let close = Suggestions.closest(to: text.trimmingBlanks(), among: values)
            if !close.isEmpty { hints.append("did you mean \(Suggestions.quotedList(close))?") }
        }
        error(.invalidParameterValue, "`\(name)=\(text)` is not a valid \(type)", at: span,
              hints: hints + ["expected \(example)\(type.isList ? ", items separated by commas" : "")"])
    }

    /// Parses a supplied value (text form) as `type`; nil when it is not one.
    func parseParameterValue(_ text: String, as type: LQLType) -> Constant? {
        let trimmed = text.trimmingBlanks()
        if type.isOptional && (trimmed == "null" || trimmed.isEmpty) && !type.isList { return .null }
        if type.isList {
            if trimmed.isEmpty { return .list([]) }
            var items: [Constant] = []
            for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
                guard let c = parseParameterValue(String(part), as: type.element.required) else { return nil }
                items.append(c)
            }
            return .list(items)
        }
        switch type.base {
        case .string, .json: return .string(text)
        case .bytes: return .string(text)
        case .int: return Int32(trimmed).map { _ in .integer(trimmed) }
        case .bigInt: return Int64(trimmed).map { _ in .integer(trimmed) }
        case .decimal:
            return trimmed.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil && ValueRanges.decimal(trimmed) ? .decimal(trimmed) : nil
        case .float:
            return ValueRanges.float(trimmed) ? .float(trimmed) : nil
        case .boolean:
            switch trimmed.lowercased() {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: return nil
            }
        case .enumeration(let e):
            let v = trimmed.hasPrefix(e + ".") ? String(trimmed.dropFirst(e.count + 1)) : trimmed
            return catalog.enumType(named: e)?.value(named: v).map { .enumValue(enumName: e, value: $0.name) }
        case .date, .dateTime:
            let literal = literalViaParser(trimmed.hasPrefix("@") ? trimmed : "@" + trimmed)
            switch literal {
            case .date(let d): return .date(d)
            case .timestamp(let t) where type.base == .dateTime: return .timestamp(t)
            default: return nil
            }
        case .duration:
            if case .duration(let a, let u) = literalViaParser(trimmed), ValueRanges.duration(amount: a, unit: u) {
                return .duration(amount: a, unit: u)
            }
            return nil
        case .null, .error: return nil
        }
    }

    /// Reads one literal with the LQL lexer, so supplied values follow the source syntax exactly.
    func literalViaParser(_ text: String) -> Literal? {
        guard !text.contains("\n"), !text.contains(";") else { return nil }
        let result = LQLParser.parse(SourceFile(name: "<parameter>", text: "param p: String = " + text))
        guard !result.hasErrors, result.program.statements.count == 1,
              case .param(let decl) = result.program.statements[0].kind,
              case .literal(let literal)? = decl.defaultValue?.kind else { return nil }
        return literal
    }
}
