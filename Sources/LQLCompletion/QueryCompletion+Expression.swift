import LQLSchema
import LQLSyntax

/// Completion inside a stage: fields and relations of the model in scope, paths after `.`,
/// enum values after `==`/`!=`/`in [`, and the words that may follow an operand.
extension QueryCompletion {
    func completeExpression(_ body: [Token], stage: Keyword, scope: Scope, word: String) -> Completion {
        var frames = [Frame(scope: scope, allowsToMany: stage == .select, start: 0)]
        var afterAggregate = false
        for (i, token) in body.enumerated() {
            let top = frames[frames.count - 1]
            switch token.kind {
            case .leftParen:
                var callee = i > 0 && (body[i - 1].kind == .identifier || body[i - 1].isKeyword(.count)) ? body[i - 1].text : nil
                if i > 0, body[i - 1].isKeyword(.over) { callee = "over" }
                let isAggregate = callee.map { Self.aggregateFunctions.contains($0) } ?? false
                frames.append(Frame(scope: top.scope, allowsToMany: isAggregate, start: i + 1, callee: callee))
            case .leftBrace:
                var frame = Frame(scope: .unknown, allowsToMany: true, start: i + 1, isShape: true)
                if case .model(let m)? = resolve(trailingPath(body[..<i]), in: top.scope, allowsToMany: true) {
                    frame.scope = .model(m)
                }
                frames.append(frame)
            case .leftBracket:
                var frame = Frame(scope: top.scope, allowsToMany: false, start: i + 1)
                if i > 0, body[i - 1].isKeyword(.in) { frame.listOperand = trailingPath(body[..<(i - 1)]) }
                frames.append(frame)
            case .rightParen, .rightBrace, .rightBracket:
                if frames.count > 1 { frames.removeLast() }
            case .keyword(.where):
                // `count(orders where …)`: the condition is about the related rows.
                if let callee = top.callee, Self.aggregateFunctions.contains(callee),
                   case .model(let m)? = resolve(body[top.start..<i], in: top.scope, allowsToMany: true) {
                    frames[frames.count - 1].scope = .model(m)
                    frames[frames.count - 1].allowsToMany = false
                }
            case .keyword(.aggregate) where frames.count == 1:
                afterAggregate = true
            default:
                break
            }
        }
        let frame = frames[frames.count - 1]
        let previous = body.last

        // `customer.` / `orders.` (inside an aggregate) / `OrderStatus.`
        if previous?.kind == .dot {
            let path = trailingPath(body[..<(body.count - 1)])
            guard !path.isEmpty else { return .none(word) }
            switch resolve(path, in: frame.scope, allowsToMany: frame.allowsToMany, qualifiers: true) {
            case .model(let m)?: return matching(fieldCandidates(m, allowsToMany: frame.allowsToMany), word)
            case .enumType(let e)?: return matching(e.values.map { CompletionCandidate($0.name, .enumValue) }, word)
            default: return .none(word)
            }
        }
        // `status == ` / `status in [PENDING, `
        if let previous, previous.kind == .equal || previous.kind == .notEqual {
            if let values = valueCandidates(for: trailingPath(body[..<(body.count - 1)]), in: frame.scope) {
                return matching(values, word)
            }
        }
        if let operand = frame.listOperand, previous?.kind == .leftBracket || previous?.kind == .comma,
           let values = valueCandidates(for: operand, in: frames[frames.count - 2].scope) {
            return matching(values, word)
        }
        if let previous, previous.endsOperand {
            var words = followingWords(stage: stage, frame: frame, afterAggregate: afterAggregate)
            // `rank() ▮` in select/derive: a window follows a call
            if previous.kind == .rightParen, stage == .select, !frame.isShape { words.append(CompletionCandidate("over", .keyword)) }
            if openCases(body) > 0 {
                words += ["when", "then", "else", "end"].map { CompletionCandidate($0, .keyword) }
            }
            if frame.callee == "over" { words += ["sort", "rows"].map { CompletionCandidate($0, .keyword) } }
            return matching(words, word)
        }
        if previous?.isKeyword(.is) == true {
            return matching([CompletionCandidate("null", .keyword), CompletionCandidate("not", .keyword)], word)
        }
        if let previous, previous.isKeyword(.not), body.count >= 2, body[body.count - 2].isKeyword(.is) {
            return matching([CompletionCandidate("null", .keyword)], word)
        }

        // The start of an operand: names in scope, then (once a word is typed) functions.
        var candidates: [CompletionCandidate]
        switch frame.scope {
        case .model(let m): candidates = fieldCandidates(m, allowsToMany: frame.allowsToMany)
        case .columns(let names): candidates = names.map { CompletionCandidate($0, .field) }
        case .unknown: candidates = []
        }
        if frame.callee == "over" {
            // `over (▮`: the parts of a window, then the row's names for them
            candidates = ["by", "sort", "rows"].map { CompletionCandidate($0, .keyword) } + candidates
        }
        if !word.isEmpty && !frame.isShape {
            var functions = Self.scalarFunctions
            if stage == .select && frame.callee == nil { functions = Self.windowFunctions + functions }
            if stage == .select || stage == .group || stage == .where { candidates.append(CompletionCandidate("case", .keyword)) }
            if stage == .select || stage == .aggregate || stage == .group || frame.allowsToMany || stage == .where {
                functions = Self.aggregateFunctionNames + functions
            }
            candidates += functions.map { CompletionCandidate($0, .function, terminator: "(") }
            if stage == .where || frame.callee != nil {
                candidates += ["not", "null", "true", "false"].map { CompletionCandidate($0, .keyword) }
            }
        }
        return matching(candidates, word)
    }

