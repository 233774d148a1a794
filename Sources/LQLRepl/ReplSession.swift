import Foundation
import LQL
import LQLOutput
import LQLPostgres
import LQLTenancy

/// The REPL (and the script runner for standard input): reads entries, compiles them with the
/// session's definitions and `\set` values, runs each output query in one tenant transaction
/// and streams the rows to the chosen writer. A bad entry prints its diagnostics and the prompt
/// survives; a non-interactive session stops at the first error like `psql -v ON_ERROR_STOP=1`
/// (1 for a compile error, 3 for a server error).
public final class ReplSession {
    let catalog: Catalog
    let schemaPath: String
    let connection: Connection
    /// Mutable for `\set timezone` (ReplSession+TimeZone.swift).
    var scope: TenantScope
    let useColor: Bool
    let interactive: Bool
    let environment: [String: String]
    let output: OutputSink
    let errors: OutputSink
    private let suppliedSource: LineSource?
    /// True when `output` is the process's standard output (not a test's sink).
    let isStandardOutput: Bool

    /// The slug or id the user named; re-resolved after a reconnect or `\tenant`. Empty in the
    /// "no tenant" state, where meta-commands work and queries ask for a tenant.
    var tenantName: String
    var tenant: Tenant?
    var format: OutputFormat
    var expanded = false
    /// `\x auto`: expanded only when the table is wider than the terminal.
    var expandedAuto = false
    /// The last result, for `\show` and `\chart` (ReplSession+Results.swift).
    var lastResult: RecordedResult?
    var timing = false
    /// `\null TEXT`: how NULL prints in tables.
    var nullDisplay = ""
    /// `\o FILE`: where results go instead of the terminal, until `\o` ends it.
    var redirect: (path: String, sink: AtomicFileSink)?
    /// The text of the last statement that ran queries (for `\g`, `\e`, `\watch`).
    var lastQueryText: String?
    /// The reader of the entries being run at the prompt (for `\e` on the unfinished statement).
    var promptReader: EntryReader?
    /// Tenant slugs the role can see, for `\tenant <Tab>` (loaded at start and by `\tenants`).
    var tenantSlugs: [String] = []
    /// The start of the first line an interactive session prints (version, database, tenant);
    /// the session adds the time zone in use and the help (`banner`). nil for none (`-q`).
    public var bannerHead: String?
    /// `--time-zone tenant`: the zone the tenant's scope reads dates in, for the banner and
    /// `\conninfo` (ReplSession+TimeZone.swift).
    var tenantZoneName: String?
    var values: [String: String] = [:]
    var definitions = SessionDefinitions()
    /// The last statement that ran (for `\sql` and `\explain`).
    var lastStatement: SQLStatement?
    /// Set when the connection was lost: the next query reconnects first.
    var connectionLost = false
    var lineSource: LineSource?
    var includeDepth = 0
    /// Where the entry being run came from, for its audit records (ReplSession+Audit.swift).
    var entryAuditOrigin = "prompt"

    /// `lineSource` defaults to the terminal prompt when interactive, else standard input;
    /// `output` (rows, messages) to standard output and `errors` (diagnostics, server errors)
    /// to standard error. Tests pass a `ScriptedLineSource` and `MemorySink`s.
    public init(catalog: Catalog, schemaPath: String, connection: Connection, tenant: String, scope: TenantScope,
                format: OutputFormat, useColor: Bool, interactive: Bool, environment: [String: String],
                lineSource: LineSource? = nil, output: OutputSink? = nil, errors: OutputSink? = nil) {
        self.catalog = catalog
        self.schemaPath = schemaPath
        self.connection = connection
        self.tenantName = tenant
        self.scope = scope
        self.format = format
        self.useColor = useColor
        self.interactive = interactive
        self.environment = environment
        self.suppliedSource = lineSource
        self.isStandardOutput = output == nil
        self.output = output ?? FileDescriptorSink.standardOutput()
        self.errors = errors ?? FileDescriptorSink(fileDescriptor: 2, capacity: 4096)
    }

