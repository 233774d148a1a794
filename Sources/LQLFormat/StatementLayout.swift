import LQLSyntax

/// Lays out one statement as lines. The rules, all in terms of tokens:
/// - every `|` outside brackets starts a line at column 0, so a pipeline's `|` are aligned;
/// - a clause keyword inside a stage (`aggregate` after `group by …`) starts a line at column 2;
/// - a line longer than `width` breaks after a `,` or before an `and`/`or` outside brackets,
///   filling each line; continuation lines line up after the stage's keyword (`| select `);
/// - other line breaks are the layout's, not the author's: the same tree always gives the same text;
/// - a comment on its own line stays on its own line before the same token; a trailing comment
///   stays at the end of the line of the token it followed.
struct StatementLayout {
    let width: Int
    /// Words that open a second clause inside a stage and go on their own line.
    static let clauseKeywords: Set<String> = ["aggregate"]

    private var lines: [String] = []

    init(width: Int) { self.width = width }

    /// A clause: a run of tokens printed from `base` column, continued at `continuation`.
    private struct Clause {
        var tokens: ArraySlice<LayoutToken>
        var base: Int
        var continuation: Int
    }

    static func lines(of statement: LayoutStatement, width: Int, isFirstStatement: Bool) -> [String] {
        var layout = StatementLayout(width: width)
        let tokens = normalizedTrailingCommas(statement.tokens)
        let clauses = clauses(of: tokens)
        for (index, clause) in clauses.enumerated() {
            layout.render(clause, previousStatementGap: index == 0 && !isFirstStatement)
        }
        return layout.lines
    }

    // MARK: - Clauses

    private static func clauses(of tokens: [LayoutToken]) -> [Clause] {
        var starts: [Int] = [0]
        var stageStart = 0
        for i in tokens.indices.dropFirst() where tokens[i].depth == 0 {
            if tokens[i].kind == .pipe {
                starts.append(i)
                stageStart = i
            } else if let k = tokens[i].token.keyword, clauseKeywords.contains(k.rawValue), i > stageStart + 1,
                      tokens[stageStart].kind == .pipe {
                starts.append(i)
            }
        }
        var clauses: [Clause] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : tokens.count
            let slice = tokens[start..<end]
            let first = slice[start]
            if first.kind == .pipe {
                // `| select ` → continue under the first item; `| group by ` under the first key.
                var column = 2
                if start + 1 < end {
                    column += tokens[start + 1].text.count + 1
                    if start + 2 < end, tokens[start + 2].token.isKeyword(.by) { column += 3 }
                }
                clauses.append(Clause(tokens: slice, base: 0, continuation: column))
            } else if n > 0 {
                clauses.append(Clause(tokens: slice, base: 2, continuation: 2 + first.text.count + 1))
            } else {
                clauses.append(Clause(tokens: slice, base: 0, continuation: 4))
            }
        }
        return clauses
    }

    /// Drops a `,` right before a closing bracket (`[A, B,]` → `[A, B]`); its comments move to
    /// the neighbouring tokens so none is lost.
    private static func normalizedTrailingCommas(_ tokens: [LayoutToken]) -> [LayoutToken] {
        var out: [LayoutToken] = []
        out.reserveCapacity(tokens.count)
        var carried: [LeadingComment] = []
        for (i, t) in tokens.enumerated() {
            if t.kind == .comma, i + 1 < tokens.count, tokens[i + 1].kind.isClosingBracket, !out.isEmpty {
                carried += t.comments
                if let trailing = t.trailingComment {
                    if out[out.count - 1].trailingComment == nil {
                        out[out.count - 1].trailingComment = trailing
                    } else {
                        carried.append(LeadingComment(text: trailing, blankLineBefore: false))
                    }
                }
                continue
            }
            var t = t
            if !carried.isEmpty {
                t.comments = carried + t.comments
                t.newlineBefore = true
                carried = []
            }
            out.append(t)
        }
        return out
    }

    // MARK: - Lines

    private func isBreakOpportunity(_ tokens: ArraySlice<LayoutToken>, at i: Int) -> Bool {
        guard i > tokens.startIndex + 1 || (i > tokens.startIndex && tokens[tokens.startIndex].kind != .pipe) else {
            return false
        }
        let t = tokens[i], prev = tokens[i - 1]
        if prev.kind == .comma && prev.depth == 0 { return true }
        if t.depth == 0, t.token.isKeyword(.and) || t.token.isKeyword(.or) { return true }
        return false
    }

    /// Width of the tokens from `i` up to the next break opportunity (or a forced break).
    private func chunkWidth(_ tokens: ArraySlice<LayoutToken>, from i: Int) -> Int {
        var w = 0
        var j = i
        while j < tokens.endIndex {
            if j > i {
                if isBreakOpportunity(tokens, at: j) || !tokens[j].comments.isEmpty { break }
                if space(tokens, before: j) { w += 1 }
            }
            w += tokens[j].text.count
            if tokens[j].trailingComment != nil { break }
            j += 1
        }
        return w
    }

    private func space(_ tokens: ArraySlice<LayoutToken>, before j: Int) -> Bool {
        Spacing.space(between: tokens[j - 1].token, and: tokens[j].token,
                      before: j - 2 >= tokens.startIndex ? tokens[j - 2].token : nil)
    }

    private mutating func render(_ clause: Clause, previousStatementGap: Bool) {
        let tokens = clause.tokens
        let continuation = String(repeating: " ", count: clause.continuation)
        var line = String(repeating: " ", count: clause.base)
        var atLineStart = true
        var forceBreak = false
        for i in tokens.indices {
            let t = tokens[i]
            let isFirst = i == tokens.startIndex
            if !t.comments.isEmpty {
                if !atLineStart { lines.append(line) }
                let indent = isFirst ? String(repeating: " ", count: clause.base) : continuation
                for c in t.comments {
                    if c.blankLineBefore, previousStatementGap || !lines.isEmpty { lines.append("") }
                    lines.append(indent + c.text)
                }
                if isFirst, t.blankLineBefore, previousStatementGap || !lines.isEmpty { lines.append("") }
                line = indent
                atLineStart = true
            } else if isFirst {
                if t.blankLineBefore, previousStatementGap { lines.append("") }
            } else if forceBreak {
                lines.append(line)
                line = continuation
                atLineStart = true
            } else if isBreakOpportunity(tokens, at: i), !atLineStart {
                let extra = (space(tokens, before: i) ? 1 : 0) + chunkWidth(tokens, from: i)
                if line.count + extra > width {
                    lines.append(line)
                    line = continuation
                    atLineStart = true
                }
            }
            forceBreak = false
            if !atLineStart, !isFirst, space(tokens, before: i) { line += " " }
            line += t.text
            atLineStart = false
            if let comment = t.trailingComment {
                line += " " + comment
                forceBreak = true
            }
        }
        if !atLineStart || line.contains(where: { $0 != " " }) { lines.append(line) }
    }
}
