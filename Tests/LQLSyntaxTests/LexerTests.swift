import Testing
import LQLDiagnostics
@testable import LQLSyntax

/// The lexer: token kinds, values, spans and trivia.
@Suite struct LexerTests {
    func kinds(_ text: String) -> [TokenKind] {
        Lexer.tokenize(SourceFile(name: "t", text: text)).tokens.map(\.kind)
    }

    @Test func keywordsAndIdentifiers() {
        for keyword in Keyword.allCases {
            #expect(kinds(keyword.rawValue) == [.keyword(keyword), .endOfFile])
        }
        #expect(kinds("Where has days _x x1") == [.identifier, .identifier, .identifier, .identifier, .identifier, .endOfFile])
    }

    @Test func operatorsAndPunctuation() {
        #expect(kinds("| , : ; . .. ( ) [ ] { } = == != < <= > >= ~ ?? ? + - * / % && || ! <>") == [
            .pipe, .comma, .colon, .semicolon, .dot, .dotDot, .leftParen, .rightParen, .leftBracket, .rightBracket,
            .leftBrace, .rightBrace, .assign, .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual,
            .tilde, .questionQuestion, .question, .plus, .minus, .star, .slash, .percent, .ampAmp, .pipePipe,
            .bang, .lessGreater, .endOfFile,
        ])
    }

    @Test func triviaIsKeptForTheRepl() {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "t", text: "Order -- all\n| take 1"))
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [.identifier, .comment, .newline, .pipe, .keyword(.take), .integer, .endOfFile])
        #expect(tokens[1].text == "-- all")
        #expect(tokens[1].isTrivia && tokens[2].isTrivia && !tokens[0].isTrivia)
        #expect(tokens.map(\.span) == [Span(0, 5), Span(6, 12), Span(12, 13), Span(13, 14), Span(15, 19), Span(20, 21), Span(21, 21)])
    }

    @Test func literalValues() {
        let (tokens, _) = Lexer.tokenize(SourceFile(name: "t", text: #"1_000 2.50 "a\tb" @2025-01-31 @2025-01-31T08:00+01:00 $since"#))
        #expect(tokens.map(\.kind) == [.integer, .decimal, .string, .date, .timestamp, .parameter, .endOfFile])
        #expect(tokens.map(\.value) == ["1000", "2.50", "a\tb", "2025-01-31", "2025-01-31T08:00:00+01:00", "since", nil])
    }

    @Test func dateFollowedByRange() {
        #expect(kinds("@2025-01-01..@2026-01-01") == [.date, .dotDot, .date, .endOfFile])
        #expect(kinds("1..2") == [.integer, .dotDot, .integer, .endOfFile])
        #expect(kinds("1.5..2") == [.decimal, .dotDot, .integer, .endOfFile])
    }

    @Test func minusMinusIsAComment() {
        #expect(kinds("a - -b --c") == [.identifier, .minus, .minus, .identifier, .comment, .endOfFile])
    }

    @Test func invalidRunsGiveOneDiagnostic() {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "t", text: "a ##^^ b €€ c"))
        #expect(tokens.map(\.kind) == [.identifier, .invalid, .identifier, .invalid, .identifier, .endOfFile])
        #expect(diagnostics.map(\.code) == [.unexpectedCharacter, .unexpectedCharacter])
        #expect(diagnostics[1].message == "unexpected characters `€€`")
    }

    @Test func leapYears() {
        #expect(kinds("@2000-02-29 @2024-02-29") == [.date, .date, .endOfFile])
        #expect(kinds("@1900-02-29") == [.invalid, .endOfFile])
    }
}
