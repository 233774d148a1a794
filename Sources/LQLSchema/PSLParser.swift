import LQLDiagnostics

/// Parses PSL tokens into a `PSLSchema`. Recovers at line ends and block ends so one mistake
/// yields one diagnostic; unknown attributes are kept, never fatal.
struct PSLParser {
    /// Arrays and calls nest at most this deep; hostile input must not exhaust the stack.
    static let maxNesting = 64
    static let blockKeywords: Set<String> = ["model", "view", "enum", "type", "datasource", "generator"]

    var tokens: [PSLToken]
    var index = 0
    var sink: SchemaDiagnosticSink
    var pendingDoc: [String] = []

    static func parse(_ tokens: [PSLToken], sink: inout SchemaDiagnosticSink) -> PSLSchema {
        var parser = PSLParser(tokens: tokens, sink: sink)
        let schema = parser.parseSchema()
        sink = parser.sink
        return schema
    }

    // MARK: tokens

    var current: PSLToken { tokens[index] }
    func peek(_ ahead: Int) -> PSLToken { tokens[min(index + ahead, tokens.count - 1)] }
    var atEnd: Bool { current.kind == .endOfFile }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    mutating func skipNewlines() {
        while current.kind == .newline || current.kind == .docComment { advance() }
    }

    /// Ends a declaration's documentation: doc comments belong to what directly follows them.
    mutating func takeDoc() -> String? {
        defer { pendingDoc = [] }
        return pendingDoc.isEmpty ? nil : pendingDoc.joined(separator: "\n")
    }

    static func describe(_ t: PSLToken) -> String {
        switch t.kind {
        case .newline: return "end of line"
        case .endOfFile: return "end of file"
        case .docComment: return "doc comment"
        case .string: return "string \"\(t.text)\""
        default: return "`\(t.text)`"
        }
    }

    mutating func unexpected(_ expected: String, hint: String? = nil) {
        sink.add(Diagnostic(.schemaUnexpectedToken, "expected \(expected), found \(Self.describe(current))",
                            at: current.span, hints: hint.map { [$0] } ?? []))
    }

    /// Skips to the end of the line, jumping over bracketed groups that span lines.
    mutating func skipLine() {
        while !atEnd, current.kind != .newline, current.kind != .rightBrace {
            if [.leftParen, .leftBracket, .leftBrace].contains(current.kind) { skipBalanced() } else { advance() }
        }
    }

    /// Skips one bracketed group from its opening token, iteratively (nesting can be deep).
    mutating func skipBalanced() {
        var depth = 0
        repeat {
            switch current.kind {
            case .leftParen, .leftBracket, .leftBrace: depth += 1
            case .rightParen, .rightBracket, .rightBrace: depth -= 1
            case .endOfFile: return
            default: break
            }
            advance()
        } while depth > 0
    }

    /// Does a new top-level block start here (`model X {`)? Used to spot a missing `}`.
    var atBlockStart: Bool {
        current.kind == .identifier && Self.blockKeywords.contains(current.text)
            && peek(1).kind == .identifier && peek(2).kind == .leftBrace
    }

    // MARK: schema

    mutating func parseSchema() -> PSLSchema {
        var schema = PSLSchema()
        while !atEnd {
            switch current.kind {
            case .newline: advance()
            case .docComment: pendingDoc.append(current.text); advance()
            case .identifier where Self.blockKeywords.contains(current.text):
                parseBlock(into: &schema)
            default:
                unexpected("`model`, `enum`, `view`, `type`, `datasource` or `generator`")
                pendingDoc = []
                // Skip the rest of the line and any block it opens, so the block's lines are not
                // reported one by one.
                while !atEnd, current.kind != .newline {
                    if [.leftParen, .leftBracket, .leftBrace].contains(current.kind) { skipBalanced() } else { advance() }
                }
            }
        }
        return schema
    }

    mutating func parseBlock(into schema: inout PSLSchema) {
        let keyword = current
        let doc = takeDoc()
        advance()
        guard current.kind == .identifier else {
            unexpected("a name after `\(keyword.text)`")
            skipLine()
            if current.kind == .leftBrace { skipBalanced() }
            return
        }
        let name = current
        advance()
        guard current.kind == .leftBrace else {
            unexpected("`{` after `\(keyword.text) \(name.text)`")
            skipLine()
            return
        }
        advance()
        switch keyword.text {
        case "datasource", "generator":
            let block = parseConfigBody(name: name, start: keyword.span)
            if keyword.text == "datasource" { schema.datasources.append(block) } else { schema.generators.append(block) }
        case "enum":
            schema.enums.append(parseEnumBody(name: name, start: keyword.span, doc: doc))
        default:
            let model = parseModelBody(name: name, start: keyword.span, isView: keyword.text == "view", doc: doc)
            if keyword.text == "type" { schema.compositeTypes.append(model) } else { schema.models.append(model) }
        }
    }

