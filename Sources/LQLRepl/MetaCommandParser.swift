import LQLDiagnostics
import LQLOutput

// The catalog of prompt diagnostics: E09xx. Codes never change once released.
extension DiagnosticCode {
    public static let unknownMetaCommand = DiagnosticCode("E0901", "unknown meta-command")
    public static let missingMetaArgument = DiagnosticCode("E0902", "missing argument")
    public static let unexpectedMetaArgument = DiagnosticCode("E0903", "unexpected argument")
    public static let invalidMetaArgument = DiagnosticCode("E0904", "invalid argument")
    public static let unterminatedMetaQuote = DiagnosticCode("E0905", "unterminated quote")
}

/// Parses one `\command args` line. Spans are UTF-8 byte offsets into that line.
public enum MetaCommandParser {
    public static func parse(_ line: String) -> Result<MetaCommand, Diagnostic> {
        do {
            return .success(try parseOrThrow(line))
        } catch {
            return .failure(error)
        }
    }

    struct Word {
        var text: String
        var span: Span
    }

    private static func parseOrThrow(_ line: String) throws(Diagnostic) -> MetaCommand {
        let bytes = Array(line.utf8)
        var i = 0
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\\") else {
            throw Diagnostic(.unknownMetaCommand, "a meta-command starts with `\\`", at: Span(i, i),
                             hints: ["`\\help` lists the commands"])
        }
        let nameStart = i
        i += 1
        while i < bytes.count, !isBlank(bytes[i]) { i += 1 }
        let name = String(decoding: bytes[(nameStart + 1)..<i], as: UTF8.self)
        let nameSpan = Span(nameStart, i)
        let restStart = i
        let args = try words(bytes, from: restStart)

        func noArguments(_ command: MetaCommand) throws(Diagnostic) -> MetaCommand {
            if let extra = args.first {
                throw Diagnostic(.unexpectedMetaArgument, "`\\\(name)` takes no arguments",
                                 at: Span(extra.span.start, args.last!.span.end),
                                 hints: ["write `\\\(name)` alone"])
            }
            return command
        }
        func atMostOne() throws(Diagnostic) -> Word? {
            if args.count > 1 {
                throw Diagnostic(.unexpectedMetaArgument, "`\\\(name)` takes one argument",
                                 at: Span(args[1].span.start, args.last!.span.end),
                                 hints: ["quote an argument that contains spaces"])
            }
            return args.first
        }
        func required(_ what: String, placeholder: String) throws(Diagnostic) -> Word {
            guard let word = try atMostOne() else {
                throw Diagnostic(.missingMetaArgument, "`\\\(name)` needs \(what)", at: Span.at(nameSpan.end),
                                 hints: ["write `\\\(name) \(placeholder)`"])
            }
            return word
        }

