import LQLDiagnostics

extension Parser {
    /// program = { separator } [ statement { separator { separator } statement } { separator } ] ;
    mutating func program() -> Program {
        var statements: [Statement] = []
        while !check(.endOfFile) {
            if separator() { continue }
            do {
                statements.append(try statement())
                if !atStatementEnd {
                    report(.missingStatementEnd, "expected `;` or a new line, found \(describe(current))",
                           at: current.span, hints: hintsAfterStatement())
                    synchronizeToStatement()
                }
            } catch {
                synchronizeToStatement()
            }
            if check(.endOfFile) { break }
            if !separator() { advance() }  // cannot happen after synchronising; keeps the loop finite
        }
        return Program(statements: statements, span: Span(0, source.bytes.count))
    }

    /// separator = ";" | NEWLINE ;   (NEWLINE: a line break that ends a statement, see the grammar)
    mutating func separator() -> Bool {
        match(.semicolon) != nil || match(.newline) != nil
    }

    /// statement = param_declaration | let_declaration | query ;
    mutating func statement() throws -> Statement {
        let start = current.span.start
        if check(.param) {
            return Statement(.param(try paramDeclaration()), span: span(from: start))
        }
        if check(.let) {
            return Statement(.let(try letDeclaration()), span: span(from: start))
        }
        return Statement(.query(try query()), span: span(from: start))
    }

    /// param_declaration = "param" IDENT ":" type_reference [ "=" expression ] ;
    mutating func paramDeclaration() throws -> ParamDecl {
        let start = advance().span.start
        let name = try identifier("a parameter name", example: "param since: DateTime")
        if check(.assign) {
            throw fail(expected: "`:` and a type", hints: ["declare a type first: `param \(name.name): Int = 10`"])
        }
        try expect(.colon, "`:` and a type after the parameter name",
                   hints: ["parameters are declared `param \(name.name): Type`"])
        let type = try typeReference()
        var defaultValue: Expr?
        if match(.assign) != nil {
            defaultValue = try expression()
        } else if check(.equal) {
            throw fail(expected: "`=` before the default value", hints: ["write `=` (not `==`) to give a default"])
        }
        return ParamDecl(name: name, type: type, defaultValue: defaultValue, span: span(from: start))
    }

    /// type_reference = IDENT [ "[" "]" ] [ "?" ] ;
    mutating func typeReference() throws -> TypeRef {
        let name = try identifier("a type name", example: "String, Int, DateTime or an enum")
        var isList = false
        if match(.leftBracket) != nil {
            try expect(.rightBracket, "`]` after `[` in a list type", hints: ["list types are written `String[]`"])
            isList = true
        }
        let isOptional = match(.question) != nil
        return TypeRef(name: name, isList: isList, isOptional: isOptional, span: span(from: name.span.start))
    }

    /// let_declaration = "let" IDENT "=" query ;
    mutating func letDeclaration() throws -> LetDecl {
        let start = advance().span.start
        let name = try identifier("a name for the query", example: "let recent = Order | …")
        if check(.equal) || check(.colon) {
            throw fail(expected: "`=`", hints: ["write `let \(name.name) = Model | …`"])
        }
        try expect(.assign, "`=` after the name", hints: ["write `let \(name.name) = Model | …`"])
        let query = try query(inLet: true)
        return LetDecl(name: name, query: query, span: span(from: start))
    }

