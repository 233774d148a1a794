import Foundation
import LQL
import LQLOutput
import LQLPostgres
import LQLTenancy

extension ReplSession {
    /// Compiles `text` after the session's definitions and runs its output queries.
    /// nil on success, 1 for a compile error, 3 for a server error.
    func runStatement(_ text: String, origin: EntryOrigin = .prompt) -> Int32? {
        // psql's words: `help`, `quit` and `exit` alone on the line, unless they name a query.
        if interactive, let word = Self.promptWord(text), catalog.model(named: word) == nil,
           definitions.letModels[word] == nil {
            if word.lowercased() == "help" { page(help(nil)); return nil }
            return Self.quitStatus
        }
        let hasOutputs = Self.hasQueries(text)
        if hasOutputs, tenant == nil, tenantName.isEmpty {
            report("no tenant chosen: pick one with \\tenant SLUG (\\tenants lists them), then run the query again")
            return 1
        }
        var result = compile(text, requireValues: hasOutputs)
        // A query using a parameter without a value asks for it at the prompt, each value
        // checked as it is typed, then compiles again. A value is kept only once it is valid.
        if interactive, result.compiled.hasErrors, let missing = missingParameters(result.compiled, prelude: result.preludeBytes) {
            var asked: [String] = []
            for (name, type) in missing {
                guard let value = askValid(name: name, type: type, text: text, requireValues: hasOutputs) else {
                    for n in asked { values.removeValue(forKey: n) }
                    return nil
                }
                values[name] = value
                asked.append(name)
            }
            result = compile(text, requireValues: hasOutputs)
        }
        let compiled = result.compiled
        let warnings = compiled.diagnostics.filter { !$0.isError }
        if compiled.hasErrors || !warnings.isEmpty {
            report(render(compiled.diagnostics, preludeBytes: result.preludeBytes, entry: text, origin: origin))
        }
        if compiled.hasErrors, interactive, EntryReader.startsWithPipe(text) {
            // The last query ran at its Enter; this `|` line came after it.
            report("note: a `|` line continues a query only while it waits (after a line that is\n"
                   + "only a model or `let` name); press Up to recall the last query and add the stage")
        }
        guard let program = compiled.program, !compiled.hasErrors else { return 1 }
        for name in definitions.keep(from: text, catalog: catalog) {
            say("note: `\(name)` used a definition that changed and was dropped")
        }
        guard !program.statements.isEmpty else { return nil }
        lastQueryText = text
        return execute(program.statements)
    }

    /// `help`, `quit` or `exit` alone (a `;` allowed), any case; nil for anything else.
    static func promptWord(_ text: String) -> String? {
        var word = text.trimmingBlanks()
        if word.hasSuffix(";") { word.removeLast() }
        return ["help", "quit", "exit"].contains(word.lowercased()) ? word : nil
    }

    /// Compiles and runs `text` again (for `\g`, `\watch`) without asking for anything.
    func compiledAgain(_ text: String) -> [CompiledStatement]? {
        let result = compile(text, requireValues: true)
        if result.compiled.hasErrors {
            report(render(result.compiled.diagnostics, preludeBytes: result.preludeBytes, entry: text))
            return nil
        }
        return result.compiled.program?.statements
    }

    /// Asks for `$name` until the value parses as its type (the same parser and messages as
    /// `--param`); nil when the user gives up (Ctrl-C, Ctrl-D).
    func askValid(name: String, type: String?, text: String, requireValues: Bool) -> String? {
        while true {
            guard let value = ask(name: name, type: type) else { return nil }
            let previous = values[name]
            values[name] = value
            let check = compile(text, requireValues: requireValues)
            if let previous { values[name] = previous } else { values.removeValue(forKey: name) }
            let bad = check.compiled.diagnostics.filter { $0.code == .invalidParameterValue && $0.message.hasPrefix("`\(name)=") }
            guard let problem = bad.first else { return value }
            report("error: " + problem.message + problem.hints.map { "\n  = help: " + $0 }.joined())
        }
    }

    struct SessionCompile {
        var compiled: CompileResult
        var preludeBytes: Int
    }

    func compile(_ text: String, requireValues: Bool) -> SessionCompile {
        let prelude = definitions.prelude(replacedBy: text)
        let source = SourceFile(name: "<input>", text: prelude + text)
        let compiled = LQLCompiler.compile(source: source, catalog: catalog, parameters: values,
                                           requireParameterValues: requireValues)
        return SessionCompile(compiled: compiled, preludeBytes: prelude.utf8.count)
    }

    static func hasQueries(_ text: String) -> Bool {
        let parsed = LQLCompiler.parse(SourceFile(name: "<input>", text: text))
        return parsed.program.statements.contains { if case .query = $0.kind { true } else { false } }
    }

