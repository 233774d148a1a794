import LQLSystem
@_exported import LQLCheck
@_exported import LQLDiagnostics
@_exported import LQLSchema
@_exported import LQLSQL
@_exported import LQLSyntax

/// The compiler, one function per stage boundary and `compile` composing them:
/// source → `parse` → Program → `check` → CheckedProgram → `generateSQL` → SQLStatement.
public enum LQLCompiler {
    public static func parse(_ source: SourceFile) -> ParseResult {
        LQLParser.parse(source)
    }

    public static func check(_ program: Program, source: SourceFile, catalog: Catalog,
                             parameters: [String: String] = [:], requireParameterValues: Bool = true) -> CheckResult {
        LQLChecker.check(program, source: source, catalog: catalog, parameters: parameters,
                         requireParameterValues: requireParameterValues)
    }

    public static func generateSQL(_ query: CheckedQuery, parameters: [CheckedParameter], catalog: Catalog) -> SQLResult {
        SQLGenerator.statement(for: query, parameters: parameters, catalog: catalog)
    }

    /// Parses, checks and compiles every output query of `source`. `parameters` are values the
    /// caller supplies in text form (`since` → `2025-01-01`). A program with syntax errors is not
    /// checked (its tree is partial, and the checker would only add noise).
    /// With `requireParameterValues: false` a declared parameter without a value is not an error
    /// (it binds SQL NULL): for checking a script before its values are known.
    public static func compile(source: SourceFile, catalog: Catalog, parameters: [String: String] = [:],
                               requireParameterValues: Bool = true) -> CompileResult {
        let parsed = parse(source)
        var diagnostics = DiagnosticBag()
        diagnostics.add(contentsOf: parsed.diagnostics)
        guard !parsed.hasErrors else { return CompileResult(diagnostics: diagnostics.sorted, parameters: [], program: nil) }
        let checked = check(parsed.program, source: source, catalog: catalog, parameters: parameters,
                            requireParameterValues: requireParameterValues)
        diagnostics.add(contentsOf: checked.diagnostics)
        let params = checked.program.parameters.map {
            ParameterInfo(name: $0.name, typeDescription: $0.type.description, defaultText: $0.defaultText,
                          isRequired: $0.isRequired, isDeclared: $0.isDeclared)
        }
        guard !checked.hasErrors else { return CompileResult(diagnostics: diagnostics.sorted, parameters: params, program: nil) }
        var statements: [CompiledStatement] = []
        for query in checked.program.outputs {
            let sql = generateSQL(query, parameters: checked.program.parameters, catalog: catalog)
            diagnostics.add(contentsOf: sql.diagnostics)
            if let statement = sql.statement {
                statements.append(CompiledStatement(sql: statement, span: query.span, title: title(of: query.span, in: source),
                                                    columns: query.columns, chart: query.chart))
            }
        }
        let program = diagnostics.hasErrors ? nil : CompiledProgram(parameters: params, statements: statements)
        return CompileResult(diagnostics: diagnostics.sorted, parameters: params, program: program)
    }

    static func title(of span: Span, in source: SourceFile) -> String {
        let text = source.text(in: span)
        // Any line break ends it (a CRLF file's `\r\n` is one Character, not "\n").
        let first = text.split(maxSplits: 1, omittingEmptySubsequences: true, whereSeparator: \.isNewline).first ?? ""
        return first.trimmingBlanks()
    }
}

public struct CompileResult: Sendable {
    /// Every diagnostic of every stage, sorted by position.
    public var diagnostics: [Diagnostic]
    /// The program's parameters as far as checking got (also when there are errors, so a caller
    /// can say which values a script needs).
    public var parameters: [ParameterInfo]
    /// Present when no diagnostic is an error.
    public var program: CompiledProgram?
    public var hasErrors: Bool { diagnostics.contains { $0.isError } }
}

public struct CompiledProgram: Sendable {
    public var parameters: [ParameterInfo]
    /// One per output query, in source order (`let` makes none).
    public var statements: [CompiledStatement]
}

public struct ParameterInfo: Sendable, Hashable {
    public var name: String
    /// As declared: `DateTime`, `String[]`, `Int?`.
    public var typeDescription: String
    /// The default's source text, if any.
    public var defaultText: String?
    public var isRequired: Bool
    /// False for a value the caller supplied without a `param` declaration.
    public var isDeclared: Bool
}

public struct CompiledStatement: Sendable, Hashable {
    public var sql: SQLStatement
    /// The query's span in the source.
    public var span: Span
    /// The first line of the query's source text.
    public var title: String
    /// Output columns with their LQL types, in order (names equal `sql.columnNames`).
    public var columns: [QueryColumn]
    /// The query's last `| chart …`, its columns resolved.
    public var chart: ChartSpec? = nil
}
