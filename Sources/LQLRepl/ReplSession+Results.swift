import CLibEdit
#if canImport(Glibc)
import Glibc
#endif
import LQL
import LQLOutput

/// The prompt's view of results: tables fitted to the terminal, `\x auto`, and the last
/// result kept for `\show N` and `\chart`.
extension ReplSession {
    /// The terminal's width when results go to a person's terminal; nil for scripts, pipes
    /// and tests' sinks (then nothing is cut). LQL_COLUMNS overrides it (tests, odd terminals).
    var terminalWidth: Int? {
        if let forced = environment["LQL_COLUMNS"].flatMap({ Int($0) }), forced > 0 { return forced }
        guard interactive, isStandardOutput, isatty(1) == 1 else { return nil }
        let columns = Int(lql_terminal_columns(1))
        return columns > 0 ? columns : 80
    }

    func outputOptions(chart: ChartSpec?) -> OutputOptions {
        OutputOptions(terminalWidth: terminalWidth, expandedAuto: expandedAuto, chart: chart)
    }

    /// `\show N`: the Nth row of the last result as a tree.
    func showRow(_ n: Int) -> Int32? {
        guard let result = lastResult, !result.columns.isEmpty else {
            report("no result to show yet: run a query first")
            return 1
        }
        guard n <= result.rows.count else {
            let kept = result.rowCount > result.rows.count ? " (the first \(result.rows.count) are kept)" : ""
            report("the last result has \(result.rowCount == 1 ? "1 row" : "\(result.rowCount) rows")\(kept); `\\show \(min(n, max(1, result.rows.count)))` is the last one")
            return 1
        }
        say("-[ ROW \(n) of \(result.rowCount) ]-")
        say(NestedText.record(columns: result.columns, row: result.rows[n - 1]).joined(separator: "\n") + "\n")
        return nil
    }

    /// `\chart KIND …`: parses the chart as a stage would be and draws the last result.
    func chartLast(_ text: String) -> Int32? {
        guard let result = lastResult, !result.columns.isEmpty else {
            report("no result to chart yet: run a query first")
            return 1
        }
        let prefix = "Result | chart "
        let source = SourceFile(name: "\\chart", text: prefix + text)
        let parsed = LQLCompiler.parse(source)
        guard !parsed.hasErrors, case .query(let query)? = parsed.program.statements.first?.kind, let spec = query.chart else {
            report(DiagnosticRenderer(useColor: useColor).render(parsed.diagnostics, in: source))
            return 1
        }
        switch result.resolve(spec) {
        case .failure(let error):
            report(error.message)
            return 1
        case .success(let resolved):
            guard let data = ChartData(spec: resolved, columns: result.columns, rows: result.rows) else { return 1 }
            say(TerminalChart.render(data, width: terminalWidth ?? 80))
            return nil
        }
    }
}
