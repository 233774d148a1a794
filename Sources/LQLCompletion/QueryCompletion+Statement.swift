import LQLDiagnostics
import LQLSchema
import LQLSyntax

/// LQL completion: the tolerant lexer splits the text before the cursor; the statement under
/// the cursor gives the source model, the stage, and the brackets the cursor is inside, and
/// from them what may be typed here.
extension QueryCompletion {
    static let stageWords = ["where", "select", "sort", "take", "skip", "group by", "aggregate", "count", "distinct",
                             "derive", "append"]
    /// Functions that exist only with `over (…)`, offered where windows are allowed.
    static let windowFunctions = ["row_number", "rank", "dense_rank", "percent_rank", "ntile", "lag", "lead", "first", "last"]
    static let aggregateFunctions: Set<String> = ["count", "count_distinct", "sum", "avg", "min", "max", "any", "all",
                                                  "median", "percentile", "stddev"]
    static let scalarFunctions = ["lower", "upper", "length", "trim", "starts_with", "ends_with", "coalesce", "round",
                                  "abs", "now", "today", "date", "trunc", "year", "month", "day", "age",
                                  "days_between", "quarter", "week", "weekday", "hour", "string"]
    static let aggregateFunctionNames = ["count", "count_distinct", "sum", "avg", "min", "max", "any", "all",
                                        "median", "percentile", "stddev"]

    /// What names in an expression refer to at the cursor.
    enum Scope {
        case model(Model)
        /// After `select`/`group`/`aggregate`: only the output columns.
        case columns([String])
        case unknown
    }

    /// One open bracket around the cursor (or the stage itself, at the bottom).
    struct Frame {
        var scope: Scope
        /// To-many relations may be named here: inside `count(`/`sum(`/`any(`/… and in
        /// `select` (for shapes).
        var allowsToMany: Bool
        /// Index of the first token inside the bracket.
        var start: Int
        var callee: String?
        var isShape = false
        /// For `in [ … ]`: the left operand's tokens.
        var listOperand: ArraySlice<Token>?
    }