    /// Consumes the closing `}` or reports the block as unterminated. Returns the block's span end.
    mutating func closeBlock(opening: Span, name: PSLToken) -> Int {
        if current.kind == .rightBrace {
            let end = current.span.end
            advance()
            return end
        }
        sink.add(Diagnostic(.schemaUnterminatedBlock, "the block `\(name.text)` is not closed",
                            at: opening.union(name.span), hints: ["add `}` after its last line"]))
        return current.span.start
    }

    /// Loops over the lines of a block body, handing each line's first token to `line`.
    /// Stops at `}`, end of file, or a line that starts a new top-level block.
    mutating func forEachLine(_ line: (inout PSLParser) -> Void) {
        while !atEnd, current.kind != .rightBrace, !atBlockStart {
            switch current.kind {
            case .newline: advance()
            case .docComment: pendingDoc.append(current.text); advance()
            default:
                let before = index
                line(&self)
                if index == before { advance() }
            }
        }
    }

    /// After a member: the line must end here. A `///` on the same line documents the member.
    mutating func endLine(trailingDoc: inout String?) {
        if current.kind == .docComment {
            trailingDoc = [trailingDoc, current.text].compactMap { $0 }.joined(separator: "\n")
            advance()
        }
        if current.kind == .newline || current.kind == .rightBrace || atEnd { return }
        unexpected("end of line")
        skipLine()
    }

    mutating func parseConfigBody(name: PSLToken, start: Span) -> PSLConfigBlock {
        var properties: [PSLProperty] = []
        forEachLine { p in
            guard p.current.kind == .identifier else {
                p.unexpected("a setting like `provider = \"postgresql\"`")
                p.skipLine()
                return
            }
            let key = p.current
            p.advance()
            guard p.current.kind == .equals else {
                p.unexpected("`=` after `\(key.text)`")
                p.skipLine()
                return
            }
            p.advance()
            let value = p.parseExpression(depth: 0)
            properties.append(PSLProperty(key: key.text, value: value, span: key.span.union(value.span)))
            var ignored: String?
            p.endLine(trailingDoc: &ignored)
            p.pendingDoc = []
        }
        let end = closeBlock(opening: start, name: name)
        return PSLConfigBlock(name: name.text, properties: properties, span: Span(start.start, max(start.end, end)))
    }

    mutating func parseEnumBody(name: PSLToken, start: Span, doc: String?) -> PSLEnum {
        var values: [PSLEnumValue] = []
        var attributes: [PSLAttribute] = []
        forEachLine { p in
            switch p.current.kind {
            case .atAt:
                attributes.append(p.parseAttribute())
                var ignored: String?
                p.endLine(trailingDoc: &ignored)
            case .identifier:
                let valueToken = p.current
                var doc = p.takeDoc()
                p.advance()
                var attrs: [PSLAttribute] = []
                while p.current.kind == .at { attrs.append(p.parseAttribute()) }
                values.append(PSLEnumValue(name: valueToken.text, attributes: attrs, documentation: nil,
                                           span: valueToken.span.union(attrs.last?.span ?? valueToken.span)))
                p.endLine(trailingDoc: &doc)
                values[values.count - 1].documentation = doc
            default:
                p.unexpected("an enum value or `@@` attribute")
                p.skipLine()
            }
        }
        let end = closeBlock(opening: start, name: name)
        return PSLEnum(name: name.text, nameSpan: name.span, values: values, attributes: attributes,
                       documentation: doc, span: Span(start.start, max(start.end, end)))
    }

    mutating func parseModelBody(name: PSLToken, start: Span, isView: Bool, doc: String?) -> PSLModel {
        var fields: [PSLField] = []
        var attributes: [PSLAttribute] = []
        forEachLine { p in
            switch p.current.kind {
            case .atAt:
                p.pendingDoc = []
                attributes.append(p.parseAttribute())
                var ignored: String?
                p.endLine(trailingDoc: &ignored)
            case .identifier:
                if let field = p.parseField() { fields.append(field) }
            default:
                p.unexpected("a field or `@@` attribute", hint: "fields are written `name Type @attribute`")
                p.pendingDoc = []
                p.skipLine()
            }
        }
        let end = closeBlock(opening: start, name: name)
        return PSLModel(name: name.text, nameSpan: name.span, isView: isView, fields: fields, attributes: attributes,
                        documentation: doc, span: Span(start.start, max(start.end, end)))
    }

