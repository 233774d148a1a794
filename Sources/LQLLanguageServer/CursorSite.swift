import LQL

/// What is under the cursor: the token, the statement it belongs to, the path it ends, and the
/// model in scope there (followed through `(rel where …)`, shapes `rel { … }` and relations).
struct CursorSite {
    let source: SourceFile
    let program: Program
    /// Significant tokens (no comments or line breaks).
    let tokens: [Token]
    let index: Int?
    let statement: Statement?

    init(_ source: SourceFile, offset: Int) {
        self.source = source
        program = LQLParser.parse(source).program
        tokens = Lexer.tokenize(source).tokens.filter { !$0.isTrivia && $0.kind != .endOfFile }
        // The token the cursor is on, or the one it just ends (the cursor after `name|`).
        index = tokens.firstIndex { $0.span.start <= offset && offset < $0.span.end }
            ?? tokens.lastIndex { $0.span.end == offset && ($0.kind == .identifier || $0.kind == .parameter) }
        statement = program.statements.first { $0.span.start <= offset && offset <= $0.span.end }
    }

    var token: Token? { index.map { tokens[$0] } }

    func paramDeclaration(named name: String) -> ParamDecl? {
        for s in program.statements { if case .param(let p) = s.kind, p.name.name == name { return p } }
        return nil
    }

    func letDeclaration(named name: String) -> LetDecl? {
        for s in program.statements { if case .let(let l) = s.kind, l.name.name == name { return l } }
        return nil
    }

    /// The statement's query (a `let`'s too).
    var query: Query? {
        switch statement?.kind {
        case .query(let q)?: q
        case .let(let l)?: l.query
        default: nil
        }
    }

    /// The cursor is on the query's source name (`Customer` in `Customer | …`).
    var isQueryHead: Bool {
        guard let token, let query, case .query = statement?.kind else { return false }
        return token.span == query.source.span
    }

    var isTopLevel: Bool {
        guard let index, let query else { return false }
        var depth = 0
        for i in tokens.indices where tokens[i].span.start >= query.span.start && i < index {
            if tokens[i].kind.isOpeningBracket { depth += 1 } else if tokens[i].kind.isClosingBracket { depth -= 1 }
        }
        return depth == 0
    }

    /// The output name of the item the cursor is in (`revenue` anywhere in
    /// `revenue: sum(quantity * unitPrice)`): the nearest `name:` before it at the stage's level.
    var itemLabel: String? {
        guard let index, let query, let first = tokens.firstIndex(where: { $0.span.start >= query.span.start }),
              first <= index else { return nil }
        // Bracket depth before each token from the query's start: items sit at depth 0.
        var depths: [Int] = []
        var depth = 0
        for i in first...index {
            depths.append(depth)
            if tokens[i].kind.isOpeningBracket { depth += 1 } else if tokens[i].kind.isClosingBracket { depth = max(0, depth - 1) }
        }
        var i = index
        while i > first {
            if depths[i - first] == 0 {
                let t = tokens[i]
                if (t.kind == .comma || t.kind == .pipe), i != index { return nil }
                if t.kind == .colon, tokens[i - 1].kind == .identifier || tokens[i - 1].keyword != nil {
                    return tokens[i - 1].text
                }
            }
            i -= 1
        }
        return nil
    }

    /// The model a query's rows come from, following `let` names.
    func sourceModel(_ query: Query, in catalog: Catalog, hops: Int = 0) -> Model? {
        if let model = catalog.model(named: query.source.name) { return model }
        guard hops < 32, let l = letDeclaration(named: query.source.name) else { return nil }
        return sourceModel(l.query, in: catalog, hops: hops + 1)
    }

    /// The field the cursor's path names, with its model: `a.b.c` resolved from the scope.
    func field(in catalog: Catalog) -> (model: Model, field: Field)? {
        guard let index, let query, let start = sourceModel(query, in: catalog) else { return nil }
        var first = index
        while first >= 2, tokens[first - 1].kind == .dot, tokens[first - 2].kind == .identifier { first -= 2 }
        guard var model = scopeModel(before: first, start: start, catalog: catalog, queryStart: query.span.start) else { return nil }
        var i = first
        while true {
            guard let field = model.field(named: tokens[i].text) else { return nil }
            if i == index { return (model, field) }
            guard let relation = field.relation, let next = catalog.model(named: relation.targetModel) else { return nil }
            model = next
            i += 2
        }
    }

    /// The model whose fields a name at `position` refers to. After `select`, `group` or
    /// `aggregate` the rows are the stage's outputs, not a model: nil.
    private func scopeModel(before position: Int, start: Model, catalog: Catalog, queryStart: Int) -> Model? {
        struct Frame { var model: Model?; var firstToken: Int; var isParen: Bool }
        var stack = [Frame(model: start, firstToken: 0, isParen: false)]
        var stageKeyword: Keyword?
        var i = tokens.firstIndex { $0.span.start >= queryStart } ?? 0
        while i < position {
            let t = tokens[i]
            switch t.kind {
            case .pipe where stack.count == 1:
                if let k = stageKeyword, [.select, .group, .aggregate].contains(k) { stack[0].model = nil }
                stageKeyword = i + 1 < tokens.count ? tokens[i + 1].keyword : nil
            case .leftParen, .leftBracket:
                stack.append(Frame(model: stack[stack.count - 1].model, firstToken: i + 1, isParen: true))
            case .leftBrace:
                let target = resolveRelation(endingAt: i - 1, from: stack[stack.count - 1].model, catalog: catalog)
                stack.append(Frame(model: target, firstToken: i + 1, isParen: false))
            case .rightParen, .rightBracket, .rightBrace:
                if stack.count > 1 { stack.removeLast() }
            case .keyword(.where) where stack.count > 1 && stack[stack.count - 1].isParen:
                // `count(orders where …)`: the condition is about the related rows.
                let frame = stack[stack.count - 1]
                if i - 1 >= frame.firstToken,
                   let target = resolveRelation(endingAt: i - 1, from: stack[stack.count - 2].model, catalog: catalog, first: frame.firstToken) {
                    stack[stack.count - 1].model = target
                }
            default:
                break
            }
            i += 1
        }
        return stack[stack.count - 1].model
    }

    /// The target model of the relation path `a.b.c` that ends at token `end`.
    private func resolveRelation(endingAt end: Int, from model: Model?, catalog: Catalog, first: Int? = nil) -> Model? {
        guard var model, end >= 0, tokens[end].kind == .identifier else { return nil }
        var start = end
        while start >= 2, tokens[start - 1].kind == .dot, tokens[start - 2].kind == .identifier { start -= 2 }
        if let first, start != first { return nil }
        var i = start
        while i <= end {
            guard let relation = model.field(named: tokens[i].text)?.relation,
                  let next = catalog.model(named: relation.targetModel) else { return nil }
            model = next
            i += 2
        }
        return model
    }
}
