import Foundation
import LQL
import LQLOutput
import LQLPostgres
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
            say(CatalogDescription.models(catalog))
        case .describe(let name):
            guard let model = catalog.model(named: name) ?? catalog.models.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                let close = Suggestions.closest(to: name, among: catalog.models.map(\.name))
                report("no model `\(name)`" + (close.isEmpty ? "; \\d lists the models" : "; did you mean \(Suggestions.quotedList(close))?"))
                return 1
            }
            say(CatalogDescription.model(model, in: catalog))
        case .tenant(let name):
            guard let name else {
                say("tenant \(tenant?.slug ?? tenantName) (\(tenant?.id ?? "unresolved"))")
                return nil
            }
            return switchTenant(to: name)
        case .showSQL:
            guard let sql = lastStatement else { say("no query has run yet"); return nil }
            say(sql.text)
            for (i, bind) in sql.binds.enumerated() {
                switch bind {
                case .tenant: say("$\(i + 1) = \(Self.quoted(tenant?.id)) (tenant \(tenant?.slug ?? tenantName))")
                case .value(let v, let type): say("$\(i + 1) = \(Self.quoted(v))::\(type)")
                }
            }
        case .explain:
            return explainLast()
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
            expanded = on ?? !expanded
            expandedAuto = false
            if expanded && format != .table { format = .table }
            say("Expanded display is \(expanded ? "on" : "off").")
        case .expandedAuto:
            expanded = false
            expandedAuto = true
            if format != .table { format = .table }
            say("Expanded display is used automatically.")
        case .show(let row):
            return showRow(row)
        case .chart(let text):
            return chartLast(text)
        case .set(let name, let value):
            values[name] = value
        case .unset(let name):
            if values.removeValue(forKey: name) == nil { say("$\(name) has no value") }
        case .listParams:
            listParameters()
        case .include(let path):
            return include(path)
        case .connectionInfo:
            let place = connection.host.hasPrefix("/") ? "via socket in \"\(connection.host)\"" : "on host \"\(connection.host)\""
            say("Connected to database \"\(connection.database)\" as user \"\(connection.user)\" \(place) at port \"\(connection.port)\""
                + (connection.isConnected ? "" : " (connection lost)") + ".")
            say("Tenant \(tenant?.slug ?? tenantName) (\(tenant?.id ?? "unresolved")), \(scope.strategy.name) scope; schema \(schemaPath).")
        case .help(let topic):
            say(help(topic))
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

    func explainLast() -> Int32? {
        guard let last = lastStatement else { say("no query has run yet"); return nil }
        guard ensureConnected(), let tenant else { return 3 }
        let explain = SQLStatement(text: "EXPLAIN " + last.text, binds: last.binds, columnNames: ["QUERY PLAN"])
        do {
            let plan = try scope.withTenant(tenant, on: connection) { tx in try tx.execute(explain) }
            for row in plan.rows { say(row.first.flatMap { $0 } ?? "") }
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
            say("$\(name) = " + (values[name].map { Self.quoted($0) } ?? (declared.contains(name) ? "(declared, no value set)" : "")))
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

    func help(_ topic: String?) -> String {
        var lines = ["Meta-commands:"]
        let width = MetaCommandInfo.all.map { ($0.name + " " + $0.arguments).count }.max() ?? 0
        for info in MetaCommandInfo.all {
            let head = "\\" + info.name + (info.arguments.isEmpty ? "" : " " + info.arguments)
            lines.append("  " + head.padding(toLength: width + 3, withPad: " ", startingAt: 0) + info.summary)
        }
        lines.append("")
        lines.append("Enter LQL statements: `Model | where … | select …`, `let name = …`, `param name: Type = …`.")
        lines.append("A statement runs when Enter ends a complete input; Ctrl-C cancels a running query; Ctrl-D quits.")
        return lines.joined(separator: "\n")
    }

    static func quoted(_ value: String?) -> String {
        guard let value else { return "NULL" }
        return "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