    func completeQuery(_ text: String) -> Completion {
        let bytes = Array(text.utf8)
        var start = bytes.count
        while start > 0, bytes[start - 1].isIdentifierByte { start -= 1 }
        let word = String(decoding: bytes[start...], as: UTF8.self)
        if let first = bytes[start...].first, first.isDigitByte { return .none(word) }
        if start > 0 {
            switch bytes[start - 1] {
            case UInt8(ascii: "$"): return matching(parameters.sorted().map { CompletionCandidate($0, .parameter) }, word)
            case UInt8(ascii: "@"): return .none(word)
            default: break
            }
        }
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "<completion>", text: text))
        // Inside an unfinished string or a comment there is nothing to complete.
        if diagnostics.contains(where: { $0.code == .unterminatedString }) { return .none(word) }
        var prior: [Token] = []
        prior.reserveCapacity(tokens.count)
        for token in tokens where token.kind != .endOfFile {
            if token.kind == .comment && token.span.start < start && token.span.end >= bytes.count { return .none(word) }
            if token.span.end <= start && token.kind != .comment { prior.append(token) }
        }
        return complete(statement: currentStatement(prior), word: word)
    }

    /// The significant tokens of the statement the cursor is in (line breaks dropped).
    func currentStatement(_ tokens: [Token]) -> [Token] {
        var statementStart = 0
        var depth = 0
        var previous: Token?
        var sawNewline = false
        var result: [Token] = []
        for token in tokens {
            if token.kind == .newline { sawNewline = true; continue }
            if sawNewline, depth == 0, let p = previous, !p.continuesLine, token.beginsStatement {
                statementStart = result.count
            }
            sawNewline = false
            result.append(token)
            previous = token
            if token.kind.isOpeningBracket { depth += 1 }
            if token.kind.isClosingBracket { depth = max(0, depth - 1) }
            if token.kind == .semicolon { depth = 0; statementStart = result.count; previous = nil }
        }
        // The word itself starts a new line after a finished statement: a new statement.
        if sawNewline, depth == 0, let p = previous, !p.continuesLine { statementStart = result.count }
        return Array(result[statementStart...])
    }

    func complete(statement: [Token], word: String) -> Completion {
        var s = statement[...]
        var atTopLevel = true
        if s.first?.isKeyword(.let) == true {
            atTopLevel = false
            guard s.count >= 3, s[s.startIndex + 2].kind == .assign else { return .none(word) }
            s = s.dropFirst(3)
        } else if s.first?.isKeyword(.param) == true {
            return completeParamDeclaration(s, word: word)
        }
        guard let source = s.first else {
            var candidates = catalog.queryableModels.map(\.name).sorted().map { CompletionCandidate($0, .model) }
            candidates += bindings.keys.sorted().map { CompletionCandidate($0, .binding) }
            if atTopLevel { candidates += [CompletionCandidate("let", .keyword), CompletionCandidate("param", .keyword)] }
            return matching(candidates, word)
        }
        guard source.kind == .identifier else { return .none(word) }
        let modelName = catalog.model(named: source.text) != nil ? source.text : bindings[source.text]
        var scope: Scope = modelName.flatMap { catalog.model(named: $0) }.map { .model($0) } ?? .unknown

        let stages = splitStages(s.dropFirst())
        guard stages.count > 1 else { return .none(word) }  // after the source only `|` may follow
        for stage in stages.dropFirst().dropLast() { scope = scopeAfter(stage, scope) }
        let stage = stages.last!
        guard let keywordToken = stage.first else {
            return matching(Self.stageWords.map { CompletionCandidate($0, .stage) }, word)
        }
        guard let keyword = keywordToken.keyword else { return .none(word) }
        var body = stage.dropFirst()
        switch keyword {
        case .group:
            guard let by = body.first else { return matching([CompletionCandidate("by", .keyword)], word) }
            guard by.isKeyword(.by) else { return .none(word) }
            body = body.dropFirst()
        case .where, .select, .sort, .aggregate:
            break
        case .derive:
            // Like `select`: expressions of the row, windows allowed.
            return completeExpression(Array(body), stage: .select, scope: scope, word: word)
        case .append:
            guard body.isEmpty else { return .none(word) }
            return matching(bindings.keys.sorted().map { CompletionCandidate($0, .binding) }
                            + catalog.queryableModels.map(\.name).sorted().map { CompletionCandidate($0, .model) }, word)
        case .take:
            // `take n by k, …`: after `by`, the row's names
            guard let by = body.firstIndex(where: { $0.isKeyword(.by) }) else {
                return body.count == 1 ? matching([CompletionCandidate("by", .keyword)], word) : .none(word)
            }
            return completeExpression(Array(body[(by + 1)...]), stage: .take, scope: scope, word: word)
        default:
            return .none(word)  // take/skip want a number, count/distinct nothing
        }
        return completeExpression(Array(body), stage: keyword, scope: scope, word: word)
    }

    private func completeParamDeclaration(_ s: ArraySlice<Token>, word: String) -> Completion {
        guard let last = s.last else { return .none(word) }
        if last.kind == .colon {
            let types = ScalarType.allCases.map(\.rawValue) + catalog.enums.map(\.name)
            return matching(types.map { CompletionCandidate($0, .keyword) }, word)
        }
        return .none(word)
    }

    /// Splits at `|` outside brackets; the first element is what precedes the first `|`.
    private func splitStages(_ tokens: ArraySlice<Token>) -> [ArraySlice<Token>] {
        var stages: [ArraySlice<Token>] = []
        var depth = 0
        var start = tokens.startIndex
        for i in tokens.indices {
            let kind = tokens[i].kind
            if kind.isOpeningBracket { depth += 1 }
            if kind.isClosingBracket { depth = max(0, depth - 1) }
            if kind == .pipe && depth == 0 {
                stages.append(tokens[start..<i])
                start = i + 1
            }
        }
        stages.append(tokens[start..<tokens.endIndex])
        return stages
    }

    /// A stage after `select`, `group` or `aggregate` sees only their output columns.
    private func scopeAfter(_ stage: ArraySlice<Token>, _ scope: Scope) -> Scope {
        guard let keyword = stage.first?.keyword else { return scope }
        switch keyword {
        case .select, .aggregate:
            return .columns(outputNames(stage.dropFirst()))
        case .derive:
            if case .columns(let names) = scope { return .columns(names + outputNames(stage.dropFirst())) }
            return scope
        case .append:
            return scope
        case .group:
            return .columns(outputNames(stage.dropFirst(2)))
        case .count:
            return .columns(["count"])
        default:
            return scope
        }
    }

    /// The names of `name: expr`, `path` and `rel { … }` items (`aggregate` starts new items).
    private func outputNames(_ tokens: ArraySlice<Token>) -> [String] {
        var names: [String] = []
        var item: [Token] = []
        var depth = 0
        func flush() {
            if item.count >= 2, item[0].kind == .identifier, item[1].kind == .colon {
                names.append(item[0].text)
            } else if let last = item.last(where: { $0.kind == .identifier }),
                      item.allSatisfy({ $0.kind == .identifier || $0.kind == .dot }) {
                names.append(last.text)
            } else if item.count >= 2, item[0].kind == .identifier, item[1].kind == .leftBrace {
                names.append(item[0].text)
            }
            item.removeAll()
        }
        for token in tokens {
            if depth == 0 && (token.kind == .comma || token.isKeyword(.aggregate)) { flush(); continue }
            if token.kind.isOpeningBracket { depth += 1 }
            if token.kind.isClosingBracket { depth = max(0, depth - 1) }
            item.append(token)
        }
        flush()
        return names
    }
}

extension UInt8 {
    var isIdentifierByte: Bool {
        (self >= 0x61 && self <= 0x7A) || (self >= 0x41 && self <= 0x5A) || (self >= 0x30 && self <= 0x39) || self == 0x5F
    }
    var isDigitByte: Bool { self >= 0x30 && self <= 0x39 }
}

extension Token {
    /// Mirrors the parser's statement separation: after these a line break does not end
    /// the statement.
    var continuesLine: Bool {
        if kind.isBinaryOperator || kind.isOpeningBracket { return true }
        switch kind {
        case .comma, .colon, .assign, .pipe, .pipePipe, .ampAmp, .bang, .dot, .lessGreater:
            return true
        case .keyword(let k):
            return [.where, .select, .sort, .take, .skip, .group, .by, .aggregate, .let, .param, .as, .not].contains(k)
        default:
            return false
        }
    }

    var beginsStatement: Bool {
        kind == .identifier || kind == .keyword(.let) || kind == .keyword(.param)
    }
}
