import Foundation
import LQL
import LQLOutput
import LQLPostgres
import LQLHelp
import LQLTenancy

extension ReplSession {
    /// Runs one backslash command. nil on success, 1 for a bad command, 3 for a server error,
    /// `quitStatus` for `\q`.
    func runMetaCommand(_ line: String, origin: EntryOrigin = .prompt) -> Int32? {
        let command: MetaCommand
        switch MetaCommandParser.parse(line) {
        case .success(let c): command = c
        case .failure(let d):
            report(DiagnosticRenderer(useColor: useColor).render([d], in: origin.source(line)))
            return 1
        }
        switch command {
        case .listModels:
            page(CatalogDescription.models(catalog))
        case .describe(let name):
            guard let model = catalog.model(named: name) ?? catalog.models.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                let close = Suggestions.closest(to: name, among: catalog.models.map(\.name))
                report("no model `\(name)`" + (close.isEmpty ? "; \\d lists the models" : "; did you mean \(Suggestions.quotedList(close))?"))
                return 1
            }
            page(CatalogDescription.model(model, in: catalog))
        case .tenant(let name):
            guard let name else {
                if let tenant { say("tenant \(tenant.slug) (\(tenant.id))") } else { say(Self.noTenantHint) }
                return nil
            }
            return switchTenant(to: name)
        case .tenants(let pattern):
            return listTenants(matching: pattern)
        case .showSQL:
            guard let sql = lastStatement else { say("no query has run yet"); return nil }
            say(sql.text)
            let tenantText = PrintedSQL.literal(tenant?.id) + " (tenant \(tenant?.slug ?? tenantName))"
            for line in PrintedSQL.bindLines(sql, tenant: tenantText) { say(line) }
        case .explain:
            return explainLast(analyze: false)
        case .explainAnalyze:
            return explainLast(analyze: true)
        case .output(let path):
            return redirectOutput(to: path)
        case .sendTo(let path, let fileFormat):
            return runAgain(to: path, format: fileFormat)
        case .edit(let path):
            return edit(path)
        case .watch(let seconds):
            return watch(every: seconds)
        case .expandedAuto:
            expandedAuto = true
            expanded = false
            if format != .table { format = .table }
            say("Expanded display is used automatically.")
        case .timeout(let seconds):
            if let seconds {
                scope.statementTimeoutMilliseconds = seconds > 0 ? max(1, Int((seconds * 1000).rounded())) : nil
            }
            if let ms = scope.statementTimeoutMilliseconds {
                say("Statement timeout is \(Self.seconds(ms)) s.")
            } else {
                say("Statement timeout is off.")
            }
        case .null(let text):
            nullDisplay = text ?? ""
            say("Null display is \(nullDisplay.isEmpty ? "empty" : "\"\(nullDisplay)\"").")
        case .timing(let on):
            timing = on ?? !timing
            say("Timing is \(timing ? "on" : "off").")
        case .format(let f):
            if let f {
                format = f
                if f != .table { expanded = false }
            }
            say("Output format is \(effectiveFormat.rawValue).")
        case .expanded(let on):
            expanded = on ?? !(expanded || expandedAuto)
            expandedAuto = false
            if expanded && format != .table { format = .table }
            say("Expanded display is \(expanded ? "on" : "off").")
        case .show(let row):
            return showRow(row)
        case .chart(let text):
            return chartLast(text)
        case .set(let name, let value):
            if name == Self.timeZoneName { setTimeZone(value) }
            else if let problem = misspelledSetName(name) { report(problem); return 1 }
            else { values[name] = value }
        case .unset(let name):
            if name == Self.timeZoneName { setTimeZone(nil) }
            else if values.removeValue(forKey: name) == nil { say("$\(name) has no value") }
        case .listParams:
            listParameters()
        case .include(let path):
            return include(path)
        case .connectionInfo:
            let place = connection.host.hasPrefix("/") ? "via socket in \"\(connection.host)\"" : "on host \"\(connection.host)\""
            say("Connected to database \"\(connection.database)\" as user \"\(connection.user)\" \(place) at port \"\(connection.port)\""
                + (connection.isConnected ? "" : " (connection lost)") + ".")
            say((tenant.map { "Tenant \($0.slug) (\($0.id))" } ?? "No tenant") + ", \(scope.strategy.name) scope; schema \(schemaPath).")
            say("Time zone: \(timeZoneDescription).")
        case .help(let topic):
            page(help(topic))
        case .quit:
            return Self.quitStatus
        }
        return nil
    }

    func switchTenant(to name: String) -> Int32? {
        guard ensureConnected() else { return 3 }
        do {
            let resolved = try scope.resolve(name, on: connection)
            tenant = resolved
            tenantName = name
            refreshTenantZone()
            lastStatement = nil  // its binds name the previous tenant
            (lineSource as? LineReader)?.prompt = promptStyle
            say("tenant \(resolved.slug) (\(resolved.id))")
            return nil
        } catch let error as PostgresError {
            return serverFailure(error)
        } catch {
            report("\(error)")
            return error is TenantError ? 4 : 1
        }
    }

    /// EXPLAIN of the last statement; with `analyze` it runs (EXPLAIN ANALYZE) inside the same
    /// read-only tenant scope as the query itself, so it can read what the query reads and no more.
    func explainLast(analyze: Bool) -> Int32? {
        guard let last = lastStatement else { say("no query has run yet"); return nil }
        guard ensureConnected(), let tenant else { return 3 }
        let explain = SQLStatement(text: (analyze ? "EXPLAIN (ANALYZE) " : "EXPLAIN ") + last.text, binds: last.binds,
                                   columnNames: ["QUERY PLAN"])
        do {
            let plan = try scope.withTenant(tenant, on: connection, source: auditSource(lastQueryText)) { tx in try tx.execute(explain) }
            // A custom plan shows bind values inline: made visible like every printed value.
            var lines = PrintedSQL.planLines(plan.rows.map { $0.first.flatMap { $0 } ?? "" })
            if analyze { lines.insert("(EXPLAIN ANALYZE ran the query, read-only, in tenant \(tenant.slug)'s scope)", at: 0) }
            page(lines.joined(separator: "\n"))
            return nil
        } catch let error as PostgresError {
            return serverFailure(error)
        } catch {
            report("\(error)")
            return 3
        }
    }

    func listParameters() {
        let declared = definitions.parameterNames
        let names = declared + values.keys.sorted().filter { !declared.contains($0) }
        guard !names.isEmpty else { say("no parameters; \\set NAME VALUE gives $NAME a value"); return }
        for name in names {
            say("$\(name) = " + (values[name].map { PrintedSQL.literal($0) } ?? (declared.contains(name) ? "(declared, no value set)" : "")))
        }
    }

    /// Runs a file's entries through the same path; a non-interactive session stops at its
    /// first error, an interactive one reports and goes on.
    func include(_ path: String) -> Int32? {
        let expanded = path.hasPrefix("~/") ? (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst() : path
        guard includeDepth < 16 else { report("\\i: files include each other too deeply (\(path))"); return 1 }
        guard let text = try? String(contentsOfFile: expanded, encoding: .utf8) else {
            report("\\i: cannot read \(path): \(String(cString: strerror(errno)))")
            return 1
        }
        includeDepth += 1
        defer { includeDepth -= 1 }
        return runEntries(EntryReader(source: ScriptedLineSource(text: text), scriptName: path))
    }

    /// `\help`: the meta-commands and the language topics, in 80 columns; `\help TOPIC`: a
    /// language topic (LQLHelp) or one meta-command.
    func help(_ topic: String?) -> String { Self.helpText(topic) }

    static func helpText(_ topic: String?) -> String {
        if let topic {
            if let t = LanguageHelp.topic(named: topic) { return t.text }
            let name = topic.hasPrefix("\\") ? String(topic.dropFirst()) : topic
            if let info = MetaCommandInfo.all.first(where: { $0.name == name || $0.aliases.contains(name) }) {
                return Self.wrap(info.summary, prefix: "\\" + info.name + (info.arguments.isEmpty ? "" : " " + info.arguments) + "  ",
                                 width: 78, indent: 4)
            }
            let close = Suggestions.closest(to: topic, among: LanguageHelp.names + MetaCommandInfo.all.map(\.name))
            return "no help on `\(topic)`" + (close.isEmpty ? "" : "; did you mean \(Suggestions.quotedList(close))?")
                + "\nTopics:\n" + LanguageHelp.index
        }
        var lines = ["Meta-commands:"]
        let heads = MetaCommandInfo.all.map { "\\" + $0.name + ($0.arguments.isEmpty ? "" : " " + $0.arguments) }
        let width = min(heads.map(\.count).max() ?? 0, 20)
        for (info, head) in zip(MetaCommandInfo.all, heads) {
            if head.count > width {
                lines.append("  " + head)
                lines.append(Self.wrap(info.summary, prefix: String(repeating: " ", count: width + 4), width: 78, indent: width + 4))
            } else {
                let prefix = "  " + head + String(repeating: " ", count: width - head.count + 2)
                lines.append(Self.wrap(info.summary, prefix: prefix, width: 78, indent: width + 4))
            }
        }
        lines.append("")
        lines.append("Language help: \\help TOPIC, with TOPIC one of")
        lines.append(Self.wrap(LanguageHelp.names.joined(separator: " "), prefix: "  ", width: 78, indent: 2))
        lines.append("")
        lines.append(Self.wrap("A one-line query runs on Enter: Customer | where tier == VIP | count. A line "
                               + "that is only a model or let name waits for its | lines; an empty line or ; "
                               + "runs it. Ctrl-C cancels a query, Ctrl-D or \\q quits.", width: 78, indent: 0))
        return lines.joined(separator: "\n")
    }

    /// `prefix` then `text`'s words, wrapped at blanks so no line is wider than `width` (a
    /// word longer than that stands alone); continuation lines start at column `indent`.
    static func wrap(_ text: String, prefix: String = "", width: Int, indent: Int) -> String {
        var out: [String] = []
        var line = prefix
        var fresh = true
        for word in text.split(separator: " ") {
            if !fresh && line.count + 1 + word.count > width {
                out.append(line)
                line = String(repeating: " ", count: indent) + word
            } else {
                line += (fresh ? "" : " ") + word
            }
            fresh = false
        }
        out.append(line)
        return out.joined(separator: "\n")
    }

    static func seconds(_ ms: Int) -> String {
        ms % 1000 == 0 ? String(ms / 1000) : String(Double(ms) / 1000)
    }

    /// A meta-command's text through the pager like a result, so a long `\d` or `\help` pages.
    func page(_ text: String) {
        guard interactive, isStandardOutput, let pager = PagerSink.forTerminal(output, environment: environment) else {
            say(text)
            return
        }
        try? output.flush()
        try? pager.write(text.hasSuffix("\n") ? text : text + "\n")
        pager.finish()
    }
}