    /// When every error is a parameter without a value, the parameters (name, type) to ask for.
    func missingParameters(_ result: CompileResult, prelude: Int) -> [(String, String?)]? {
        var missing: [(String, String?)] = []
        for d in result.diagnostics where d.isError {
            guard d.code == .missingParameter || d.code == .unknownParameter,
                  let name = Self.parameterName(in: d.message) else { return nil }
            if d.code == .unknownParameter && d.span.start < prelude { return nil }
            if missing.contains(where: { $0.0 == name }) { continue }
            missing.append((name, result.parameters.first { $0.name == name }?.typeDescription))
        }
        return missing.isEmpty ? nil : missing
    }

    /// The name in "… `$since` …".
    static func parameterName(in message: String) -> String? {
        guard let start = message.range(of: "`$") else { return nil }
        let rest = message[start.upperBound...]
        guard let end = rest.firstIndex(of: "`") else { return nil }
        let name = String(rest[..<end])
        return name.isEmpty ? nil : name
    }

    /// Reads one line answering "value for $name (Type): ". nil when the user gave up
    /// (Ctrl-C, Ctrl-D).
    func ask(name: String, type: String?) -> String? {
        guard let source = lineSource else { return nil }
        let question = "value for $\(name)" + (type.map { " (\($0))" } ?? "") + ": "
        let answer: LineInput
        if let reader = source as? LineReader {
            answer = reader.ask(question)
        } else {
            try? output.write(question)
            try? output.flush()
            answer = source.readLine(.continuation)
        }
        guard case .line(let value) = answer else { return nil }
        return value.trimmingCharacters(in: .whitespaces)
    }

    // MARK: Running

    /// Where one run's rows go.
    enum Destination {
        /// The terminal (through the pager), or the `\o` file when one is open.
        case session
        /// The terminal without a pager (`\watch`).
        case unpaged
        /// A `\g FILE`, in this format.
        case file(AtomicFileSink, OutputFormat)
    }

    /// Runs the statements in ONE tenant transaction, each streamed to a new writer.
    func execute(_ statements: [CompiledStatement], to destination: Destination = .session) -> Int32? {
        guard tenant != nil || !tenantName.isEmpty else {
            report("no tenant chosen: pick one with \\tenant SLUG (\\tenants lists them)")
            return 1
        }
        guard ensureConnected() else { return 3 }
        lastStatement = statements.last?.sql
        _ = Interrupts.take()  // a Ctrl-C from before the query must not cancel it
        let started = ContinuousClock.now
        var pagerTime: Duration = .zero
        var attempt = 0
        var runFormat = effectiveFormat
        var target: OutputSink = redirect?.sink ?? output
        if case .file(let file, let fileFormat) = destination {
            target = file
            runFormat = fileFormat
        }
        let toTerminal = redirect == nil && { if case .file = destination { false } else { true } }()
        while true {
            attempt += 1
            guard let tenant else { return 3 }
            var wroteOutput = false
            // Only a person at a terminal gets a pager; tests and scripts pass their own sinks.
            let pages = toTerminal && { if case .session = destination { true } else { false } }()
            let pager = pages && interactive && isStandardOutput ? PagerSink.forTerminal(output, environment: environment) : nil
            // A status line on stderr while the query runs, cleared before the result prints.
            let progress = toTerminal && interactive && isStandardOutput && ProgressReporter.isWanted(environment: environment)
                ? ProgressReporter(mode: .query) : nil
            progress?.start()
            defer { progress?.finish() }
            let sink: OutputSink = progress.map { $0.clearing(pager ?? target) } ?? (pager ?? target)
            defer {
                pager?.finish()
                pagerTime += pager?.pagerTime ?? .zero
            }
            do {
                try scope.withTenant(tenant, on: connection, source: auditSource(lastQueryText)) { tx in
                    for (i, statement) in statements.enumerated() {
                        wroteOutput = true
                        if statements.count > 1 {
                            if i > 0 { try sink.write("\n") }
                            if [.table, .expanded, .markdown].contains(runFormat) { try sink.write("-- \(VisibleText.visible(statement.title))\n") }
                        }
                        lastStatement = statement.sql
                        let recorded = RecordedResult()
                        lastResult = recorded
                        var writer = resultWriter(runFormat, to: sink, terminalWidth: toTerminal, chart: statement.chart, recording: recorded)
                        if let progress { writer = progress.counting(writer) }
                        try tx.export(statement.sql, to: WriterRows(writer))
                    }
                }
                break
            } catch let error as PostgresError {
                progress?.pause()
                // A connection that died while idle (server restart, terminated backend) fails at
                // BEGIN, before anything was printed: reconnect and run the read-only query again.
                if attempt == 1, !wroteOutput, isLost(error) {
                    report("connection to the server was lost: \(error.message)")
                    connectionLost = true
                    guard ensureConnected() else { return 3 }
                    continue
                }
                flushAll()
                return serverFailure(error)
            } catch {
                progress?.pause()
                report("error: \(error)")
                return 3
            }
        }
        // The server and lql, not the time the user spent reading in the pager.
        if timing { say("Time: \(Self.milliseconds(ContinuousClock.now - started - pagerTime)) ms") }
        return nil
    }

