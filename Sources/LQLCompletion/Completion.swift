/// What a completion candidate is, for listing and for what follows it.
public enum CompletionKind: Sendable, Hashable {
    case model, binding, keyword, stage, field, relation, enumValue, function, parameter
    case metaCommand, metaArgument, file, directory
}

public struct CompletionCandidate: Sendable, Hashable, CustomStringConvertible {
    /// Replaces the word being completed.
    public var text: String
    public var kind: CompletionKind
    /// Typed after a lone match: a space after a finished word, `(` after a function,
    /// nothing after a relation (a `.` or `{` comes next) or a directory.
    public var terminator: String

    public init(_ text: String, _ kind: CompletionKind, terminator: String = " ") {
        self.text = text
        self.kind = kind
        self.terminator = terminator
    }

    public var description: String { text }
}

/// The answer to one Tab: the word before the cursor (always within the current line) and
/// what may replace it, best first.
public struct Completion: Sendable, Hashable {
    public var word: String
    public var candidates: [CompletionCandidate]

    public init(word: String, candidates: [CompletionCandidate]) {
        self.word = word
        self.candidates = candidates
    }

    public static func none(_ word: String = "") -> Completion { Completion(word: word, candidates: []) }

    public var texts: [String] { candidates.map(\.text) }

    /// The longest prefix all candidates share (case-sensitive), for inserting on Tab when
    /// it extends the word.
    public var commonPrefix: String {
        guard var prefix = candidates.first.map({ Array($0.text) }) else { return "" }
        for candidate in candidates.dropFirst() {
            let chars = Array(candidate.text)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
            prefix.removeLast(prefix.count - n)
        }
        return String(prefix)
    }

    /// The text that replaces `word` on Tab, or nil when nothing would change: a lone match
    /// completes (with its terminator); several insert their common prefix.
    public var replacement: String? {
        if candidates.count == 1 { return candidates[0].text + candidates[0].terminator }
        let common = commonPrefix
        guard common.count > word.count || (common.count == word.count && common != word && !common.isEmpty) else {
            return nil
        }
        return common
    }
}
