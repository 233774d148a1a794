import LQLDiagnostics

extension Parser {
    /// expression = or_expression ;
    mutating func expression() throws -> Expr {
        try enterNesting()
        defer { leaveNesting() }
        return try orExpression()
    }

    /// or_expression = and_expression { "or" and_expression } ;
    mutating func orExpression() throws -> Expr {
        var left = try andExpression()
        var chain = 0
        defer { nesting -= chain }
        while true {
            if match(.or) == nil {
                guard let foreign = match(.pipePipe) else { break }
                report(.foreignOperator, "`||` is not an operator in LQL", at: foreign.span,
                       hints: ["write `or`"], fixIts: [FixIt(span: foreign.span, replacement: "or")])
            }
            try enterNesting(); chain += 1
            let right = try andExpression()
            left = Expr(.binary(.or, left, right), span: left.span.union(right.span))
        }
        return left
    }

    /// and_expression = not_expression { "and" not_expression } ;
    mutating func andExpression() throws -> Expr {
        var left = try notExpression()
        var chain = 0
        defer { nesting -= chain }
        while true {
            if match(.and) == nil {
                guard let foreign = match(.ampAmp) else { break }
                report(.foreignOperator, "`&&` is not an operator in LQL", at: foreign.span,
                       hints: ["write `and`"], fixIts: [FixIt(span: foreign.span, replacement: "and")])
            }
            try enterNesting(); chain += 1
            let right = try notExpression()
            left = Expr(.binary(.and, left, right), span: left.span.union(right.span))
        }
        return left
    }

    /// not_expression = "not" not_expression | comparison ;
    mutating func notExpression() throws -> Expr {
        var notToken = match(.not)
        if notToken == nil, let bang = match(.bang) {
            report(.foreignOperator, "`!` is not an operator in LQL", at: bang.span,
                   hints: ["write `not`"], fixIts: [FixIt(span: bang.span, replacement: "not ")])
            notToken = bang
        }
        guard let notToken else { return try comparison() }
        try enterNesting()
        defer { leaveNesting() }
        let operand = try notExpression()
        return Expr(.unary(.not, operand), span: notToken.span.union(operand.span))
    }

    /// comparison = range_expression [ comparison_operator range_expression
    ///                               | "is" [ "not" ] "null" ] ;
    /// comparison_operator = "==" | "!=" | "<" | "<=" | ">" | ">=" | "~" | "in" | "not" "in" | "has" ;
    ///
    /// Comparisons do not chain: `a < b < c` is an error (write `a < b and b < c`).
    mutating func comparison() throws -> Expr {
        let left = try rangeExpression()
        let result: Expr
        if match(.is) != nil {
            let negated = match(.not) != nil
            guard match(.null) != nil else {
                throw fail(expected: negated ? "`null` after `is not`" : "`null` or `not null` after `is`",
                           hints: ["`is` only tests for null; compare values with `==`"])
            }
            result = Expr(.isNull(left, negated: negated), span: span(from: left.span.start))
        } else if let op = comparisonOperator() {
            let right = try rangeExpression()
            result = Expr(.binary(op, left, right), span: left.span.union(right.span))
        } else {
            return left
        }
        if check(.is) || comparisonOperatorAhead() {
            report(.chainedComparison, "comparisons cannot be chained", at: current.span,
                   hints: ["combine them with `and`, as in `a < b and b < c`"])
            throw ParseFailure()
        }
        return result
    }

    /// Consumes a comparison operator, reporting spellings from other languages as what to write.
    private mutating func comparisonOperator() -> BinaryOperator? {
        let token = current
        let op: BinaryOperator
        switch token.kind {
        case .equal: op = .equal
        case .notEqual: op = .notEqual
        case .less: op = .less
        case .lessOrEqual: op = .lessOrEqual
        case .greater: op = .greater
        case .greaterOrEqual: op = .greaterOrEqual
        case .tilde: op = .contains
        case .keyword(.in): op = .in
        case .keyword(.not) where peek().kind == .keyword(.in):
            advance()
            op = .notIn
        case .identifier where token.text == "has": op = .has
        case .assign:
            report(.foreignOperator, "`=` is not a comparison", at: token.span,
                   hints: ["write `==` to compare", "to name an output column, write `name: expression`"],
                   fixIts: [FixIt(span: token.span, replacement: "==")])
            op = .equal
        case .lessGreater:
            report(.foreignOperator, "`<>` is not an operator in LQL", at: token.span,
                   hints: ["write `!=`"], fixIts: [FixIt(span: token.span, replacement: "!=")])
            op = .notEqual
        default:
            return nil
        }
        advance()
        return op
    }

    private func comparisonOperatorAhead() -> Bool {
        switch current.kind {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .tilde, .keyword(.in),
             .assign, .lessGreater:
            return true
        case .keyword(.not):
            return peek().kind == .keyword(.in)
        case .identifier:
            return current.text == "has"
        default:
            return false
        }
    }

