import LQLDiagnostics

extension DiagnosticCode {
    public static let invalidChart = DiagnosticCode("E0160", "invalid chart stage")
}

extension Parser {
    /// `chart` is a contextual word (not reserved): a stage only right after `|`.
    var atChartStage: Bool { current.isIdentifier("chart") }

    /// chart_stage = "chart" ( "bar" | "line" | "area" | "hist" ) { chart_option } ;
    /// chart_option = "x" ":" name | "y" ":" name { "," name } | "series" ":" name ;
    mutating func chartStage() throws -> ChartSpec {
        let start = advance().span.start
        let kinds = ChartSpec.Kind.allCases.map(\.rawValue)
        guard check(.identifier), let kind = ChartSpec.Kind(rawValue: current.text) else {
            let word = check(.identifier) ? current.text : ""
            let close = Suggestions.closest(to: word, among: kinds, limit: 1)
            throw fail(expected: "a chart kind (\(kinds.joined(separator: ", ")))", code: .invalidChart,
                       hints: close.isEmpty ? ["for example `| chart bar`"] : ["did you mean `\(close[0])`?"])
        }
        advance()
        var spec = ChartSpec(kind: kind, span: Span(start, start))
        while !atStageEnd {
            guard check(.identifier), ["x", "y", "series"].contains(current.text), peek().kind == .colon else {
                throw fail(expected: "`x:`, `y:` or `series:`", code: .invalidChart,
                           hints: ["for example `| chart line x: month y: revenue`"])
            }
            let option = advance().text
            advance()
            switch option {
            case "x": spec.x = try chartColumn()
            case "series": spec.series = try chartColumn()
            default:
                spec.y.append(try chartColumn())
                while match(.comma) != nil { spec.y.append(try chartColumn()) }
            }
        }
        spec.span = span(from: start)
        return spec
    }

    /// A result column's name; an output name may be a word such as `count`.
    private mutating func chartColumn() throws -> Identifier {
        if check(.identifier) || current.keyword != nil {
            let token = advance()
            return Identifier(token.text, span: token.span)
        }
        throw fail(expected: "a column of the result", code: .invalidChart)
    }
}
