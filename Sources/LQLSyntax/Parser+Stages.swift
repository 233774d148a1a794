import LQLDiagnostics

extension Parser {
    /// stage = where_stage | select_stage | sort_stage | take_stage | skip_stage
    ///       | group_stage | aggregate_stage | count_stage | distinct_stage ;
    mutating func stage() throws -> Stage {
        switch current.kind {
        case .keyword(.where): return try whereStage()
        case .keyword(.select): return try selectStage()
        case .keyword(.sort): return try sortStage()
        case .keyword(.take): return try takeStage()
        case .keyword(.skip): return try skipStage()
        case .keyword(.group): return try groupStage()
        case .keyword(.aggregate): return try aggregateStage()
        case .keyword(.count): return try countStage()
        case .keyword(.distinct): return try distinctStage()
        case .keyword(.derive): return try deriveStage()
        case .keyword(.append): return try appendStage()
        default: throw stageMissing()
        }
    }

    /// Nothing, or not a stage, after `|`: name the likely intent.
    private mutating func stageMissing() -> ParseFailure {
        let pipeSpan = Span(tokens[max(0, index - 1)].span.start, tokens[max(0, index - 1)].span.end)
        if atStageEnd || (startsLine[index] && check(.identifier)) {
            report(.emptyStage, "expected a stage after `|`", at: pipeSpan,
                   hints: ["remove the trailing `|`, or add a stage such as `where`, `select` or `sort`"])
            return ParseFailure()
        }
        if check(.identifier) {
            let word = current.text
            var hints: [String] = []
            if let keyword = Keyword(rawValue: word.lowercased()), Keyword.stageKeywords.contains(keyword) {
                hints.append("keywords are lowercase: write `\(keyword.rawValue)`")
            } else if let known = Self.stageSynonyms[word.lowercased()] {
                hints.append("did you mean `\(known)`?")
            } else {
                let close = Suggestions.closest(to: word, among: Self.stageNames, limit: 1)
                hints.append(close.isEmpty ? "stages are \(Suggestions.quotedList(Self.stageNames))"
                                           : "did you mean `\(close[0])`?")
            }
            report(.unknownStage, "unknown stage `\(word)`", at: current.span, hints: hints)
            return ParseFailure()
        }
        return fail(expected: "a stage (`where`, `select`, `sort`, …)", code: .unknownStage)
    }

    static let stageNames = ["where", "select", "sort", "take", "skip", "group by", "aggregate", "count", "distinct",
                             "derive", "append"]

    /// Words other query languages use for a stage.
    static let stageSynonyms: [String: String] = [
        "filter": "where", "having": "where", "order": "sort", "orderby": "sort", "order_by": "sort",
        "limit": "take", "top": "take", "first": "take", "offset": "skip", "mutate": "derive", "union": "append",
        "map": "select", "project": "select", "summarize": "aggregate", "agg": "aggregate",
        "groupby": "group by", "group_by": "group by", "unique": "distinct", "uniq": "distinct",
    ]

    /// where_stage = "where" expression ;
    mutating func whereStage() throws -> Stage {
        let start = advance().span.start
        let condition = try expression()
        return Stage(.where(condition), span: span(from: start))
    }

    /// select_stage = "select" select_item { "," select_item } ;
    mutating func selectStage() throws -> Stage {
        let start = advance().span.start
        if atStageEnd { throw fail(expected: "a column to select", code: .missingExpression) }
        let items = try commaList(closing: nil, what: "select items") { try $0.selectItem() }
        return Stage(.select(items), span: span(from: start))
    }

    /// select_item = [ output_name ":" ] ( shape | expression ) ;
    mutating func selectItem() throws -> SelectItem {
        let start = current.span.start
        let name = try outputName()
        if isShapeAhead() {
            let shape = try shape(named: name, start: start)
            return SelectItem(.shape(shape), span: shape.span)
        }
        let expr = try expression()
        let alias = try sqlAlias(of: expr, named: name)
        return SelectItem(.expr(NamedExpr(name: name ?? alias, expr: expr, span: span(from: start))), span: span(from: start))
    }

    /// shape = ( relation_path | "(" relation_path { "|" stage } ")" ) "{" select_item { "," select_item } [ "," ] "}" ;
    mutating func shape(named name: Identifier?, start: Int) throws -> Shape {
        try enterNesting()
        defer { leaveNesting() }
        var path: Expr
        var stages: [Stage] = []
        if let open = match(.leftParen) {
            (path, stages) = try pipeline(what: "a relation")
            try closing(.rightParen, opened: open, allowsComma: false)
        } else {
            path = try relationPath()
        }
        let open = try expect(.leftBrace, "`{`")
        if check(.rightBrace) {
            throw fail(expected: "at least one item in the shape", code: .missingExpression,
                       hints: ["list the fields to show, as in `customer { name, email }`"])
        }
        let items = try commaList(closing: .rightBrace, what: "shape items") { try $0.selectItem() }
        try closing(.rightBrace, opened: open)
        return Shape(name: name, path: path, items: items, stages: stages, span: span(from: start))
    }