        switch name {
        case "d":
            guard let model = try atMostOne() else { return .listModels }
            return .describe(model: model.text)
        case "tenant":
            return .tenant(try atMostOne()?.text)
        case "sql":
            return try noArguments(.showSQL)
        case "explain":
            guard let word = try atMostOne() else { return .explain }
            guard word.text.lowercased() == "analyze" || word.text.lowercased() == "analyse" else {
                throw Diagnostic(.invalidMetaArgument, "`\\explain` takes `analyze` or nothing, not `\(word.text)`", at: word.span,
                                 hints: ["`\\explain analyze` runs the last query and shows its plan with timings"])
            }
            return .explainAnalyze
        case "tenants":
            return .tenants(pattern: try atMostOne()?.text)
        case "o", "out":
            return .output(path: try atMostOne()?.text)
        case "g":
            guard let file = args.first else { return .sendTo(path: nil, format: nil) }
            if args.count > 2 {
                throw Diagnostic(.unexpectedMetaArgument, "`\\g` takes a file and a format", at: Span(args[2].span.start, args.last!.span.end),
                                 hints: ["write `\\g FILE` or `\\g FILE csv`"])
            }
            return .sendTo(path: file.text, format: try args.count > 1 ? outputFormat(args[1]) : nil)
        case "e", "edit":
            return .edit(path: try atMostOne()?.text)
        case "watch":
            guard let word = try atMostOne() else { return .watch(seconds: 2) }
            guard let seconds = Double(word.text), seconds > 0, seconds.isFinite, seconds <= 86_400 else {
                throw Diagnostic(.invalidMetaArgument, "`\\watch` needs a number of seconds, not `\(word.text)`", at: word.span,
                                 hints: ["write `\\watch 5` to run the last query every 5 seconds"])
            }
            return .watch(seconds: seconds)
        case "timeout":
            guard let word = try atMostOne() else { return .timeout(seconds: nil) }
            if ["off", "0", "none"].contains(word.text.lowercased()) { return .timeout(seconds: 0) }
            guard let seconds = Double(word.text), seconds > 0, seconds.isFinite, seconds <= 2_147_483 else {
                throw Diagnostic(.invalidMetaArgument, "`\\timeout` needs a number of seconds or `off`, not `\(word.text)`", at: word.span,
                                 hints: ["write `\\timeout 30`, or `\\timeout off`"])
            }
            return .timeout(seconds: seconds)
        case "null":
            guard !args.isEmpty else { return .null(text: nil) }
            let valueText = String(decoding: bytes[restStart...], as: UTF8.self)
            return .null(text: value(of: valueText, words: args))
        case "timing":
            return .timing(try toggle(try atMostOne(), command: name))
        case "x":
            if let word = args.first, args.count == 1, word.text.lowercased() == "auto" { return .expandedAuto }
            return .expanded(try toggle(try atMostOne(), command: name))
        case "show":
            let word = try required("a row number", placeholder: "1")
            guard let n = Int(word.text), n >= 1 else {
                throw Diagnostic(.invalidMetaArgument, "`\\show` needs a row number from 1, not `\(word.text)`", at: word.span,
                                 hints: ["`\\show 1` shows the first row of the last result"])
            }
            return .show(row: n)
        case "chart":
            guard !args.isEmpty else {
                throw Diagnostic(.missingMetaArgument, "`\\chart` needs a kind", at: Span.at(nameSpan.end),
                                 hints: ["write `\\chart bar`, `\\chart line x: month y: revenue`, `\\chart area` or `\\chart hist`"])
            }
            return .chart(String(decoding: bytes[restStart...], as: UTF8.self).trimmingBlanks())
        case "format":
            guard let word = try atMostOne() else { return .format(nil) }
            return .format(try outputFormat(word))
        case "set":
            guard let first = args.first else { return .listParams }
            let paramName = first.text.hasPrefix("$") ? String(first.text.dropFirst()) : first.text
            guard isIdentifier(paramName) else {
                throw Diagnostic(.invalidMetaArgument, "`\(first.text)` is not a parameter name", at: first.span,
                                 hints: ["a name is letters, digits and `_`, not starting with a digit: `\\set since 2025-01-01`"])
            }
            guard args.count > 1 else {
                throw Diagnostic(.missingMetaArgument, "`\\set \(paramName)` needs a value", at: Span.at(first.span.end),
                                 hints: ["write `\\set \(paramName) VALUE`, or `\\unset \(paramName)` to remove it"])
            }
            let valueText = String(decoding: bytes[first.span.end...], as: UTF8.self)
            return .set(name: paramName, value: value(of: valueText, words: Array(args.dropFirst())))
        case "unset":
            let word = try required("a parameter name", placeholder: "NAME")
            let paramName = word.text.hasPrefix("$") ? String(word.text.dropFirst()) : word.text
            guard isIdentifier(paramName) else {
                throw Diagnostic(.invalidMetaArgument, "`\(word.text)` is not a parameter name", at: word.span)
            }
            return .unset(name: paramName)
        case "params":
            return try noArguments(.listParams)
        case "i", "include":
            return .include(path: try required("a file", placeholder: "FILE").text)
        case "conninfo":
            return try noArguments(.connectionInfo)
        case "help", "?", "h":
            guard !args.isEmpty else { return .help(topic: nil) }
            return .help(topic: args.map(\.text).joined(separator: " "))
        case "q", "quit":
            return try noArguments(.quit)
        default:
            var hints = Suggestions.closest(to: name, among: MetaCommandInfo.allSpellings, limit: 2)
                .map { "did you mean `\\\($0)`?" }
            hints.append("`\\help` lists the commands")
            let shown = name.isEmpty ? "\\" : "\\\(name)"
            throw Diagnostic(.unknownMetaCommand, "unknown command `\(shown)`", at: nameSpan, hints: hints)
        }
    }

    private static func outputFormat(_ word: Word) throws(Diagnostic) -> OutputFormat {
        guard let format = OutputFormat(rawValue: word.text.lowercased()) else {
            let names = OutputFormat.allCases.map(\.rawValue)
            var hints = Suggestions.closest(to: word.text, among: names, limit: 1).map { "did you mean `\($0)`?" }
            hints.append("formats: " + names.joined(separator: ", "))
            throw Diagnostic(.invalidMetaArgument, "unknown output format `\(word.text)`", at: word.span, hints: hints)
        }
        return format
    }

    private static func toggle(_ word: Word?, command: String) throws(Diagnostic) -> Bool? {
        guard let word else { return nil }
        switch word.text.lowercased() {
        case "on", "true", "yes", "1": return true
        case "off", "false", "no", "0": return false
        default:
            throw Diagnostic(.invalidMetaArgument, "`\\\(command)` expects `on` or `off`, not `\(word.text)`",
                             at: word.span, hints: ["write `\\\(command) on`, `\\\(command) off`, or `\\\(command)` alone to switch"])
        }
    }

    /// `\set` takes the rest of the line as the value; one quoted word loses its quotes.
    private static func value(of text: String, words: [Word]) -> String {
        let trimmed = text.trimmingBlanks()
        if words.count == 1, let q = trimmed.first, q == "'" || q == "\"" { return words[0].text }
        return trimmed
    }

    /// Blank-separated words; `'…'` or `"…"` quote a word with blanks (`\\` and the quote
    /// itself escaped by a backslash).
    static func words(_ bytes: [UInt8], from start: Int) throws(Diagnostic) -> [Word] {
        var result: [Word] = []
        var i = start
        while true {
            while i < bytes.count, isBlank(bytes[i]) { i += 1 }
            guard i < bytes.count else { return result }
            let wordStart = i
            var text: [UInt8] = []
            if bytes[i] == UInt8(ascii: "'") || bytes[i] == UInt8(ascii: "\"") {
                let quote = bytes[i]
                i += 1
                var closed = false
                while i < bytes.count {
                    if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count,
                       bytes[i + 1] == quote || bytes[i + 1] == UInt8(ascii: "\\") {
                        text.append(bytes[i + 1])
                        i += 2
                    } else if bytes[i] == quote {
                        i += 1
                        closed = true
                        break
                    } else {
                        text.append(bytes[i])
                        i += 1
                    }
                }
                guard closed else {
                    throw Diagnostic(.unterminatedMetaQuote, "this quoted argument is not closed",
                                     at: Span(wordStart, bytes.count),
                                     hints: ["end it with \(quote == UInt8(ascii: "'") ? "'" : "\"")"])
                }
            } else {
                while i < bytes.count, !isBlank(bytes[i]) { text.append(bytes[i]); i += 1 }
            }
            result.append(Word(text: String(decoding: text, as: UTF8.self), span: Span(wordStart, i)))
        }
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) || ("A"..."Z").contains(first) else {
            return false
        }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}

extension String {
    func trimmingBlanks() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
