import Foundation
import LQL
import LQLOutput
import LQLPostgres
import LQLTenancy

/// psql's habits at the prompt: `\tenants`, `\o`, `\g`, `\e`, `\watch`.
extension ReplSession {
    // MARK: Tenants

    func loadTenantSlugs() {
        // With suggestions off (lql.toml's `[tenancy] suggest_tenants = false`) no other
        // tenant's slug is offered, listed or completed.
        guard scope.suggestsTenants, let directory = TenantDirectory(catalog: catalog),
              let tenants = try? directory.list(matching: nil, on: connection) else { return }
        tenantSlugs = tenants.map(\.slug)
    }

    func listTenants(matching pattern: String?) -> Int32? {
        guard let directory = TenantDirectory(catalog: catalog) else {
            report("\\tenants: the schema has no tenancy root with a `slug` field")
            return 1
        }
        guard scope.suggestsTenants else {
            report("\\tenants: other tenants' names are listed only at an interactive prompt, and not when lql.toml sets [tenancy] suggest_tenants = false")
            return 1
        }
        guard ensureConnected() else { return 3 }
        do {
            let tenants = try directory.list(matching: pattern, on: connection)
            if pattern == nil { tenantSlugs = tenants.map(\.slug) }
            let sink = MemorySink()
            let writer = resultWriter(format == .table && !expanded ? .table : effectiveFormat, to: sink, terminalWidth: true)
            try writer.begin(columns: [OutputColumn(name: "slug", typeOID: 25), OutputColumn(name: "name", typeOID: 25)])
            for t in tenants { try writer.write(row: [t.slug, t.name]) }
            try writer.end()
            var text = sink.text
            while text.hasSuffix("\n") { text.removeLast() }
            page(text)
            return nil
        } catch let error as PostgresError {
            return serverFailure(error)
        } catch {
            report("\(error)")
            return 3
        }
    }

    // MARK: \o and \g

    /// `\o FILE` opens the file the following results go to (written beside it and renamed into
    /// place when `\o` ends, so a reader never sees half a result); `\o` alone ends it.
    func redirectOutput(to path: String?) -> Int32? {
        endRedirect()
        guard let path else { return nil }
        do {
            redirect = (path, try AtomicFileSink(path: expandHome(path)))
            say("results go to \(path) until \\o (the file appears when it ends)")
            return nil
        } catch {
            report("\\o: \(error)")  // it says "cannot write PATH: why"
            return 1
        }
    }

    /// Writes the `\o` file into place, if one is open.
    func endRedirect() {
        guard let (path, sink) = redirect else { return }
        redirect = nil
        do {
            try sink.flush()
            try sink.commit()
            if interactive { say("wrote \(path)") }
        } catch {
            report("\\o: cannot write \(path): \(error)")
        }
    }

    /// `\g [FILE [FORMAT]]`: the last query again; to FILE atomically (a failed query leaves no
    /// file), in FORMAT, else the one FILE's extension names, else the current one.
    func runAgain(to path: String?, format fileFormat: OutputFormat?) -> Int32? {
        guard let text = lastQueryText else { say("no query has run yet"); return nil }
        guard let statements = compiledAgain(text) else { return 1 }
        guard let path else { return execute(statements) }
        let chosen = fileFormat ?? Self.format(forExtensionOf: path) ?? effectiveFormat
        let file: AtomicFileSink
        do { file = try AtomicFileSink(path: expandHome(path)) } catch {
            report("\\g: \(error)")  // it says "cannot write PATH: why"
            return 1
        }
        if let status = execute(statements, to: .file(file, chosen)) {
            file.discard()
            return status
        }
        do {
            try file.flush()
            try file.commit()
            say("wrote \(path) (\(chosen.rawValue))")
            return nil
        } catch {
            report("\\g: cannot write \(path): \(error)")
            return 1
        }
    }

    static func format(forExtensionOf path: String) -> OutputFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": .csv
        case "json": .json
        case "ndjson", "jsonl": .ndjson
        case "md", "markdown": .markdown
        default: nil
        }
    }

    func expandHome(_ path: String) -> String {
        path.hasPrefix("~/") ? (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst() : path
    }

    // MARK: \e

    /// `\e [FILE]`: the unfinished statement (else the last query, else FILE) in `$VISUAL` or
    /// `$EDITOR` (else `vi`); when the editor saved and exited cleanly, the text runs like typed
    /// input and goes into the history. The file name is one argument of the editor's command,
    /// never shell text.
    func edit(_ path: String?) -> Int32? {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.trimmingBlanks().isEmpty } ?? "vi"
        let file: String
        var temporary = false
        if let path {
            file = expandHome(path)
        } else {
            var template = Array((NSTemporaryDirectory() + "lql-edit-XXXXXX.lql").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
            guard fd >= 0 else { report("\\e: cannot make a temporary file: \(String(cString: strerror(errno)))"); return 1 }
            file = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
            temporary = true
            let pending = promptReader?.takePendingText() ?? ""
            let text = pending.isEmpty ? (lastQueryText ?? "") : pending
            let data = Array((text.isEmpty ? "" : text + "\n").utf8)
            _ = data.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        defer { if temporary { unlink(file) } }
        let before = Self.modificationTime(file)
        try? output.flush()
        guard let pid = ChildProcess.spawn(ChildProcess.argv(editor, extra: [file]), environment: environment) else {
            report("\\e: cannot start the editor `\(editor)`: \(String(cString: strerror(errno)))")
            return 1
        }
        let status = ChildProcess.wait(pid)
        guard status == 0 else { report("\\e: the editor exited with status \(status); nothing was run"); return 1 }
        guard Self.modificationTime(file) != before || !temporary else { say("not saved; nothing was run"); return nil }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8),
              !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { say("empty; nothing was run"); return nil }
        var trimmed = text
        while trimmed.hasSuffix("\n") { trimmed.removeLast() }
        say(trimmed)
        lineSource?.recordHistory(trimmed)
        return runEntries(EntryReader(source: ScriptedLineSource(text: trimmed)))
    }

    /// Seconds and nanoseconds of the last change, as one number (nil: no such file).
    static func modificationTime(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
    }

    // MARK: \watch

    /// `\watch SECONDS`: the last query, again and again, each run headed by the time, with no
    /// pager (as psql), until Ctrl-C — while it waits or while the query runs (then the query is
    /// cancelled on the server) — or until a run fails.
    func watch(every seconds: Double) -> Int32? {
        guard let text = lastQueryText else { say("no query has run yet"); return nil }
        guard let statements = compiledAgain(text) else { return 1 }
        _ = Interrupts.take()
        let interval = Int(seconds * 1000)
        while true {
            say("\(Self.clockTime()) (every \(Self.seconds(interval)) s, Ctrl-C stops)")
            flushAll()
            if let status = execute(statements, to: .unpaged) { return status == 3 && !connectionLost ? nil : status }
            flushAll()
            var waited = 0
            while waited < interval {
                if Interrupts.take() { say(""); return nil }  // the prompt after the ^C, on a line of its own
                let step = min(50, interval - waited)
                poll(nil, 0, Int32(step))
                waited += step
            }
            if Interrupts.take() { say(""); return nil }
        }
    }

    static func clockTime() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let n = strftime(&buffer, buffer.count, "%a %b %e %H:%M:%S %Y", &parts)
        return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