    /// relation_path = IDENT { "." member_name } ;
    mutating func relationPath() throws -> Expr {
        let first = try identifier("a relation")
        var path = Expr(.name(first), span: first.span)
        var chain = 0
        defer { nesting -= chain }
        while match(.dot) != nil {
            try enterNesting(); chain += 1
            let member = try memberName()
            path = Expr(.member(path, member), span: path.span.union(member.span))
        }
        return path
    }

    /// Whether the tokens ahead spell `IDENT { "." IDENT } "{"`: a shape rather than an expression.
    func isShapeAhead() -> Bool {
        var i = index
        if tokens[i].kind == .leftParen {
            // `(orders | sort … | take 3) {`: a shape over a pipeline when `{` follows the match.
            guard isPipelineAhead() else { return false }
            var depth = 0
            while i < tokens.count {
                if tokens[i].kind.isOpeningBracket { depth += 1 }
                else if tokens[i].kind.isClosingBracket { depth -= 1; if depth == 0 { break } }
                else if tokens[i].kind == .endOfFile || tokens[i].kind == .semicolon || tokens[i].kind == .newline { return false }
                i += 1
            }
            return i + 1 < tokens.count && tokens[i + 1].kind == .leftBrace
        }
        guard tokens[i].kind == .identifier else { return false }
        i += 1
        while i + 1 < tokens.count, tokens[i].kind == .dot, tokens[i + 1].kind == .identifier || tokens[i + 1].keyword != nil {
            i += 2
        }
        return i < tokens.count && tokens[i].kind == .leftBrace
    }

    /// output_name = IDENT | "count" ;   (only when followed by ":")
    mutating func outputName() throws -> Identifier? {
        guard peek().kind == .colon else { return nil }
        if check(.identifier) || check(.count) {
            let token = advance()
            advance()  // ":"
            return Identifier(token.text, span: token.span)
        }
        if let keyword = current.keyword {
            report(.reservedWord, "`\(keyword.rawValue)` is a reserved word and cannot name a column",
                   at: current.span, hints: ["choose another name, such as `\(keyword.rawValue)_`"])
            throw ParseFailure()
        }
        return nil
    }

    /// named_expression = [ output_name ":" ] expression ;
    mutating func namedExpression() throws -> NamedExpr {
        let start = current.span.start
        let name = try outputName()
        let expr = try expression()
        let alias = try sqlAlias(of: expr, named: name)
        return NamedExpr(name: name ?? alias, expr: expr, span: span(from: start))
    }

    /// `expr as name`, the SQL way of naming a column: reported with the LQL spelling, and read
    /// as that name so the rest of the stage is still checked.
    mutating func sqlAlias(of expr: Expr, named name: Identifier?) throws -> Identifier? {
        guard let asToken = match(.as) else { return nil }
        let alias = try identifier("a column name after `as`")
        let written = source.text(in: expr.span)
        report(.sqlAlias, "LQL names columns with `name: expression`, not `as`", at: asToken.span,
               hints: ["write `\(alias.name): \(written)`"],
               fixIts: [FixIt(span: Span(expr.span.start, alias.span.end), replacement: "\(alias.name): \(written)")])
        return name == nil ? alias : nil
    }

    /// sort_stage = "sort" sort_key { "," sort_key } ;
    mutating func sortStage() throws -> Stage {
        let start = advance().span.start
        if atStageEnd { throw fail(expected: "a sort key", code: .missingExpression) }
        let keys = try commaList(closing: nil, what: "sort keys") { try $0.sortKey() }
        return Stage(.sort(keys), span: span(from: start))
    }

    /// sort_key = expression [ "asc" | "desc" ] ;
    mutating func sortKey() throws -> SortKey {
        let start = current.span.start
        if let minus = match(.minus) {
            // PRQL writes `sort -x` for descending; here `-` would negate, so say what to write.
            let expr = try postfixExpression()
            let written = source.text(in: expr.span)
            report(.sortByNegation, "`-` does not sort in descending order", at: minus.span,
                   hints: ["write `sort \(written) desc`"],
                   fixIts: [FixIt(span: Span(minus.span.start, expr.span.end), replacement: "\(written) desc")])
            return SortKey(expr: expr, direction: .desc, span: span(from: start))
        }
        let expr = try expression()
        var direction: SortKey.Direction?
        if match(.asc) != nil {
            direction = .asc
        } else if match(.desc) != nil {
            direction = .desc
        } else if check(.identifier), ["descending", "ascending", "DESC", "ASC", "Desc", "Asc"].contains(current.text) {
            let word = current.text.lowercased().hasPrefix("desc") ? "desc" : "asc"
            report(.unexpectedToken, "expected `asc` or `desc`, found `\(current.text)`", at: current.span,
                   hints: ["write `\(word)`"], fixIts: [FixIt(span: current.span, replacement: word)])
            advance()
            direction = word == "desc" ? .desc : .asc
        }
        return SortKey(expr: expr, direction: direction, span: span(from: start))
    }