    /// The writer for one result: the format's writer behind the prompt's value handling
    /// (booleans as true/false, late wide values cut, `\x auto`).
    /// At a person's terminal (`fittedWidth`) the table writer itself fits the table, cuts late
    /// wide values and decides `\x auto` (a table that would lose columns), and draws the chart.
    func resultWriter(_ format: OutputFormat, to sink: OutputSink, terminalWidth: Bool, chart: ChartSpec? = nil,
                      recording: RecordedResult? = nil) -> ResultWriter {
        var options = OutputOptions(nullDisplay: nullDisplay)
        let fittedWidth = terminalWidth ? self.terminalWidth : nil
        if let fittedWidth {
            options.terminalWidth = fittedWidth
            options.expandedAuto = expandedAuto
            options.chart = chart
        }
        let autoWidth = expandedAuto && terminalWidth && fittedWidth == nil ? Self.terminalColumns() : nil
        return PromptResultWriter(format: format, autoExpandWidth: autoWidth, cutsLateValues: fittedWidth == nil) {
            let writer = makeWriter($0, to: sink, options: options)
            return recording?.recording(writer) ?? writer
        }
    }

    /// The terminal's width (80 when it cannot be told).
    static func terminalColumns() -> Int {
        var size = winsize()
        guard isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    func isLost(_ error: PostgresError) -> Bool {
        error.kind == .connectionLost || error.kind == .connection || !connection.isConnected
            || error.sqlState == "57P01" || error.sqlState == "57P02" || error.sqlState == "57P03"
    }

    var effectiveFormat: OutputFormat {
        expanded && format == .table ? .expanded : format
    }

    /// Reports a failed query; a cancel returns to the prompt, a lost connection is noted for
    /// the next query.
    func serverFailure(_ error: PostgresError) -> Int32 {
        _ = Interrupts.take()
        // A statement timeout is also 57014; only a cancel the user asked for is "cancelled".
        if error.isQueryCanceled && !error.message.contains("statement timeout") {
            report("cancelled")
            return 3
        }
        if isLost(error) {
            connectionLost = true
            report("connection to the server was lost: \(error.message)\n"
                   + "it is re-established at the next query")
            return 3
        }
        report(connection.verboseErrors ? error.fullDescription : "\(error)")
        return 3
    }

    /// Reconnects after a lost connection and resolves the tenant again (its id may differ
    /// after a restore). False, with the reason reported, when the server is still away.
    func ensureConnected() -> Bool {
        guard connectionLost || !connection.isConnected else { return true }
        do {
            try connection.reset()
            if !tenantName.isEmpty { tenant = try scope.resolve(tenantName, on: connection) }
            connectionLost = false
            say("reconnected to \(connection.database) as \(connection.user), tenant \(tenant?.slug ?? Self.noTenantLabel)")
            return true
        } catch {
            connectionLost = true
            report("cannot reconnect: \(error)")
            return false
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> String {
        milliseconds(ContinuousClock.now - start)
    }

    static func milliseconds(_ elapsed: Duration) -> String {
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return String(format: "%.3f", ms)
    }

    // MARK: Diagnostics

    /// Renders against the entry alone (line numbers as the user typed them): spans are moved
    /// back by the prelude's length; a note pointing into the prelude keeps only its message.
    func render(_ diagnostics: [Diagnostic], preludeBytes: Int, entry: String, origin: EntryOrigin = .prompt) -> String {
        let source = origin.source(entry)
        func shift(_ span: Span) -> Span? {
            span.start >= preludeBytes ? Span(span.start - preludeBytes, span.end - preludeBytes) : nil
        }
        let shifted = diagnostics.map { d in
            Diagnostic(d.code, d.message, at: shift(d.span) ?? .at(0), severity: d.severity, hints: d.hints,
                       notes: d.notes.map { DiagnosticNote($0.message, span: $0.span.flatMap(shift)) },
                       fixIts: d.fixIts.compactMap { f in shift(f.span).map { FixIt(span: $0, replacement: f.replacement) } })
        }
        return DiagnosticRenderer(useColor: useColor).render(shifted, in: source)
    }
}
