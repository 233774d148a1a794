import LQLDiagnostics

/// Turns schema text into tokens with UTF-8 byte spans. Never fails: bad bytes become
/// diagnostics and are skipped, so the parser always sees a well-formed token stream.
struct PSLLexer {
    private let bytes: [UInt8]
    private var index = 0
    private(set) var tokens: [PSLToken] = []

    static func tokenize(_ source: SourceFile, into sink: inout SchemaDiagnosticSink) -> [PSLToken] {
        var lexer = PSLLexer(bytes: source.bytes)
        lexer.run(&sink)
        return lexer.tokens
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        index + ahead < bytes.count ? bytes[index + ahead] : nil
    }

    private mutating func emit(_ kind: PSLToken.Kind, from start: Int, text: String? = nil) {
        let t = text ?? String(decoding: bytes[start..<index], as: UTF8.self)
        tokens.append(PSLToken(kind: kind, text: t, span: Span(start, index)))
    }

    private mutating func run(_ sink: inout SchemaDiagnosticSink) {
        var invalidStart: Int?
        func flushInvalid(_ sink: inout SchemaDiagnosticSink, at end: Int) {
            guard let s = invalidStart else { return }
            invalidStart = nil
            sink.add(Diagnostic(.schemaInvalidCharacter, "unexpected characters in the schema", at: Span(s, end),
                                hints: ["a Prisma schema holds `model`, `enum`, `view`, `type`, `datasource` and `generator` blocks"]))
        }
        while let b = peek() {
            let start = index
            if !Self.isKnownStart(b, next: peek(1)) {
                if invalidStart == nil { invalidStart = start }
                index += 1
                continue
            }
            flushInvalid(&sink, at: start)
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                emit(.newline, from: start)
            case UInt8(ascii: "/"):
                if peek(1) == UInt8(ascii: "*") { lexBlockComment(start, &sink) } else { lexComment(start) }
            case UInt8(ascii: "\""):
                lexString(start, &sink)
            case UInt8(ascii: "{"): index += 1; emit(.leftBrace, from: start)
            case UInt8(ascii: "}"): index += 1; emit(.rightBrace, from: start)
            case UInt8(ascii: "("): index += 1; emit(.leftParen, from: start)
            case UInt8(ascii: ")"): index += 1; emit(.rightParen, from: start)
            case UInt8(ascii: "["): index += 1; emit(.leftBracket, from: start)
            case UInt8(ascii: "]"): index += 1; emit(.rightBracket, from: start)
            case UInt8(ascii: ","): index += 1; emit(.comma, from: start)
            case UInt8(ascii: ":"): index += 1; emit(.colon, from: start)
            case UInt8(ascii: "="): index += 1; emit(.equals, from: start)
            case UInt8(ascii: "?"): index += 1; emit(.question, from: start)
            case UInt8(ascii: "@"):
                if peek(1) == UInt8(ascii: "@") { index += 2; emit(.atAt, from: start) } else { index += 1; emit(.at, from: start) }
            default:
                if Self.isDigit(b) || b == UInt8(ascii: "-") {
                    lexNumber(start)
                } else {
                    lexIdentifier(start)
                }
            }
        }
        flushInvalid(&sink, at: index)
        tokens.append(PSLToken(kind: .endOfFile, text: "", span: .at(bytes.count)))
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    static func isIdentStart(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "_")
    }
    static func isIdentPart(_ b: UInt8) -> Bool { isIdentStart(b) || isDigit(b) }

    private static func isKnownStart(_ b: UInt8, next: UInt8?) -> Bool {
        if isIdentStart(b) || isDigit(b) { return true }
        if b == UInt8(ascii: "-") { return next.map(isDigit) ?? false }
        if b == UInt8(ascii: "/") { return next == UInt8(ascii: "/") || next == UInt8(ascii: "*") }
        return " \t\r\n\"{}()[],:=?@".utf8.contains(b)
    }

    private mutating func lexComment(_ start: Int) {
        let isDoc = peek(2) == UInt8(ascii: "/") && peek(3) != UInt8(ascii: "/")
        while let c = peek(), c != UInt8(ascii: "\n") { index += 1 }
        guard isDoc else { return }
        var text = String(decoding: bytes[(start + 3)..<index], as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        if text.hasPrefix(" ") { text.removeFirst() }
        emit(.docComment, from: start, text: text)
    }

    /// `/* … */` (Prisma reads them since 6.x): blank to the parser, but each newline inside is
    /// kept, so the line structure that separates fields and attributes stays as written.
    private mutating func lexBlockComment(_ start: Int, _ sink: inout SchemaDiagnosticSink) {
        index += 2
        while let c = peek() {
            if c == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") { index += 2; return }
            index += 1
            if c == UInt8(ascii: "\n") { emit(.newline, from: index - 1) }
        }
        sink.add(Diagnostic(.schemaUnterminatedBlock, "this `/*` comment is never closed", at: Span(start, start + 2),
                            hints: ["close it with `*/`"]))
    }

    private mutating func lexString(_ start: Int, _ sink: inout SchemaDiagnosticSink) {
        index += 1
        var decoded: [UInt8] = []
        while let c = peek() {
            if c == UInt8(ascii: "\"") {
                index += 1
                emit(.string, from: start, text: String(decoding: decoded, as: UTF8.self))
                return
            }
            if c == UInt8(ascii: "\n") { break }
            if c == UInt8(ascii: "\\"), let n = peek(1), n != UInt8(ascii: "\n") {
                switch n {
                case UInt8(ascii: "n"): decoded.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): decoded.append(UInt8(ascii: "\t"))
                default: decoded.append(n)
                }
                index += 2
                continue
            }
            decoded.append(c)
            index += 1
        }
        sink.add(Diagnostic(.schemaUnterminatedString, "this string is not closed", at: Span(start, index),
                            hints: ["end the string with `\"` on the same line"]))
        emit(.string, from: start, text: String(decoding: decoded, as: UTF8.self))
    }

    private mutating func lexNumber(_ start: Int) {
        index += 1
        while let c = peek(), Self.isDigit(c) || c == UInt8(ascii: ".") { index += 1 }
        emit(.number, from: start)
    }

    private mutating func lexIdentifier(_ start: Int) {
        index += 1
        while let c = peek() {
            if Self.isIdentPart(c) { index += 1; continue }
            // `db.Decimal`: a dot joins two names into one identifier.
            if c == UInt8(ascii: "."), let n = peek(1), Self.isIdentStart(n) { index += 1; continue }
            break
        }
        emit(.identifier, from: start)
    }
}
