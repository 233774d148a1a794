import LQLDiagnostics

// Rules of design v2 (analytics): the `derive` and `append` stages, `case` expressions and
// windows (`f(…) over (…)`). `take n by k` lives with `take` in Parser+Stages.
extension Parser {
    /// derive_stage = "derive" named_expression { "," named_expression } ;
    mutating func deriveStage() throws -> Stage {
        let start = advance().span.start
        if atStageEnd {
            throw fail(expected: "a named column after `derive`", code: .missingExpression,
                       hints: ["for example `derive net: total - discount`"])
        }
        let items = try commaList(closing: nil, what: "derived columns") { try $0.namedExpression() }
        return Stage(.derive(items), span: span(from: start))
    }

    /// append_stage = "append" ( IDENT | "(" query ")" ) ;
    mutating func appendStage() throws -> Stage {
        let start = advance().span.start
        if check(.identifier) {
            let name = advance()
            let source = Identifier(name.text, span: name.span)
            return Stage(.append(Query(source: source, stages: [], span: name.span)), span: span(from: start))
        }
        guard check(.leftParen) else {
            throw fail(expected: "a `let` name or a parenthesized query after `append`", code: .missingExpression,
                       hints: ["write `append other` (a `let` name) or `append (Model | where …)`"])
        }
        let query = try parenthesizedQuery()
        return Stage(.append(query), span: span(from: start))
    }

    /// "(" query ")" where query = IDENT { "|" stage } ; inside, `)` ends the last stage.
    mutating func parenthesizedQuery() throws -> Query {
        let open = advance()
        try enterNesting()
        subqueryDepth += 1
        defer { leaveNesting(); subqueryDepth -= 1 }
        let source = try identifier("a model or `let` name to start the query", example: "(Customer | where …)")
        var stages: [Stage] = []
        while match(.pipe) != nil {
            stages.append(try stage())
        }
        if !check(.rightParen) && !atStatementEnd {
            throw fail(expected: "`|` or `)`", hints: hintsAfterStage())
        }
        try closing(.rightParen, opened: open, allowsComma: false)
        return Query(source: source, stages: stages, span: span(from: open.span.start))
    }

    /// case_expression = "case" "when" expression "then" expression
    ///                   { "when" expression "then" expression } [ "else" expression ] "end" ;
    mutating func caseExpression() throws -> Expr {
        let caseToken = advance()
        try enterNesting()
        defer { leaveNesting() }
        var branches: [CaseBranch] = []
        while match(.when) != nil {
            let condition = try expression()
            guard match(.then) != nil else {
                throw fail(expected: "`then` after the `when` condition", hints: ["write `case when c then v … end`"])
            }
            let value = try expression()
            branches.append(CaseBranch(condition: condition, value: value))
            if branches.count > SyntaxLimits.maxListLength {
                report(.listTooLong, "more than \(SyntaxLimits.maxListLength) `when` branches", at: condition.span)
                throw ParseFailure()
            }
        }
        if branches.isEmpty {
            throw fail(expected: "`when` after `case`", hints: ["write `case when c then v else w end`"])
        }
        var otherwise: Expr?
        if match(.else) != nil { otherwise = try expression() }
        guard match(.end) != nil else {
            if atStageEnd {
                report(.unclosedBracket, "`case` is never closed", at: caseToken.span, hints: ["add `end`"])
                throw ParseFailure()
            }
            throw fail(expected: otherwise == nil ? "`when`, `else` or `end`" : "`end`")
        }
        return Expr(.caseWhen(branches, otherwise: otherwise), span: span(from: caseToken.span.start))
    }

    /// window = call "over" "(" [ "by" expression { "," expression } ]
    ///          [ "sort" sort_key { "," sort_key } ] [ "rows" expression ] ")" ;
    mutating func windowed(_ call: Expr) throws -> Expr {
        guard let over = match(.over) else { return call }
        let open = try expect(.leftParen, "`(` after `over`", hints: ["write `over ()` for the whole result, or `over (by k sort x)`"])
        try enterNesting()
        defer { leaveNesting() }
        var partition: [Expr] = []
        var sort: [SortKey] = []
        var rows: Expr?
        if match(.by) != nil {
            partition = try windowList { try $0.expression() }
        }
        if match(.sort) != nil {
            sort = try windowList { try $0.sortKey() }
        }
        if match(.rows) != nil {
            rows = try expression()
        }
        if !check(.rightParen) {
            let hint: [String] = check(.by) || check(.sort) || check(.rows)
                ? ["the parts of `over (…)` come in this order: `by …`, `sort …`, `rows n`"] : hintsInsideBrackets()
            throw fail(expected: "`by`, `sort`, `rows` or `)` in `over (…)`", hints: hint)
        }
        try closing(.rightParen, opened: open, allowsComma: false)
        let spec = WindowSpec(partition: partition, sort: sort, rows: rows, span: Span(over.span.start, lastEnd))
        return Expr(.window(call, spec), span: span(from: call.span.start))
    }

    private mutating func windowList<T>(_ item: (inout Parser) throws -> T) throws -> [T] {
        var items: [T] = [try item(&self)]
        while match(.comma) != nil {
            items.append(try item(&self))
            if items.count > SyntaxLimits.maxListLength {
                report(.listTooLong, "more than \(SyntaxLimits.maxListLength) keys in `over (…)`", at: current.span)
                throw ParseFailure()
            }
        }
        return items
    }

    /// `total over (…)`: only a function call can be windowed.
    mutating func overWithoutCall(_ over: Token, after expr: Expr) -> ParseFailure {
        let written = source.text(in: expr.span)
        report(.unexpectedToken, "`over` follows a function call, not `\(written)`", at: over.span,
               hints: ["window a function of it, as in `sum(\(written)) over (…)` or `lag(\(written)) over (sort …)`"])
        return ParseFailure()
    }
}