    mutating func parseField() -> PSLField? {
        let nameToken = current
        var doc = takeDoc()
        advance()
        guard current.kind == .identifier else {
            sink.add(Diagnostic(.schemaUnexpectedToken, "the field `\(nameToken.text)` has no type, found \(Self.describe(current))",
                                at: nameToken.span, hints: ["write `\(nameToken.text) String` or another type"]))
            skipLine()
            return nil
        }
        let typeToken = current
        var typeSpan = typeToken.span
        var unsupported: String?
        advance()
        if typeToken.text == "Unsupported", current.kind == .leftParen {
            advance()
            if current.kind == .string { unsupported = current.text; advance() } else { unexpected("a string with the database type") }
            if current.kind == .rightParen { typeSpan = typeSpan.union(current.span); advance() } else { unexpected("`)`") }
        }
        var isList = false
        var isOptional = false
        if current.kind == .leftBracket, peek(1).kind == .rightBracket {
            isList = true
            typeSpan = typeSpan.union(peek(1).span)
            advance(); advance()
        }
        if current.kind == .question {
            isOptional = true
            typeSpan = typeSpan.union(current.span)
            advance()
        }
        var attributes: [PSLAttribute] = []
        while current.kind == .at { attributes.append(parseAttribute()) }
        if current.kind == .atAt {
            unexpected("a field attribute (`@…`)", hint: "`@@` attributes belong on their own line in the block")
        }
        let span = nameToken.span.union(attributes.last?.span ?? typeSpan)
        endLine(trailingDoc: &doc)
        return PSLField(name: nameToken.text, nameSpan: nameToken.span, typeName: typeToken.text, typeSpan: typeSpan,
                        isOptional: isOptional, isList: isList, unsupportedType: unsupported, attributes: attributes,
                        documentation: doc, span: span)
    }

    // MARK: attributes and values

    mutating func parseAttribute() -> PSLAttribute {
        let marker = current
        let isBlock = marker.kind == .atAt
        advance()
        guard current.kind == .identifier else {
            unexpected("an attribute name after `\(marker.text)`")
            return PSLAttribute(name: "", isBlock: isBlock, arguments: [], span: marker.span)
        }
        let name = current
        var span = marker.span.union(name.span)
        advance()
        var arguments: [PSLArgument] = []
        if current.kind == .leftParen {
            let (args, end) = parseArguments(depth: 0)
            arguments = args
            span = span.union(end)
        }
        return PSLAttribute(name: name.text, isBlock: isBlock, arguments: arguments, span: span)
    }

    /// `( [name:] value, … )` from the `(`; returns the arguments and the span up to `)`.
    mutating func parseArguments(depth: Int) -> ([PSLArgument], Span) {
        let open = current
        if depth >= Self.maxNesting { return ([], tooDeep()) }
        advance()
        var args: [PSLArgument] = []
        while true {
            skipNewlines()
            if current.kind == .rightParen {
                let end = current.span
                advance()
                return (args, open.span.union(end))
            }
            if atEnd || current.kind == .rightBrace || current.kind == .rightBracket {
                unexpected("`)` to close the arguments")
                return (args, open.span.union(Span.at(current.span.start)))
            }
            var argName: String?
            let argStart = current.span
            if current.kind == .identifier, peek(1).kind == .colon {
                argName = current.text
                advance(); advance()
                skipNewlines()
            }
            let value = parseExpression(depth: depth + 1)
            args.append(PSLArgument(name: argName, value: value, span: argStart.union(value.span)))
            skipNewlines()
            if current.kind == .comma { advance(); continue }
            if current.kind != .rightParen {
                unexpected("`,` or `)`")
                if atEnd || current.kind == .rightBrace { continue }
                advance()
            }
        }
    }

    mutating func tooDeep() -> Span {
        let start = current.span
        sink.add(Diagnostic(.schemaNestingTooDeep, "brackets nest more than \(Self.maxNesting) levels deep",
                            at: start, hints: ["a Prisma schema never needs this much nesting"]))
        skipBalanced()
        return start
    }

    mutating func parseExpression(depth: Int) -> PSLExpression {
        let t = current
        switch t.kind {
        case .string:
            advance()
            return PSLExpression(kind: .string(t.text), span: t.span)
        case .number:
            advance()
            return PSLExpression(kind: .number(t.text), span: t.span)
        case .identifier:
            advance()
            if current.kind == .leftParen {
                let (args, span) = parseArguments(depth: depth)
                return PSLExpression(kind: .call(t.text, args), span: t.span.union(span))
            }
            return PSLExpression(kind: .identifier(t.text), span: t.span)
        case .leftBracket:
            if depth >= Self.maxNesting { return PSLExpression(kind: .invalid, span: tooDeep()) }
            advance()
            var items: [PSLExpression] = []
            while true {
                skipNewlines()
                if current.kind == .rightBracket {
                    let span = t.span.union(current.span)
                    advance()
                    return PSLExpression(kind: .array(items), span: span)
                }
                if atEnd || current.kind == .rightBrace || current.kind == .rightParen {
                    unexpected("`]` to close the list")
                    return PSLExpression(kind: .array(items), span: t.span.union(Span.at(current.span.start)))
                }
                items.append(parseExpression(depth: depth + 1))
                skipNewlines()
                if current.kind == .comma { advance(); continue }
                if current.kind != .rightBracket {
                    unexpected("`,` or `]`")
                    if atEnd || current.kind == .rightBrace || current.kind == .rightParen { continue }
                    advance()
                }
            }
        default:
            unexpected("a value (a string, number, name, list or function call)")
            return PSLExpression(kind: .invalid, span: Span.at(t.span.start))
        }
    }
}