    /// range_expression = coalesce_expression [ ".." coalesce_expression ] ;
    mutating func rangeExpression() throws -> Expr {
        let low = try coalesceExpression()
        guard match(.dotDot) != nil else { return low }
        let high = try coalesceExpression()
        if check(.dotDot) {
            report(.unexpectedToken, "a range has one `..`", at: current.span, hints: ["write `low..high`"])
            throw ParseFailure()
        }
        return Expr(.range(low, high), span: low.span.union(high.span))
    }

    /// coalesce_expression = additive_expression { "??" additive_expression } ;
    mutating func coalesceExpression() throws -> Expr {
        var left = try additiveExpression()
        var chain = 0
        defer { nesting -= chain }
        while match(.questionQuestion) != nil {
            try enterNesting(); chain += 1
            let right = try additiveExpression()
            left = Expr(.binary(.coalesce, left, right), span: left.span.union(right.span))
        }
        return left
    }

    /// additive_expression = multiplicative_expression { ( "+" | "-" ) multiplicative_expression } ;
    mutating func additiveExpression() throws -> Expr {
        var left = try multiplicativeExpression()
        var chain = 0
        defer { nesting -= chain }
        while true {
            let op: BinaryOperator
            if match(.plus) != nil { op = .add } else if match(.minus) != nil { op = .subtract } else { break }
            try enterNesting(); chain += 1
            let right = try multiplicativeExpression()
            left = Expr(.binary(op, left, right), span: left.span.union(right.span))
        }
        return left
    }

    /// multiplicative_expression = unary_expression { ( "*" | "/" | "%" ) unary_expression } ;
    mutating func multiplicativeExpression() throws -> Expr {
        var left = try unaryExpression()
        var chain = 0
        defer { nesting -= chain }
        while true {
            let op: BinaryOperator
            if match(.star) != nil { op = .multiply }
            else if match(.slash) != nil { op = .divide }
            else if match(.percent) != nil { op = .remainder }
            else { break }
            try enterNesting(); chain += 1
            let right = try unaryExpression()
            left = Expr(.binary(op, left, right), span: left.span.union(right.span))
        }
        return left
    }

    /// unary_expression = "-" unary_expression | postfix_expression ;
    mutating func unaryExpression() throws -> Expr {
        guard let minus = match(.minus) else { return try postfixExpression() }
        try enterNesting()
        defer { leaveNesting() }
        let operand = try unaryExpression()
        return Expr(.unary(.negate, operand), span: minus.span.union(operand.span))
    }

    /// postfix_expression = primary { "." member_name } ;
    mutating func postfixExpression() throws -> Expr {
        var expr = try primary()
        var chain = 0
        defer { nesting -= chain }
        while match(.dot) != nil {
            try enterNesting(); chain += 1
            let member = try memberName()
            expr = Expr(.member(expr, member), span: expr.span.union(member.span))
        }
        if let over = match(.over) { throw overWithoutCall(over, after: expr) }
        return expr
    }

    /// member_name = IDENT | keyword ;   (after `.` a keyword is just a name: `order.count`)
    mutating func memberName() throws -> Identifier {
        if check(.identifier) || current.keyword != nil {
            let token = advance()
            return Identifier(token.text, span: token.span)
        }
        throw fail(expected: "a field name after `.`")
    }

    /// primary = duration | literal | PARAMETER | call | IDENT | "count" | list | parenthesized ;
    /// (a bare `count` is a name: the column the `count` stage makes)
    mutating func primary() throws -> Expr {
        let token = current
        switch token.kind {
        case .integer, .decimal:
            advance()
            if let unit = durationUnit() {
                return Expr(.literal(.duration(amount: token.value ?? token.text, unit: unit)), span: span(from: token.span.start))
            }
            let value = token.value ?? token.text
            return Expr(.literal(token.kind == .integer ? .integer(value) : .decimal(value)), span: token.span)
        case .string:
            advance()
            return Expr(.literal(.string(token.value ?? "")), span: token.span)
        case .date:
            advance()
            return Expr(.literal(.date(token.value ?? "")), span: token.span)
        case .timestamp:
            advance()
            return Expr(.literal(.timestamp(token.value ?? "")), span: token.span)
        case .keyword(.true), .keyword(.false):
            advance()
            return Expr(.literal(.boolean(token.kind == .keyword(.true))), span: token.span)
        case .keyword(.null):
            advance()
            return Expr(.literal(.null), span: token.span)
        case .parameter:
            advance()
            return Expr(.parameter(Identifier(token.value ?? "", span: token.span)), span: token.span)
        case .identifier, .keyword(.count):
            if peek().kind == .leftParen { return try windowed(try call()) }
            advance()
            return Expr(.name(Identifier(token.text, span: token.span)), span: token.span)
        case .leftBracket:
            return try list()
        case .leftParen:
            return try parenthesized()
        case .keyword(.case):
            return try caseExpression()
        default:
            throw missingExpression()
        }
    }

