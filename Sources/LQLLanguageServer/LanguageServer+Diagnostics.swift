import LQL

extension LanguageServer {
    /// The diagnostics `lql check` gives for the document (a missing parameter value is fine:
    /// a report gets its values when it runs), with the hints after the message. Without a
    /// schema, the syntax diagnostics alone.
    func publishDiagnostics(_ uri: String) {
        guard let document = documents[uri] else { return }
        let diagnostics: [Diagnostic]
        if let catalog = schema.catalog {
            diagnostics = LQLCompiler.compile(source: document.source, catalog: catalog, requireParameterValues: false).diagnostics
        } else {
            diagnostics = LQLCompiler.parse(document.source).diagnostics
        }
        let items: [[String: Any]] = diagnostics.map { d in
            var message = d.message
            for hint in d.hints { message += "\nhint: " + hint }
            var item: [String: Any] = [
                "range": document.range(of: d.span),
                "severity": Self.severity(d.severity),
                "code": d.code.code,
                "source": "lql",
                "message": message,
            ]
            let related: [[String: Any]] = d.notes.compactMap { note in
                guard let span = note.span else { return nil }
                return ["location": ["uri": uri, "range": document.range(of: span)], "message": note.message]
            }
            if !related.isEmpty { item["relatedInformation"] = related }
            return item
        }
        transport.send(["method": "textDocument/publishDiagnostics",
                        "params": ["uri": uri, "version": document.version, "diagnostics": items] as [String: Any]])
    }

    static func severity(_ s: Severity) -> Int {
        switch s {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
    }
}
