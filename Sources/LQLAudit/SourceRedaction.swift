import LQLDiagnostics
import LQLSyntax

/// The source as the audit log keeps it: LQL's own lexer finds the literals, so a `--` inside a
/// string is not taken for a comment and a quote inside a comment does not start a string.
/// Strings, numbers, dates and timestamps (and so the number of a duration: `? days`) become `?`;
/// a comment keeps only its `--` (a commented-out filter holds values too); characters that are
/// not LQL become `?`. Names, operators, keywords, `$parameters` and line breaks stay, so the
/// record still shows what was asked.
public enum SourceRedaction {
    public static let placeholder = "?"

    public static func redacted(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let (tokens, _) = Lexer.tokenize(SourceFile(name: "<audit>", text: text))
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var at = 0
        func gap(to end: Int) {
            // Between tokens the lexer skips only blanks; anything else there is not kept.
            var replaced = false
            for byte in bytes[at..<max(at, min(end, bytes.count))] {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
                    out.append(byte)
                    replaced = false
                } else if !replaced {
                    out.append(contentsOf: placeholder.utf8)
                    replaced = true
                }
            }
        }
        for token in tokens where token.kind != .endOfFile {
            let start = min(max(token.span.start, at), bytes.count), end = min(max(token.span.end, start), bytes.count)
            gap(to: start)
            switch token.kind {
            case .string, .integer, .decimal, .date, .timestamp, .invalid:
                out.append(contentsOf: placeholder.utf8)
            case .comment:
                out.append(contentsOf: "--".utf8)
            default:
                out.append(contentsOf: bytes[start..<end])
            }
            at = end
        }
        gap(to: bytes.count)
        return String(decoding: out, as: UTF8.self)
    }
}