    /// Words that may follow a finished operand in this stage.
    private func followingWords(stage: Keyword, frame: Frame, afterAggregate: Bool) -> [CompletionCandidate] {
        let words: [String]
        if frame.isShape || frame.callee == "over" {
            words = []
        } else if stage == .where || frame.callee != nil {
            words = ["and", "or", "in", "is", "not"]
        } else if stage == .sort {
            words = ["asc", "desc"]
        } else if stage == .group && !afterAggregate {
            words = ["aggregate"]
        } else {
            words = []
        }
        return words.map { CompletionCandidate($0, .keyword) }
    }

    /// Enum values (or `true`/`false`) for comparing with the field `path` names.
    private func valueCandidates(for path: ArraySlice<Token>, in scope: Scope) -> [CompletionCandidate]? {
        guard case .field(let field)? = resolve(path, in: scope, allowsToMany: false) else { return nil }
        switch field.type {
        case .enumeration(let name):
            guard let e = catalog.enumType(named: name) else { return nil }
            return e.values.map { CompletionCandidate($0.name, .enumValue) }
        case .scalar(.boolean):
            return [CompletionCandidate("true", .keyword), CompletionCandidate("false", .keyword)]
        default:
            return nil
        }
    }

    func fieldCandidates(_ model: Model, allowsToMany: Bool) -> [CompletionCandidate] {
        model.fields.compactMap { field in
            guard !field.isForbidden else { return nil }
            switch field.type {
            case .unsupported:
                return nil
            case .relation(let relation):
                if relation.cardinality == .toMany && !allowsToMany { return nil }
                if catalog.model(named: relation.targetModel)?.isTenantRoot == true { return nil }
                return CompletionCandidate(field.name, .relation, terminator: "")
            default:
                return CompletionCandidate(field.name, .field)
            }
        }
    }

    enum PathEnd {
        case model(Model)
        case field(Field)
        case enumType(EnumType)
    }

    /// The `a.b.c` that ends right before `end` (identifiers joined by dots), or empty.
    func trailingPath(_ tokens: ArraySlice<Token>) -> ArraySlice<Token> {
        var i = tokens.endIndex
        var expectName = true
        while i > tokens.startIndex {
            let t = tokens[i - 1]
            if expectName ? t.kind != .identifier : t.kind != .dot { break }
            expectName.toggle()
            i -= 1
        }
        var path = tokens[i..<tokens.endIndex]
        if path.first?.kind == .dot { path = path.dropFirst() }
        return path
    }

    /// Follows a path of names from the scope's model: relations lead to their model (to-many
    /// only where allowed), a scalar ends it. With `qualifiers`, a lone name may also be an
    /// enum (`OrderStatus.`) or a model (`Customer.`). Sensitive and tenant fields lead nowhere.
    func resolve(_ path: ArraySlice<Token>, in scope: Scope, allowsToMany: Bool, qualifiers: Bool = false) -> PathEnd? {
        let names = path.filter { $0.kind != .dot }.map(\.text)
        guard !names.isEmpty, path.allSatisfy({ $0.kind == .identifier || $0.kind == .dot }) else { return nil }
        var model: Model
        if case .model(let m) = scope, m.field(named: names[0]) != nil {
            model = m
        } else if qualifiers, names.count == 1, let e = catalog.enumType(named: names[0]) {
            return .enumType(e)
        } else if qualifiers, names.count == 1, let m = catalog.model(named: names[0]), !m.isTenantRoot {
            return .model(m)
        } else {
            return nil
        }
        for (i, name) in names.enumerated() {
            guard let field = model.field(named: name), !field.isForbidden else { return nil }
            guard let relation = field.relation else {
                return i == names.count - 1 ? .field(field) : nil
            }
            if relation.cardinality == .toMany && !allowsToMany { return nil }
            guard let target = catalog.model(named: relation.targetModel), !target.isTenantRoot else { return nil }
            model = target
        }
        return .model(model)
    }
}

extension Token {
    /// After these an operand is finished: an operator or keyword comes next, not a name.
    var endsOperand: Bool {
        switch kind {
        case .identifier, .integer, .decimal, .string, .date, .timestamp, .parameter,
             .rightParen, .rightBracket, .rightBrace,
             .keyword(.null), .keyword(.true), .keyword(.false), .keyword(.asc), .keyword(.desc):
            return true
        default:
            return false
        }
    }
}

extension QueryCompletion {
    /// `case` expressions not yet closed by `end` in the stage so far.
    func openCases(_ body: [Token]) -> Int {
        body.reduce(0) { n, t in t.isKeyword(.case) ? n + 1 : t.isKeyword(.end) ? max(0, n - 1) : n }
    }
}