    /// query = IDENT { "|" stage } ;
    ///
    /// Errors inside a stage are recovered here: the stage is left out and parsing resumes at
    /// the next `|` outside brackets, so every stage gets checked in one run.
    mutating func query(inLet: Bool = false) throws -> Query {
        if let keyword = current.keyword, Keyword.stageKeywords.contains(keyword) {
            // `select name from Customer`, typed in lowercase: the same hint as `SELECT *`.
            let sqlHint = keyword.rawValue == "select" ? ["LQL is a pipeline, not SQL: `Model | where … | select …`"] : []
            throw fail(expected: "a model or `let` name to start the query",
                       hints: sqlHint + ["a query starts from a model, as in `Order | \(keyword.rawValue) …`"])
        }
        let sourceName = try identifier(inLet ? "a model or `let` name to start the query"
                                              : "a query (a model or `let` name), `let` or `param`",
                                        example: "Order | where …")
        if !check(.pipe), ["select", "from"].contains(sourceName.name.lowercased()), !atStatementEnd {
            report(.unexpectedToken, "expected `|` or the end of the statement, found \(describe(current))",
                   at: current.span, hints: ["LQL is a pipeline, not SQL: `Model | where … | select …`"])
            throw ParseFailure()
        }
        var stages: [Stage] = []
        var chart: ChartSpec?
        while !atStatementEnd {
            if let doubled = match(.pipePipe) {
                report(.foreignOperator, "`||` between stages", at: doubled.span,
                       hints: ["stages are separated by one `|`; write `or` for a logical or"])
            } else if match(.pipe) == nil {
                stageSeparatorMissing()
                synchronizeToStage()
                continue
            }
            do {
                if atChartStage {
                    chart = try chartStage()
                    continue
                }
                if let misplaced = chart {
                    report(.invalidChart, "`chart` must be the last stage", at: misplaced.span,
                           hints: ["move `| chart …` to the end of the query"])
                    chart = nil
                }
                let parsed = try stage()
                if !atStageEnd {
                    throw fail(expected: "`|` or the end of the statement", hints: hintsAfterStage())
                }
                stages.append(parsed)
            } catch {
                synchronizeToStage()
            }
        }
        return Query(source: sourceName, stages: stages, span: span(from: sourceName.span.start), chart: chart)
    }

    /// A query followed by something other than `|`: say what was probably meant.
    private mutating func stageSeparatorMissing() {
        if let keyword = current.keyword, Keyword.stageKeywords.contains(keyword) {
            report(.unexpectedToken, "expected `|` before `\(keyword.rawValue)`", at: current.span,
                   hints: ["stages are separated by `|`"],
                   fixIts: [FixIt(span: .at(current.span.start), replacement: "| ")])
        } else {
            _ = fail(expected: "`|` or the end of the statement", hints: hintsAfterStatement())
        }
    }

    func hintsAfterStatement() -> [String] {
        switch current.kind {
        case .identifier, .keyword, .integer, .decimal, .string:
            ["stages are separated by `|`; statements by `;` or a new line"]
        default:
            []
        }
    }

    func hintsAfterStage() -> [String] {
        if current.kind == .identifier {
            if let keyword = Keyword(rawValue: current.text.lowercased()) {
                return ["keywords are lowercase: write `\(keyword.rawValue)`"]
            }
            if let hint = Self.foreignWordHints[current.text.lowercased()] { return [hint] }
        }
        return switch current.kind {
        case .keyword(.as):
            ["to name an output column, write `name: expression`"]
        case .identifier, .integer, .decimal, .string, .parameter, .date, .timestamp:
            ["separate items with `,`, stages with `|`, and statements with `;` or a new line"]
        case .assign:
            ["write `==` to compare"]
        default:
            []
        }
    }

    /// Words from SQL and other query languages met where a stage should end.
    static let foreignWordHints: [String: String] = [
        "like": "write `~` for a case-insensitive substring match", "ilike": "write `~` for a case-insensitive substring match",
        "between": "write `x in low..high` (includes low, excludes high)",
        "order": "sorting is a stage: `| sort key desc`", "limit": "limiting is a stage: `| take n`",
        "offset": "skipping is a stage: `| skip n`", "having": "filter after grouping with another stage: `| where …`",
        "from": "a query starts from its model: `Model | where … | select …`",
    ]

    /// IDENT, with a specific message when a reserved word is used as a name.
    mutating func identifier(_ what: String, example: String? = nil) throws -> Identifier {
        if check(.identifier) {
            let token = advance()
            return Identifier(token.text, span: token.span)
        }
        if let keyword = current.keyword {
            report(.reservedWord, "expected \(what), found the reserved word `\(keyword.rawValue)`",
                   at: current.span, hints: ["`\(keyword.rawValue)` is reserved; choose another name"])
            throw ParseFailure()
        }
        throw fail(expected: what, hints: example.map { ["for example `\($0)`"] } ?? [])
    }
}

extension Keyword {
    /// Keywords that begin a stage.
    static let stageKeywords: Set<Keyword> = [.where, .select, .sort, .take, .skip, .group, .aggregate, .count, .distinct,
                                              .derive, .append]
}