    /// take_stage = "take" expression ;
    mutating func takeStage() throws -> Stage {
        let start = advance().span.start
        if atStageEnd { throw fail(expected: "how many rows to take", code: .missingExpression, hints: ["for example `take 20`"]) }
        let count = try expression()
        if match(.by) != nil {
            if atStageEnd { throw fail(expected: "a key after `take \(source.text(in: count.span)) by`", code: .missingExpression) }
            let keys = try commaList(closing: nil, what: "keys") { try $0.expression() }
            return Stage(.takeBy(count, by: keys), span: span(from: start))
        }
        return Stage(.take(count), span: span(from: start))
    }

    /// skip_stage = "skip" expression ;
    mutating func skipStage() throws -> Stage {
        let start = advance().span.start
        if atStageEnd { throw fail(expected: "how many rows to skip", code: .missingExpression, hints: ["for example `skip 20`"]) }
        let count = try expression()
        return Stage(.skip(count), span: span(from: start))
    }

    /// group_stage = "group" "by" named_expression { "," named_expression }
    ///               [ "aggregate" named_expression { "," named_expression } ] ;
    mutating func groupStage() throws -> Stage {
        let groupToken = advance()
        if match(.by) == nil {
            if atStageEnd || check(.aggregate) {
                throw fail(expected: "`by` and the grouping keys", code: .missingBy,
                           hints: ["write `group by key, … aggregate name: agg(…), …`"])
            }
            // Report and read on as if `by` were there, so the keys still get checked.
            report(.missingBy, "expected `by` after `group`, found \(describe(current))", at: current.span,
                   hints: ["write `group by \(current.text)`"],
                   fixIts: [FixIt(span: .at(groupToken.span.end), replacement: " by")])
        }
        if atStageEnd || check(.aggregate) {
            throw fail(expected: "a grouping key after `group by`", code: .missingExpression)
        }
        let keys = try commaList(closing: nil, what: "grouping keys") { try $0.namedExpression() }
        var aggregates: [NamedExpr] = []
        if match(.aggregate) != nil {
            aggregates = try aggregateList()
        }
        return Stage(.group(keys: keys, aggregates: aggregates), span: span(from: groupToken.span.start))
    }

    /// aggregate_stage = "aggregate" named_expression { "," named_expression } ;
    mutating func aggregateStage() throws -> Stage {
        let start = advance().span.start
        let aggregates = try aggregateList()
        return Stage(.aggregate(aggregates), span: span(from: start))
    }

    private mutating func aggregateList() throws -> [NamedExpr] {
        if atStageEnd {
            throw fail(expected: "an aggregate after `aggregate`", code: .missingExpression,
                       hints: ["for example `aggregate n: count(), total: sum(total)`"])
        }
        return try commaList(closing: nil, what: "aggregates") { try $0.namedExpression() }
    }

    /// count_stage = "count" ;
    mutating func countStage() throws -> Stage {
        let token = advance()
        if check(.leftParen) {
            throw fail(expected: "`|` or the end of the statement after the `count` stage",
                       hints: ["the `count` stage takes no arguments; to count inside an expression write `aggregate n: count(…)`"])
        }
        return Stage(.count, span: token.span)
    }

    /// distinct_stage = "distinct" ;
    mutating func distinctStage() throws -> Stage {
        let token = advance()
        if !atStageEnd {
            throw fail(expected: "`|` or the end of the statement after `distinct`",
                       hints: ["`distinct` removes duplicate rows of the current columns; `select` the columns first"])
        }
        return Stage(.distinct, span: token.span)
    }

    /// Consumes the bracket closing `open`, or reports it as missing (pointing at the opener).
    @discardableResult
    mutating func closing(_ kind: TokenKind, opened open: Token, allowsComma: Bool = true) throws -> Token {
        if let token = match(kind) { return token }
        let close = kind.spelling ?? "?"
        if atStageEnd {  // a `|` or a statement end cannot be inside brackets
            report(.unclosedBracket, "`\(open.text)` is never closed", at: open.span,
                   hints: ["add `\(close)`"])
            throw ParseFailure()
        }
        if !allowsComma {
            throw fail(expected: "`\(close)`", hints: check(.comma) ? ["lists are written in square brackets: `[a, b]`"] : [])
        }
        throw fail(expected: "`,` or `\(close)`", hints: hintsInsideBrackets())
    }

    func hintsInsideBrackets() -> [String] {
        switch current.kind {
        case .identifier, .integer, .decimal, .string, .parameter, .date, .timestamp:
            ["separate items with `,`"]
        case .rightParen, .rightBracket, .rightBrace:
            ["brackets do not match"]
        default:
            []
        }
    }
}
