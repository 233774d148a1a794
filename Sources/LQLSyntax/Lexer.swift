import LQLDiagnostics

/// Turns source text into tokens. Works on UTF-8 bytes so every span is a byte range.
/// Problems are reported as diagnostics and lexing continues, so one bad character never hides
/// the rest of the input. Comments and newlines are kept as trivia tokens for the REPL
/// (highlighting, completion); `LQLParser` drops the ones it does not need.
public struct Lexer {
    /// All tokens, trivia included, ending with one `.endOfFile`.
    public static func tokenize(_ source: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(bytes: source.bytes)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics.diagnostics)
    }

    private let bytes: [UInt8]
    private var position = 0
    private var tokens: [Token] = []
    private var diagnostics = CappedDiagnostics()

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func run() {
        while position < bytes.count {
            let start = position
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                position += 1
                emit(.newline, from: start)
            case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"):
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
                emit(.comment, from: start)
            case _ where byte.isIdentifierStart:
                lexIdentifier()
            case _ where byte.isDigit:
                lexNumber()
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                lexString()
            case UInt8(ascii: "@"):
                lexDate()
            case UInt8(ascii: "$"):
                lexParameter()
            default:
                if !lexPunctuation() { lexInvalid() }
            }
        }
        tokens.append(Token(kind: .endOfFile, span: .at(bytes.count), text: ""))
    }

    // MARK: - Helpers

    private func peek(_ offset: Int) -> UInt8? {
        let i = position + offset
        return i < bytes.count ? bytes[i] : nil
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func emit(_ kind: TokenKind, from start: Int, value: String? = nil) {
        tokens.append(Token(kind: kind, span: Span(start, position), text: text(start, position), value: value))
    }

    private mutating func report(_ code: DiagnosticCode, _ message: String, _ span: Span, hints: [String] = []) {
        diagnostics.add(Diagnostic(code, message, at: span, hints: hints))
    }

    // MARK: - Names and numbers

    private mutating func lexIdentifier() {
        let start = position
        while position < bytes.count, bytes[position].isIdentifierContinue { position += 1 }
        let word = text(start, position)
        if let keyword = Keyword(rawValue: word) {
            emit(.keyword(keyword), from: start)
        } else {
            emit(.identifier, from: start)
        }
    }

    /// integer = digit { [ "_" ] digit } ; decimal = integer "." digit { [ "_" ] digit } ;
    private mutating func lexNumber() {
        let start = position
        var valid = scanDigitGroup()
        var isDecimal = false
        if peek(0) == UInt8(ascii: "."), let next = peek(1), next.isDigit {
            isDecimal = true
            position += 1
            valid = scanDigitGroup() && valid
        }
        let written = text(start, position)
        if !valid {
            report(.invalidNumber, "invalid number `\(written)`", Span(start, position),
                   hints: ["`_` may only separate digits, as in `1_000`"])
            emit(.invalid, from: start)
            return
        }
        emit(isDecimal ? .decimal : .integer, from: start, value: written.filter { $0 != "_" })
    }

    /// Digits with single `_` separators between them; false when an underscore is misplaced.
    private mutating func scanDigitGroup() -> Bool {
        var valid = true
        var previousWasUnderscore = false
        while position < bytes.count {
            let b = bytes[position]
            if b.isDigit {
                previousWasUnderscore = false
            } else if b == UInt8(ascii: "_") {
                if previousWasUnderscore { valid = false }
                previousWasUnderscore = true
            } else {
                break
            }
            position += 1
        }
        return valid && !previousWasUnderscore
    }

    private mutating func lexParameter() {
        let start = position
        position += 1
        guard let first = peek(0), first.isIdentifierContinue else {
            report(.invalidParameterName, "expected a parameter name after `$`", Span(start, position),
                   hints: ["parameters are written `$name`"])
            emit(.invalid, from: start)
            return
        }
        while position < bytes.count, bytes[position].isIdentifierContinue { position += 1 }
        if first.isDigit {
            report(.invalidParameterName, "parameter names start with a letter: `\(text(start, position))`",
                   Span(start, position), hints: ["parameters are named, as in `$since`"])
            emit(.invalid, from: start)
            return
        }
        emit(.parameter, from: start, value: text(start + 1, position))
    }

    // MARK: - Strings

    /// string = '"' { char | escape } '"' | "'" { char | escape } "'" ;
    /// escape = "\\" ( "\\" | '"' | "'" | "n" | "t" | "u{" hex { hex } "}" ) ;
    /// A string may span lines; an unterminated one runs to the end of the input.
    private mutating func lexString() {
        let start = position
        let quote = bytes[position]
        position += 1
        var value: [UInt8] = []
        var tooLongReported = false
        while true {
            guard position < bytes.count else {
                var hints = ["close the string with \(quote == UInt8(ascii: "\"") ? "`\"`" : "`'`")"]
                if value.contains(UInt8(ascii: "\n")) {
                    hints.append("strings may span lines, so this one runs to the end of the input")
                }
                report(.unterminatedString, "unterminated string", Span(start, start + 1), hints: hints)
                emit(.string, from: start, value: String(decoding: value, as: UTF8.self))
                return
            }
            let b = bytes[position]
            if b == quote {
                position += 1
                break
            }
            if b == UInt8(ascii: "\\") {
                lexEscape(into: &value)
            } else {
                if b.isControl, b != UInt8(ascii: "\t"), b != UInt8(ascii: "\n"), b != UInt8(ascii: "\r") {
                    report(.controlCharacter, "control character \(b.unicodeName) in a string",
                           Span(position, position + 1), hints: ["write `\\n` or `\\t`, or remove it"])
                }
                value.append(b)
                position += 1
            }
            if value.count > SyntaxLimits.maxStringLength, !tooLongReported {
                tooLongReported = true
                report(.stringTooLong, "string literal longer than \(SyntaxLimits.maxStringLength) bytes",
                       Span(start, start + 1), hints: ["pass long values as a parameter instead"])
            }
        }
        emit(.string, from: start, value: String(decoding: value, as: UTF8.self))
    }

    private mutating func lexEscape(into value: inout [UInt8]) {
        let start = position
        position += 1
        guard let e = peek(0) else { return }  // the unterminated-string report follows
        position += 1
        switch e {
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): value.append(e)
        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "u"):
            guard peek(0) == UInt8(ascii: "{") else {
                report(.invalidEscape, "invalid unicode escape", Span(start, position),
                       hints: ["write a code point in braces, as in `\\u{e9}`"])
                return
            }
            position += 1
            let digitsStart = position
            while position < bytes.count, bytes[position].isHexDigit, position - digitsStart < 8 { position += 1 }
            let digits = text(digitsStart, position)
            let closed = peek(0) == UInt8(ascii: "}")
            if closed { position += 1 }
            if closed, (1...6).contains(digits.count), let code = UInt32(digits, radix: 16), code == 0 {
                // Checked here, not at run time: PostgreSQL text cannot hold NUL (libpq ends the
                // value there), so the string could never reach the server intact.
                report(.invalidEscape, "`\(text(start, position))` is a NUL character, which PostgreSQL text cannot hold",
                       Span(start, position), hints: ["remove it; no text value can contain NUL"])
            } else if closed, (1...6).contains(digits.count), let code = UInt32(digits, radix: 16),
               let scalar = Unicode.Scalar(code) {
                value.append(contentsOf: Array(String(Character(scalar)).utf8))
            } else {
                report(.invalidEscape, "invalid unicode escape `\(text(start, position))`", Span(start, position),
                       hints: ["write 1 to 6 hex digits of a valid code point in braces, as in `\\u{e9}`"])
            }
        default:
            // Keep the character so the rest of the string still lexes.
            position = start + 1
            let scalarEnd = position + utf8Length(of: bytes[position])
            position = min(scalarEnd, bytes.count)
            report(.invalidEscape, "invalid escape sequence `\(text(start, position))`", Span(start, position),
                   hints: ["valid escapes are `\\\\`, `\\\"`, `\\'`, `\\n`, `\\t` and `\\u{…}`"])
        }
    }

    // MARK: - Dates and timestamps

    /// date = "@" YYYY "-" MM "-" DD ;
    /// timestamp = date "T" hh ":" mm [ ":" ss [ "." fraction ] ] [ "Z" | ( "+" | "-" ) hh ":" mm ] ;
    private mutating func lexDate() {
        let start = position
        position += 1
        // Take the longest run that could belong to a date or timestamp; `..` ends it (ranges).
        while position < bytes.count {
            let b = bytes[position]
            if b.isDigit || b == UInt8(ascii: "-") || b == UInt8(ascii: ":") || b == UInt8(ascii: "T")
                || b == UInt8(ascii: "Z") || b == UInt8(ascii: "+") {
                position += 1
            } else if b == UInt8(ascii: "."), let next = peek(1), next.isDigit {
                position += 1
            } else {
                break
            }
        }
        let body = Array(bytes[(start + 1)..<position])
        switch DateLiteral.parse(body) {
        case .date(let canonical):
            emit(.date, from: start, value: canonical)
        case .timestamp(let canonical):
            emit(.timestamp, from: start, value: canonical)
        case .invalid(let reason):
            let written = text(start, position)
            report(.invalidDate, body.isEmpty ? "expected a date after `@`" : "invalid date `\(written)`: \(reason)",
                   Span(start, max(position, start + 1)),
                   hints: ["dates are written `@2025-01-31`, timestamps `@2025-01-31T09:30:00Z`"])
            emit(.invalid, from: start)
        }
    }

    // MARK: - Punctuation

    private mutating func lexPunctuation() -> Bool {
        let start = position
        let b = bytes[position]
        let next = peek(1)
        let kind: TokenKind
        var length = 1
        switch b {
        case UInt8(ascii: "|"): if next == UInt8(ascii: "|") { kind = .pipePipe; length = 2 } else { kind = .pipe }
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: ":"): kind = .colon
        case UInt8(ascii: ";"): kind = .semicolon
        case UInt8(ascii: "."): if next == UInt8(ascii: ".") { kind = .dotDot; length = 2 } else { kind = .dot }
        case UInt8(ascii: "("): kind = .leftParen
        case UInt8(ascii: ")"): kind = .rightParen
        case UInt8(ascii: "["): kind = .leftBracket
        case UInt8(ascii: "]"): kind = .rightBracket
        case UInt8(ascii: "{"): kind = .leftBrace
        case UInt8(ascii: "}"): kind = .rightBrace
        case UInt8(ascii: "="): if next == UInt8(ascii: "=") { kind = .equal; length = 2 } else { kind = .assign }
        case UInt8(ascii: "!"): if next == UInt8(ascii: "=") { kind = .notEqual; length = 2 } else { kind = .bang }
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "=") { kind = .lessOrEqual; length = 2 }
            else if next == UInt8(ascii: ">") { kind = .lessGreater; length = 2 }
            else { kind = .less }
        case UInt8(ascii: ">"): if next == UInt8(ascii: "=") { kind = .greaterOrEqual; length = 2 } else { kind = .greater }
        case UInt8(ascii: "~"): kind = .tilde
        case UInt8(ascii: "?"): if next == UInt8(ascii: "?") { kind = .questionQuestion; length = 2 } else { kind = .question }
        case UInt8(ascii: "+"): kind = .plus
        case UInt8(ascii: "-"): kind = .minus
        case UInt8(ascii: "*"): kind = .star
        case UInt8(ascii: "/"): kind = .slash
        case UInt8(ascii: "%"): kind = .percent
        case UInt8(ascii: "&") where next == UInt8(ascii: "&"): kind = .ampAmp; length = 2
        default: return false
        }
        position += length
        emit(kind, from: start)
        return true
    }

    /// A run of characters that are not LQL becomes one `.invalid` token and one diagnostic,
    /// so a megabyte of noise gives a bounded report rather than one error per byte.
    private mutating func lexInvalid() {
        let start = position
        let isControl = bytes[position].isControl
        while position < bytes.count {
            let b = bytes[position]
            guard b.isControl == isControl, !b.beginsToken else { break }
            if b.isControl, b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "\n") { break }
            position += b >= 0x80 ? max(1, min(utf8Length(of: b), bytes.count - position)) : 1
        }
        if position == start { position += 1 }
        emit(.invalid, from: start)
        // Past the ceiling, build no message: noise input must stay cheap to lex.
        if diagnostics.isFull { return }
        let span = Span(start, position)
        if isControl {
            let first = bytes[start]
            report(.controlCharacter, "control character \(first.unicodeName) in the source", span,
                   hints: ["remove it; only tabs and line breaks may appear outside strings"])
        } else {
            let written = text(start, position)
            report(.unexpectedCharacter, "unexpected character\(position - start > 1 ? "s" : "") `\(written)`", span,
                   hints: Self.hint(forStray: bytes[start]))
        }
    }

    private static func hint(forStray b: UInt8) -> [String] {
        switch b {
        case UInt8(ascii: "#"): ["comments start with `--`"]
        case UInt8(ascii: "&"): ["write `and`"]
        case UInt8(ascii: "`"): ["names are written without quotes; strings use `\"…\"`"]
        case UInt8(ascii: "^"): ["LQL has no `^` operator"]
        default: []
        }
    }

    private func utf8Length(of lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }
}

extension UInt8 {
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
    var isHexDigit: Bool { isDigit || (self >= 0x41 && self <= 0x46) || (self >= 0x61 && self <= 0x66) }
    var isIdentifierStart: Bool { (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) || self == 0x5F }
    var isIdentifierContinue: Bool { isIdentifierStart || isDigit }
    var isControl: Bool { self < 0x20 || self == 0x7F }
    /// Bytes that start a token or whitespace: where a run of invalid characters stops.
    var beginsToken: Bool {
        if isIdentifierContinue { return true }
        switch self {
        case UInt8(ascii: " "), UInt8(ascii: "|"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"),
             UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"),
             UInt8(ascii: ">"), UInt8(ascii: "~"), UInt8(ascii: "?"), UInt8(ascii: "+"), UInt8(ascii: "-"),
             UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "\""), UInt8(ascii: "'"),
             UInt8(ascii: "@"), UInt8(ascii: "$"), UInt8(ascii: "\n"):
            return true
        default:
            return false
        }
    }
    var unicodeName: String {
        let hex = String(self, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
