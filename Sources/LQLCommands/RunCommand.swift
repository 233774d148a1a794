import ArgumentParser
import LQL
import LQLOutput
import LQLPostgres
import LQLRepl
import LQLTenancy
import LQLSystem

/// `lql run FILE.lql… [--param k=v]… [-e 'query']`: saved reports, in order, in one tenant
/// transaction. Every file is compiled before anything runs, so a broken second report does not
/// leave the first one's output behind.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a saved report (or -e 'query') in the tenant's scope and print the results.")
    @OptionGroup var schema: SchemaOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputArguments
    @Option(name: .short, help: "A query given on the command line.") var e: String?
    @Option(name: .long, help: "A parameter value, name=value, parsed by its declared type (repeatable).")
    var param: [String] = []
    @Argument(help: "LQL files, run in order (- for stdin).") var files: [String] = []

    func run() throws {
        let frontEnd = try CompilerFrontEnd(schema: schema)
        let parameters = try ParameterArguments.parse(param)
        let sources = files.count > 1 ? try files.map { try SourceArgument.read(file: $0, expression: e) }
            : [try SourceArgument.read(file: files.first, expression: e)]
        if let path = output.output {
            try OutputCollision.refuse(output: path, inputs: files, schemaPath: frontEnd.schemaPath)
        }
        let programs = try sources.map { (try frontEnd.compile($0, parameters: parameters), $0) }
        let name = e != nil ? "lql run -e" : "lql run " + files.map { String($0.split(separator: "/").last ?? Substring($0)) }.joined(separator: " ")
        try ReportRunner(frontEnd: frontEnd, connection: connection, output: output, applicationName: name,
                         origin: e != nil ? "expression" : "run").run(programs, values: parameters)
    }
}

/// Runs a compiled program: connect, resolve the tenant, one read-only transaction, every
/// output statement streamed to the writer in order, the output file renamed into place only
/// when everything succeeded.
struct ReportRunner {
    let frontEnd: CompilerFrontEnd
    let connection: ConnectionOptions
    let output: OutputArguments
    /// What `pg_stat_activity` shows for this run (`lql run report.lql`).
    var applicationName = "lql run"
    /// The audit record's origin (`ScopeSource.origins`): `run`, or `expression` for `-e`.
    var origin = "run"

    /// The path every way of running saved LQL shares: `lql run`, `lql -e`, the demo's reports.
    func compileAndRun(_ source: SourceFile, parameters: [String: String]) throws {
        try run([(try frontEnd.compile(source, parameters: parameters), source)], values: parameters)
    }

    /// `values`: the parameters given (`--param`), for the HTML report's header.
    func run(_ programs: [(CompiledProgram, SourceFile)], values: [String: String] = [:]) throws {
        let statements = programs.flatMap { $0.0.statements }
        let context = try DatabaseContext(options: connection, catalog: frontEnd.catalog, schemaPath: frontEnd.schemaPath,
                                          environment: frontEnd.environment, applicationName: applicationName,
                                          allowUnscoped: frontEnd.allowsUnscopedRuns, defaultTenant: frontEnd.configuration?.defaultTenant,
                                          suggestsTenants: frontEnd.configuration?.suggestTenants ?? false)
        // Ctrl-C cancels the running statement on the server (PQcancel from the C handler) and
        // ends the run through the error path below, so `-o FILE` is discarded, not left half
        // written, and no query is left running for nobody. Without the handler the process
        // would die mid-write and the server would go on waiting or working.
        context.connection.cancelsOnInterrupt = true
        try? Interrupts.installHandler()
        // SIGTERM and SIGHUP (timeout(1), cron, systemd, a closed terminal) take the same path,
        // and the command then exits 128 + the signal (ExitStatus.hangup, .terminated).
        try? Interrupts.installTerminationHandlers()
        let format = output.format ?? frontEnd.defaultFormat ?? .table
        var options = OutputOptions(decimalsAsNumbers: output.decimalsAsNumbers)
        // A person's terminal gets fitted tables and charts; files and pipes get every value whole.
        // LQL_COLUMNS fits the table to that width wherever it goes (benchmarks, odd terminals).
        let forcedColumns = frontEnd.environment.variables["LQL_COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        if output.output == nil, let forcedColumns { options.terminalWidth = forcedColumns }
        else if output.output == nil, Terminal.isTerminal(1) { options.terminalWidth = Terminal.columns(1) }
        let progress = ProgressReporter.isWanted(environment: frontEnd.environment.variables)
            ? ProgressReporter(mode: output.output.map { .export(path: $0) } ?? .query) : nil
        let report = format == .html ? HTMLReport() : nil
        let startedWallClock = HTMLReport.now()
        let atomic: AtomicFileSink?
        let sink: OutputSink
        if let path = output.output {
            // AtomicFileSink's errors already say "cannot write PATH: why".
            do { atomic = try AtomicFileSink(path: path) } catch {
                throw CommandFailure(.usage, "lql: \(error)")
            }
            sink = atomic!
        } else {
            atomic = nil
            sink = progress.map { $0.clearing(FileDescriptorSink.standardOutput()) } ?? FileDescriptorSink.standardOutput()
        }
        progress?.start()
        let headings = statements.count > 1 && [.table, .expanded, .markdown].contains(format)
        // The scope writes one audit record per statement (DatabaseContext installs the hook) and
        // tags each with the run's query id, so server logs (pgaudit) can be matched with it.
        let started = Clock.monotonicSeconds()
        var failure: Error?
        let auditSource = ScopeSource(text: programs.first?.1.text ?? "", origin: origin)
        do {
            try context.scope.withTenant(context.tenant, on: context.connection, source: auditSource) { tx in
                for (i, (statement, source)) in programs.flatMap({ p in p.0.statements.map { ($0, p.1) } }).enumerated() {
                    // A Ctrl-C between statements (none was running to cancel) ends the run too.
                    if Interrupts.take() {
                        throw PostgresError(kind: .cancelled, message: "interrupted")
                    }
                    if headings { try sink.write((i > 0 ? "\n" : "") + "-- \(VisibleText.visible(statement.title))\n") }
                    tx.attribute(toSource: source.text)
                    var statementOptions = options
                    statementOptions.chart = statement.chart
                    var writer = report.map { $0.writer(title: ReportTitles.statement(statement, in: source), chart: statement.chart) }
                        ?? makeWriter(format, to: sink, options: statementOptions)
                    if let progress { writer = progress.counting(writer) }
                    try tx.export(statement.sql, to: WriterRows(writer))
                }
            }
            if let report, let first = programs.first {
                let header = HTMLReport.Header(title: ReportTitles.report(first.1), tenant: context.tenant,
                                               parameters: ReportTitles.unique(programs.flatMap { ReportTitles.parameters($0.0, values: values) }),
                                               startedAt: startedWallClock, durationMs: (Clock.monotonicSeconds() - started) * 1000)
                try sink.write(report.render(header))
            }
            // A SIGTERM after the last row still means "stop": the file is not put in place.
            if Interrupts.terminationSignal != nil { throw PostgresError(kind: .cancelled, message: "terminated") }
            try sink.flush()
            try atomic?.commit()
        } catch {
            progress?.pause()
            atomic?.discard()
            failure = error
        }
        progress?.finish(succeeded: failure == nil)
        if let signal = Interrupts.terminationSignal {
            throw CommandFailure(ExitStatus.forTermination(signal), "lql: \(ExitStatus.signalName(signal)): the query was cancelled on the server"
                + (output.output.map { "; \($0) was not written" } ?? ""))
        }
        if let failure { throw DatabaseContext.failure(for: failure) }
    }
}