    /// Runs until `\q`, Ctrl-D or the end of the input; returns the exit status.
    public func run() -> Int32 {
        if interactive {
            connection.cancelsOnInterrupt = true
            do { try Interrupts.installHandler() } catch { report("cannot catch Ctrl-C: \(error)") }
        }
        if tenantName.trimmingBlanks().isEmpty {
            // A script needs a tenant; a person at the prompt can still look around and pick one.
            guard interactive else { report("\(TenantError.blank)"); return 4 }
            tenantName = ""
        } else {
            do {
                tenant = try scope.resolve(tenantName, on: connection)
            } catch {
                report("\(error)")
                guard interactive else { return error is TenantError ? 4 : 3 }
                tenantName = ""
            }
        }
        if interactive { loadTenantSlugs() }
        let source = suppliedSource ?? makeStandardSource()
        lineSource = source
        if interactive, scope.timeZone != nil { refreshTenantZone() }
        if interactive, let banner { say(banner) }
        if interactive, tenant == nil { say(Self.noTenantHint) }
        flushAll()
        // A script on stdin is numbered through, so an error names the script's own line.
        let stopped = { Interrupts.terminationSignal != nil }
        (source as? ScriptedLineSource)?.shouldStop = stopped
        let reader = EntryReader(source: source, scriptName: interactive ? nil : "<stdin>", shouldStop: stopped)
        promptReader = reader
        let status = runEntries(reader) ?? 0
        if let signal = Interrupts.terminationSignal {
            // A `\o` file is not put in place: its last result may be cut short.
            redirect?.sink.discard()
            redirect = nil
            // Only a cancel the handler actually sent is reported as one: a signal while the
            // script's lines were being read stopped before anything ran.
            let what = Interrupts.cancelRequestsSent > 0 ? "a running query was cancelled on the server" : "no query was running"
            report("lql: \(signal == SIGHUP ? "SIGHUP" : "SIGTERM"): stopped (\(what))")
            return 128 + signal
        }
        if reader.statementTooLarge {
            report("lql: cannot read standard input: statement too large (over \(reader.statementSizeLimit / (1024 * 1024)) MiB)")
            endRedirect()
            return 2
        }
        if let failure = (source as? ScriptedLineSource)?.failure {
            report("lql: cannot read standard input: \(failure)")
            endRedirect()
            return 2
        }
        endRedirect()
        flushAll()
        return status == Self.quitStatus ? 0 : status
    }

    /// `\q` unwinds nested `\i` files with this marker status.
    static let quitStatus: Int32 = -1

    private func makeStandardSource() -> LineSource {
        let completer: (String) -> Completion = { [weak self] text in
            guard let self else { return Completion(word: "", candidates: []) }
            return CompletionEngine(catalog: catalog, bindings: definitions.letModels,
                                    parameters: definitions.parameterNames + values.keys.sorted(),
                                    tenants: tenantSlugs).complete(text)
        }
        let history = interactive ? HistoryFile.defaultPath(environment: environment).map(HistoryFile.init(path:)) : nil
        if interactive {
            return StandardInput.lineSource(prompt: promptStyle, historyFile: history, completer: completer)
        }
        return ScriptedLineSource(fileDescriptor: 0)
    }

    var promptStyle: PromptStyle {
        PromptStyle(label: tenant?.slug ?? (tenantName.isEmpty ? Self.noTenantLabel : tenantName), usesColor: useColor)
    }

    /// The prompt's label in the "no tenant" state (parentheses: never a slug).
    static let noTenantLabel = "(no tenant)"
    static let noTenantHint = "no tenant chosen: \\tenants lists them, \\tenant SLUG picks one"


    /// Runs entries until the input ends. Returns nil to go on, or a status to stop with.
    func runEntries(_ reader: EntryReader) -> Int32? {
        while true {
            // SIGTERM/SIGHUP (installed by the lql command) end the session, at the prompt too.
            if let signal = Interrupts.terminationSignal { return 128 + signal }
            let entry = reader.next()
            entryAuditOrigin = Self.auditOrigin(scriptName: reader.scriptName, includeDepth: includeDepth)
            let status: Int32?
            switch entry {
            case .endOfInput:
                return nil
            case .interrupted:
                _ = Interrupts.take()
                continue  // the check at the top of the loop tells a SIGTERM from a Ctrl-C
            case .statement(let text):
                status = runStatement(text, origin: reader.entryOrigin)
            case .metaCommand(let line):
                status = runMetaCommand(line, origin: reader.entryOrigin)
            }
            flushAll()
            if let status {
                if status == Self.quitStatus { return status }
                if !interactive { return status }
            }
        }
    }

    // MARK: Output

    func say(_ text: String) {
        try? output.write(text.hasSuffix("\n") ? text : text + "\n")
    }

    func report(_ text: String) {
        try? output.flush()
        try? errors.write(text.hasSuffix("\n") ? text : text + "\n")
        try? errors.flush()
    }

    func flushAll() {
        try? output.flush()
        try? errors.flush()
    }
}
