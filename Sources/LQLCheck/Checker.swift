import LQLDiagnostics
import LQLSchema
import LQLSyntax

/// The checker's entry point: names and types of a parsed program against a catalog.
public enum LQLChecker {
    /// Checks `program`. `parameters` are values supplied by the caller in text form
    /// (`since=2025-01-01`); with `requireParameterValues`, a declared parameter without a
    /// default or a supplied value is an error (tools that only check may turn this off).
    public static func check(_ program: Program, source: SourceFile, catalog: Catalog,
                             parameters: [String: String] = [:],
                             requireParameterValues: Bool = true) -> CheckResult {
        let checker = Checker(source: source, catalog: catalog, supplied: parameters,
                              requireParameterValues: requireParameterValues)
        return checker.run(program)
    }
}

public struct CheckResult: Sendable {
    public var program: CheckedProgram
    public var diagnostics: [Diagnostic]
    public var hasErrors: Bool { diagnostics.contains { $0.isError } }
}

/// Where names in an expression resolve.
struct Scope {
    enum Kind {
        /// Fields of `model`, reached from the current row through `prefix` (to-one steps).
        case row(model: Model, prefix: [RelationStep])
        /// Output columns of the previous stage.
        case columns([QueryColumn])
        /// No row at all (parameter defaults): only constants, functions and parameters.
        case constant
    }
    enum Aggregates { case forbidden, allowed, inside }
    var kind: Kind
    var aggregates: Aggregates = .forbidden
    /// Which stage we are in, for messages.
    var stage: String = ""
    /// Window functions are allowed (in `select` and `derive`, outside aggregates).
    var windows = false
    /// Columns `derive` added to the model's rows (top-level row scope only).
    var derived: [DerivedColumn] = []

    func with(aggregates a: Aggregates) -> Scope { var s = self; s.aggregates = a; return s }
}

/// A checked `let`: its stages (sharing its source `let`'s) and the scope its rows end in.
/// `overLimit`: it inlines more than `CheckLimits.maxInlinedStages` stages (already reported;
/// queries from it are refused without another diagnostic).
struct LetDefinition {
    var model: String
    var chain: StageChain
    var overLimit = false
    var endScope: Scope.Kind
    var derived: [DerivedColumn] = []
    var span: Span
}

/// A column `derive` added to model rows. Without a window it is `inline`: uses are the
/// expression itself, so the row stays the model's row; a window is read back as a column.
struct DerivedColumn {
    var name: String
    var type: LQLType
    var inline: TypedExpr?
    var span: Span
    /// Expression nodes a use of it becomes (see InlinedWeight.swift); 1 when not inlined.
    var weight = 1
}

final class Checker {
    let source: SourceFile
    let catalog: Catalog
    let supplied: [String: String]
    let requireParameterValues: Bool
    var diagnostics = DiagnosticBag()

    /// Parameters by name, declared or supplied-and-used, in order of first appearance.
    var parameters: [String: CheckedParameter] = [:]
    var parameterOrder: [String] = []
    /// Every `param` declaration in the program (to tell "used before" from "unknown").
    var declaredLater: [String: Span] = [:]
    var lets: [String: LetDefinition] = [:]
    var letsLater: [String: Span] = [:]
    /// The inlined `let` stages before the query being checked (its own stages are local).
    var inlinedPrefix: StageChain?
    /// Stages the statement being checked inlines so far, across its whole query tree (each
    /// `let` it reads and every query it appends or tests with `in`, duplicates counted);
    /// bounded by `CheckLimits.maxInlinedStages`. Reset for each statement.
    var statementStages = 0
    /// Whether this statement's E0232 was reported (one per statement; the rest stay quiet).
    var statementOverLimit = false

    init(source: SourceFile, catalog: Catalog, supplied: [String: String], requireParameterValues: Bool) {
        self.source = source
        self.catalog = catalog
        self.supplied = supplied
        self.requireParameterValues = requireParameterValues
    }

    func error(_ code: DiagnosticCode, _ message: String, at span: Span, hints: [String] = [],
               notes: [DiagnosticNote] = [], fixIts: [FixIt] = []) {
        diagnostics.add(Diagnostic(code, message, at: span, hints: hints, notes: notes, fixIts: fixIts))
    }

    func run(_ program: Program) -> CheckResult {
        for statement in program.statements {
            switch statement.kind {
            case .param(let p): if declaredLater[p.name.name] == nil { declaredLater[p.name.name] = p.span }
            case .let(let l): if letsLater[l.name.name] == nil { letsLater[l.name.name] = l.span }
            case .query: break
            }
        }
        var outputs: [CheckedQuery] = []
        for statement in program.statements {
            switch statement.kind {
            case .param(let p): declareParameter(p)
            case .let(let l): defineLet(l)
            case .query(let q):
                startStatement()
                if let checked = checkQuery(q, final: true) { outputs.append(checked.query) }
            }
        }
        let params = parameterOrder.compactMap { parameters[$0] }
        return CheckResult(program: CheckedProgram(parameters: params, outputs: outputs),
                           diagnostics: diagnostics.sorted)
    }

    func startStatement() {
        statementStages = 0
        statementOverLimit = false
    }

    // MARK: let

    func defineLet(_ decl: LetDecl) {
        let name = decl.name.name
        if let earlier = lets[name] {
            error(.redefinition, "`\(name)` is already defined", at: decl.name.span,
                  hints: ["choose another name for this `let`"],
                  notes: [DiagnosticNote("`\(name)` is first defined here", span: earlier.span)])
            return
        }
        if catalog.model(named: name) != nil {
            error(.redefinition, "`\(name)` is a model; a `let` may not hide it", at: decl.name.span,
                  hints: ["choose another name, like `\(name.prefix(1).lowercased() + name.dropFirst())s`"])
            return
        }
        startStatement()
        guard let checked = checkQuery(decl.query, final: false) else {
            if let source = lets[decl.query.source.name], source.overLimit {
                lets[name] = LetDefinition(model: source.model, chain: source.chain, overLimit: true, endScope: source.endScope, span: decl.name.span)
            }
            return
        }
        lets[name] = LetDefinition(model: checked.query.model, chain: StageChain(parent: checked.prefix, stages: checked.query.stages, weight: checked.weight),
                                   overLimit: checked.overLimit, endScope: checked.scope, derived: checked.derived, span: decl.name.span)
    }
}
