import LQLCheck
import LQLDiagnostics
import LQLSchema

/// Turns a checked query into one PostgreSQL statement.
public enum SQLGenerator {
    /// PostgreSQL's limit on bind parameters in one statement.
    public static let maxBinds = 65_535

    public static func statement(for query: CheckedQuery, parameters: [CheckedParameter], catalog: Catalog) -> SQLResult {
        let generator = StatementBuilder(catalog: catalog, parameters: parameters)
        let block = generator.build(query)
        var w = SQLWriter(table: generator.binds)
        generator.render(block, into: &w, indent: 0, oneLine: false)
        let compacted = PlaceholderCompaction.compact(text: w.text, binds: generator.binds.binds)
        let statement = SQLStatement(text: compacted.text, binds: compacted.binds, columnNames: block.columns.map(\.name))
        if statement.binds.count > maxBinds {
            let d = Diagnostic(.tooManyBinds,
                               "this query needs \(statement.binds.count) bind parameters; PostgreSQL accepts at most \(maxBinds) in one statement",
                               at: query.span,
                               hints: ["put many values in one list (`x in [a, b, …]` is a single parameter) or split the query"])
            return SQLResult(statement: nil, diagnostics: [d])
        }
        return SQLResult(statement: statement, diagnostics: [])
    }
}

public struct SQLResult: Sendable {
    public var statement: SQLStatement?
    public var diagnostics: [Diagnostic]
}

extension DiagnosticCode {
    public static let tooManyBinds = DiagnosticCode("E0301", "too many bind parameters")
    public static let sqlCatalog: [DiagnosticCode] = [.tooManyBinds]
}

/// A table in a FROM clause (a base table, or a subquery of whole model rows) and the to-one
/// joins hanging off it, one per distinct path.
final class TableContext {
    struct Join {
        var model: Model
        var alias: SQLAlias
        var parentModel: Model
        var parentAlias: SQLAlias
        var relation: Relation
    }
    let model: Model
    let alias: SQLAlias
    /// nil: the model's table. Otherwise a block whose rows are whole model rows (`t.*`).
    let rows: Block?
    private(set) var joins: [Join] = []
    private var joinIndex: [[String]: SQLAlias] = [:]

    init(model: Model, alias: SQLAlias, rows: Block? = nil) {
        self.model = model
        self.alias = alias
        self.rows = rows
    }

    /// The alias of the row reached by `path`, joining what is missing.
    func alias(for path: [RelationStep], builder: StatementBuilder) -> SQLAlias {
        var current = alias
        var currentModel = model
        var key: [String] = []
        for step in path {
            key.append(step.field)
            guard let target = builder.catalog.model(named: step.target) else { continue }
            if let existing = joinIndex[key] {
                current = existing
            } else {
                let a = builder.nextAlias("j")
                joins.append(Join(model: target, alias: a, parentModel: currentModel, parentAlias: current, relation: step.relation))
                joinIndex[key] = a
                current = a
            }
            currentModel = target
        }
        return current
    }
}

/// One SELECT. Stages fill it in SQL's logical order; a stage that cannot follow what is
/// already there (a filter after `take`, a sort by a computed output) starts a new block
/// around it.
final class Block {
    enum From {
        case table(TableContext)
        case derived(Block, SQLAlias)
    }
    var from: From
    var wheres: [SQLWriter] = []
    /// The select list; nil while the block's rows are still the model's rows.
    var items: [(sql: SQLWriter, name: String, needsAlias: Bool)]?
    var groupKeyCount = 0
    var distinct = false
    var orderBy: [SQLWriter] = []
    var orderByOutputsOnly = true
    var limit: SQLWriter?
    var offset: SQLWriter?
    var columns: [QueryColumn] = []
    /// The typed keys behind `orderBy`, in this block's input scope, so a block nested around
    /// this one can keep the order (a sort survives `distinct`, `derive`, `take … by`, …).
    var sortKeys: [TypedSortKey] = []
    /// Columns written after `t.*` while the rows are still whole model rows (windows of `derive`,
    /// the row numbers of `take … by`).
    var extras: [(sql: SQLWriter, name: String)] = []
    /// `append`: blocks whose rows follow this block's (UNION ALL).
    var unionBranches: [Block] = []

    init(from: From) { self.from = from }

    var isPlainRows: Bool { items == nil && limit == nil && offset == nil && !distinct }
}

/// The context expressions are written in: the block's input.
struct ExprContext {
    var table: TableContext?
    var derived: SQLAlias?
}

final class StatementBuilder {
    let catalog: Catalog
    let tenancy: TenantPredicates
    let binds = SQLBindTable()
    /// Set while writing a constant or parameter compared with a column of a native type
    /// (`@db.Uuid`, `@db.Inet`, …): the bind is cast to the column's type, never `text`.
    var nativeBindCast: SQLType?
    let parameters: [String: CheckedParameter]
    private var counters: [String: Int] = [:]

    init(catalog: Catalog, parameters: [CheckedParameter]) {
        self.catalog = catalog
        self.tenancy = TenantPredicates(catalog: catalog)
        var p: [String: CheckedParameter] = [:]
        for param in parameters { p[param.name] = param }
        self.parameters = p
    }

    /// Short deterministic aliases: the first table `t`, then `t2`…; joins `j1`…; collection
    /// subqueries `c1`…; derived tables `s1`….
    func nextAlias(_ prefix: StaticString) -> SQLAlias {
        let key = "\(prefix)"
        let n = (counters[key] ?? 0) + 1
        counters[key] = n
        if key == "t" && n == 1 { return SQLAlias(prefix: prefix, number: 0) }
        return SQLAlias(prefix: prefix, number: n)
    }

    func writer() -> SQLWriter { SQLWriter(table: binds) }

