import LQL
import MCP

/// What a tool call answers: structured content, its text, and whether it is an error the
/// assistant should repair (diagnostics, a refusal, a server error).
struct ToolAnswer {
    var structured: Value
    var text: String
    var isError: Bool

    var result: CallTool.Result {
        CallTool.Result(content: [.text(text: text, annotations: nil, _meta: nil)], structuredContent: Value?.some(structured),
                        isError: isError ? true : nil)
    }

    static func refusal(_ message: String) -> ToolAnswer {
        ToolAnswer(structured: .object(["error": .string(message)]), text: "refused: " + message, isError: true)
    }
}

/// The compiler side of the tools: check and compile an assistant's LQL against the fixed
/// catalog. Nothing here sees a connection; the text is only ever parsed as LQL, so SQL text,
/// `COMMIT; DROP …` or comment tricks are syntax errors, never statements.
struct QueryTools: Sendable {
    let catalog: Catalog

    static let sourceName = "<query>"

    func compile(_ text: String, parameters: [String: String], requireValues: Bool) -> (SourceFile, CompileResult) {
        let source = SourceFile(name: QueryTools.sourceName, text: text)
        return (source, LQLCompiler.compile(source: source, catalog: catalog, parameters: parameters,
                                            requireParameterValues: requireValues))
    }

    /// `check_query`: diagnostics with hints (an answer, not a tool error, even when the query has errors).
    func check(_ text: String) -> ToolAnswer {
        let (source, result) = compile(text, parameters: [:], requireValues: false)
        let ok = !result.hasErrors
        let structured: Value = .object([
            "ok": .bool(ok),
            "diagnostics": DiagnosticValues.array(result.diagnostics, in: source),
            "parameters": QueryTools.parameters(result.parameters),
            "columns": .array((result.program?.statements ?? []).map { QueryTools.columns($0) }),
        ])
        let text = result.diagnostics.isEmpty ? "ok: no problems found"
            : (ok ? "ok, with warnings:\n" : "") + DiagnosticValues.text(result.diagnostics, in: source)
        return ToolAnswer(structured: structured, text: text, isError: false)
    }

    /// `compile_query`: the SQL and binds of every output query (`$1` is the tenant, bound by the
    /// server's scope and shown as `<tenant>`).
    func compileAnswer(_ text: String, parameters: [String: String]) -> ToolAnswer {
        let (source, result) = compile(text, parameters: parameters, requireValues: true)
        guard let program = result.program, !result.hasErrors else { return QueryTools.diagnosticsAnswer(result, source) }
        let statements: [Value] = program.statements.map { s in
            .object(["query": .string(s.title), "sql": .string(s.sql.text), "binds": QueryTools.binds(s.sql),
                     "columns": QueryTools.columns(s)])
        }
        var text = ""
        for (i, s) in program.statements.enumerated() {
            if i > 0 { text += "\n" }
            text += PrintedSQL.script(s.sql, title: program.statements.count > 1 ? s.title : nil)
        }
        return ToolAnswer(structured: .object(["statements": .array(statements),
                                               "diagnostics": DiagnosticValues.array(result.diagnostics, in: source)]),
                          text: text, isError: false)
    }

    static func diagnosticsAnswer(_ result: CompileResult, _ source: SourceFile) -> ToolAnswer {
        ToolAnswer(structured: .object(["ok": .bool(false), "diagnostics": DiagnosticValues.array(result.diagnostics, in: source)]),
                   text: DiagnosticValues.text(result.diagnostics, in: source), isError: true)
    }

    static func binds(_ sql: SQLStatement) -> Value {
        .array(sql.binds.enumerated().map { n, bind in
            switch bind {
            case .tenant: .object(["position": .int(n + 1), "tenant": .bool(true)])
            case .value(let v, let type): .object(["position": .int(n + 1), "value": v.map(Value.string) ?? .null, "type": .string(type)])
            }
        })
    }

    static func columns(_ s: CompiledStatement) -> Value {
        .array(s.columns.map { .object(["name": .string($0.name), "type": .string($0.type.description)]) })
    }

    static func parameters(_ ps: [ParameterInfo]) -> Value {
        .array(ps.map { p in
            var o: [String: Value] = ["name": .string(p.name), "type": .string(p.typeDescription), "required": .bool(p.isRequired)]
            if let d = p.defaultText { o["default"] = .string(d) }
            return .object(o)
        })
    }
}