    /// duration = ( INTEGER | DECIMAL ) duration_unit ;
    /// duration_unit = "second" | "seconds" | "minute" | "minutes" | "hour" | "hours" | "day" | "days"
    ///               | "week" | "weeks" | "month" | "months" | "year" | "years" ;
    /// The unit words are not reserved: they are units only right after a number.
    mutating func durationUnit() -> DurationUnit? {
        guard check(.identifier) else { return nil }
        let word = current.text
        let singular = word.hasSuffix("s") ? String(word.dropLast()) : word
        guard let unit = DurationUnit(rawValue: singular) else { return nil }
        advance()
        return unit
    }

    /// call = ( IDENT | "count" ) "(" [ call_arguments ] ")" ;
    /// call_arguments = expression { "," expression } [ "," ] [ "where" expression ]
    ///                | "where" expression ;
    /// The `where` filter keeps the rows an aggregate reads: `count(where status == CANCELLED)`,
    /// `sum(total where …)`, and for collection functions the related rows:
    /// `count(orders where status == PENDING)`. Which functions take it is the checker's call.
    mutating func call() throws -> Expr {
        let nameToken = advance()
        let open = advance()  // "("
        try enterNesting()
        defer { leaveNesting() }
        var arguments: [Expr] = []
        if !check(.where) {
            arguments = try commaList(closing: .rightParen, what: "arguments") { parser in
                if parser.check(.where) { throw parser.fail(expected: "an argument before `where`") }
                return try parser.expression()
            }
        }
        var filter: Expr?
        if match(.where) != nil {
            filter = try expression()
        }
        try closing(.rightParen, opened: open)
        let name = Identifier(nameToken.text, span: nameToken.span)
        return Expr(.call(name, arguments: arguments, filter: filter), span: span(from: nameToken.span.start))
    }

    /// list = "[" [ expression { "," expression } [ "," ] ] "]" ;
    mutating func list() throws -> Expr {
        let open = advance()
        try enterNesting()
        defer { leaveNesting() }
        let items = try commaList(closing: .rightBracket, what: "list items") { try $0.expression() }
        try closing(.rightBracket, opened: open)
        return Expr(.list(items), span: span(from: open.span.start))
    }

    /// parenthesized = "(" ( pipeline | expression ) ")" ;
    mutating func parenthesized() throws -> Expr {
        if isPipelineAhead() { return try subquery() }
        let open = advance()
        if check(.rightParen) { throw fail(expected: "an expression inside `()`", code: .missingExpression) }
        let inner = try expression()
        try closing(.rightParen, opened: open, allowsComma: false)
        // The span covers the parentheses so messages underline what the user wrote.
        return Expr(inner.kind, span: span(from: open.span.start))
    }

    /// Whether `(` starts a pipeline: `( IDENT { "." member } "|"`.
    func isPipelineAhead() -> Bool {
        var i = index + 1
        guard i < tokens.count, tokens[i].kind == .identifier else { return false }
        i += 1
        while i + 1 < tokens.count, tokens[i].kind == .dot, tokens[i + 1].kind == .identifier || tokens[i + 1].keyword != nil {
            i += 2
        }
        return i < tokens.count && (tokens[i].kind == .pipe)
    }

    /// subquery = "(" pipeline ")" ;   (a value only after `in` / `not in`; the checker says so)
    mutating func subquery() throws -> Expr {
        let open = advance()
        try enterNesting()
        defer { leaveNesting() }
        let (path, stages) = try pipeline(what: "a model or `let` name")
        guard case .name(let source) = path.kind else {
            report(.unexpectedToken, "a query starts from a model or a `let` name, not a path", at: path.span,
                   hints: ["write `(Model | where … | select field)`"])
            throw ParseFailure()
        }
        try closing(.rightParen, opened: open, allowsComma: false)
        let query = Query(source: source, stages: stages, span: span(from: open.span.start))
        return Expr(.subquery(query), span: span(from: open.span.start))
    }

    /// pipeline = IDENT { "." member_name } { "|" stage } ;   inside parentheses, up to the `)`.
    /// A dotted source (`orders` or `customer.orders`) is a relation path, used by shapes.
    mutating func pipeline(what: String) throws -> (Expr, [Stage]) {
        let first = try identifier(what)
        var source = Expr(.name(first), span: first.span)
        while match(.dot) != nil {
            let member = try memberName()
            source = Expr(.member(source, member), span: source.span.union(member.span))
        }
        var stages: [Stage] = []
        while match(.pipe) != nil {
            let parsed = try stage()
            if !check(.pipe) && !check(.rightParen) {
                throw fail(expected: "`|` or `)`", hints: hintsAfterStage())
            }
            stages.append(parsed)
        }
        return (source, stages)
    }

    /// Where an expression should start but something else is.
    private mutating func missingExpression() -> ParseFailure {
        var hints: [String] = []
        switch current.kind {
        case .keyword(let k) where Keyword.stageKeywords.contains(k):
            hints = ["`\(k.rawValue)` starts a stage; put `|` before it"]
        case .keyword(let k):
            hints = ["`\(k.rawValue)` is a reserved word"]
        case .pipe, .newline, .semicolon, .endOfFile:
            break
        case .assign:
            hints = ["write `==` to compare"]
        default:
            break
        }
        return fail(expected: "an expression", code: .missingExpression, hints: hints)
    }
}