    func model(_ name: String) -> Model {
        guard let m = catalog.model(named: name) else { preconditionFailure("checked query names unknown model \(name)") }
        return m
    }

    func context(of block: Block) -> ExprContext {
        switch block.from {
        case .table(let t): ExprContext(table: t, derived: nil)
        case .derived(_, let a): ExprContext(table: nil, derived: a)
        }
    }

    func build(_ query: CheckedQuery) -> Block {
        let root = model(query.model)
        var block = Block(from: .table(TableContext(model: root, alias: nextAlias("t"))))
        for stage in query.stages { apply(stage, to: &block) }
        passThrough(block)
        return block
    }

    /// Wraps `block` so the next stage applies to its result.
    func nest(_ block: Block) -> Block {
        passThrough(block)
        let outer: Block
        if block.items != nil {
            outer = Block(from: .derived(block, nextAlias("s")))
            outer.columns = block.columns
        } else {
            guard case .table(let t) = block.from else { preconditionFailure("a block without a select list reads a table") }
            outer = Block(from: .table(TableContext(model: t.model, alias: nextAlias("t"), rows: block)))
        }
        carryOrder(from: block, to: outer)
        return outer
    }

    func apply(_ stage: TypedStage, to block: inout Block) {
        switch stage {
        case .filter(let e):
            if block.items != nil || block.limit != nil || block.offset != nil || block.distinct { block = nest(block) }
            var w = writer()
            write(e, context(of: block), into: &w, precedence: Precedence.and)
            block.wheres.append(w)

        case .select(let items):
            if block.items != nil || block.distinct { block = nest(block) }
            project(items, into: block)

        case .sort(let keys):
            if block.limit != nil || block.offset != nil { block = nest(block) }
            if block.items != nil {
                let allOutputs = keys.allSatisfy { if case .output = $0.expr.kind { true } else { false } }
                if allOutputs {
                    block.orderBy = keys.map { key in
                        var w = writer()
                        if case .output(let name) = key.expr.kind { w.write(identifier: name) }
                        direction(key, into: &w)
                        return w
                    }
                    block.orderByOutputsOnly = true
                    block.sortKeys = keys
                    return
                }
                block = nest(block)
            }
            setOrder(keys, on: block)

        case .take(let n):
            if block.limit != nil { block = nest(block) }
            var w = writer()
            write(n, context(of: block), into: &w, precedence: Precedence.lowest)
            block.limit = w

        case .skip(let n):
            if let limit = block.limit, block.offset == nil {
                // `take a | skip b` keeps rows b+1…a of the same ordered rows: one block with
                // LIMIT greatest(a - b, 0) OFFSET b. Nesting instead would put OFFSET outside the
                // ORDER BY, and which rows it skipped would be up to the plan.
                var skip = writer()
                write(n, context(of: block), into: &skip, precedence: Precedence.lowest)
                var w = writer()
                w.write("greatest(")
                w.write(limit)
                w.write(" - ")
                w.write(skip)
                w.write(", 0)")
                block.limit = w
                block.offset = skip
                return
            }
            if block.limit != nil || block.offset != nil { block = nest(block) }
            var w = writer()
            write(n, context(of: block), into: &w, precedence: Precedence.lowest)
            block.offset = w

        case .group(let keys, let aggregates):
            if !block.isPlainRows { block = nest(block) }
            block.orderBy = []
            block.sortKeys = []
            project(keys + aggregates, into: block)
            block.groupKeyCount = keys.count

        case .aggregate(let aggregates):
            if !block.isPlainRows { block = nest(block) }
            block.orderBy = []
            block.sortKeys = []
            project(aggregates, into: block)

        case .count:
            if !block.isPlainRows { block = nest(block) }
            block.orderBy = []
            block.sortKeys = []
            var w = writer()
            w.write("count(*)")
            block.items = [(w, "count", true)]
            block.columns = [QueryColumn(name: "count", type: .bigInt)]

        case .distinct:
            if block.distinct { return }
            if block.items == nil || block.limit != nil || block.offset != nil || !block.orderByOutputsOnly {
                block = nest(block)
                passThrough(block)
            }
            block.distinct = true

        case .derive(let items):
            applyDerive(items, to: &block)
        case .takeBy(let n, let keys, let tieBreak):
            applyTakeBy(n, keys: keys, tieBreak: tieBreak, to: &block)
        case .append(let other):
            applyAppend(other, to: &block)
        }
    }

    /// A block over a derived table with no select list of its own selects the derived columns.
    func passThrough(_ block: Block) {
        guard block.items == nil, case .derived = block.from else { return }
        project(block.columns.map { c in
            OutputItem(name: c.name, value: .expr(TypedExpr(.output(c.name), type: c.type, span: .at(0))), span: .at(0))
        }, into: block)
    }

    func direction(_ key: TypedSortKey, into w: inout SQLWriter) {
        // Nulls last both ways: missing values never crowd the top of a list.
        w.write(key.descending ? " DESC NULLS LAST" : " NULLS LAST")
    }

    func project(_ items: [OutputItem], into block: Block) {
        let ctx = context(of: block)
        block.items = items.map { item in
            var w = writer()
            switch item.value {
            case .expr(let e): write(e, ctx, into: &w, precedence: Precedence.lowest)
            case .shape(let s): writeShape(s, ctx, into: &w)
            }
            var needsAlias = true
            if case .expr(let e) = item.value {
                switch e.kind {
                case .column(let ref): needsAlias = ref.column != item.name
                case .output(let n): needsAlias = n != item.name
                default: break
                }
            }
            return (w, item.name, needsAlias)
        }
        block.columns = items.map { QueryColumn(name: $0.name, type: $0.type) }
    }
}
