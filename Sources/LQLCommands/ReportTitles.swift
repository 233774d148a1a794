import LQL

/// Titles for the HTML report, from the script's comments: the report's is its first comment
/// line; a statement's is the comment right above it (blank lines between allowed), else its
/// first line.
enum ReportTitles {
    static func report(_ source: SourceFile) -> String {
        for line in source.text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimmingBlanks()
            if trimmed.hasPrefix("--") { return String(trimmed.dropFirst(2)).trimmingBlanks() }
            if !trimmed.isEmpty { break }
        }
        return source.name == "-" || source.name.isEmpty ? "lql report" : source.name
    }

    static func statement(_ statement: CompiledStatement, in source: SourceFile) -> String {
        let before = source.text.utf8.prefix(statement.span.start)
        let lines = String(decoding: before, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var comment: [String] = []
        for line in lines.reversed() {
            let trimmed = line.trimmingBlanks()
            if trimmed.isEmpty { if comment.isEmpty { continue } else { break } }
            guard trimmed.hasPrefix("--") else { break }
            comment.insert(String(trimmed.dropFirst(2)).trimmingBlanks(), at: 0)
        }
        // A comment block that starts the file is the report's own description, not this query's.
        if let first = comment.first, first == report(source), lines.prefix(while: { $0.trimmingBlanks().isEmpty || $0.trimmingBlanks().hasPrefix("--") }).count == lines.count {
            return statement.title
        }
        return comment.first ?? statement.title
    }

    /// Every parameter with the value the run used: the one given, else the default's text.
    static func parameters(_ program: CompiledProgram, values: [String: String]) -> [(name: String, value: String)] {
        program.parameters.map { p in (p.name, values[p.name] ?? p.defaultText.map { "\($0) (default)" } ?? "") }
    }

    /// Each parameter once, as the first report declares it (reports run together share values).
    static func unique(_ parameters: [(name: String, value: String)]) -> [(name: String, value: String)] {
        var seen = Set<String>()
        return parameters.filter { seen.insert($0.name).inserted }
    }
}
