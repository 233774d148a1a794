/// A compact S-expression dump of a parse tree, one statement per line. Used by tests to compare
/// tree shapes and by `lql compile --ast`. Paths print dotted (`customer.name`), literals as
/// written in LQL, everything else as `(head child …)`.
///
///     Order | where total > 10 | take 5
///     (query Order (where (> total 10)) (take 5))
public enum ASTPrinter {
    public static func print(_ program: Program) -> String {
        program.statements.map(print).joined(separator: "\n")
    }

    public static func print(_ statement: Statement) -> String {
        switch statement.kind {
        case .param(let p):
            let type = p.type.name.name + (p.type.isList ? "[]" : "") + (p.type.isOptional ? "?" : "")
            return "(param \(p.name) \(type)" + (p.defaultValue.map { " " + print($0) } ?? "") + ")"
        case .let(let l):
            return "(let \(l.name) \(print(l.query)))"
        case .query(let q):
            return print(q)
        }
    }

    public static func print(_ query: Query) -> String {
        (["query", query.source.name] + query.stages.map(print)).sexp
    }

    public static func print(_ stage: Stage) -> String {
        switch stage.kind {
        case .where(let e): return ["where", print(e)].sexp
        case .select(let items): return (["select"] + items.map(print)).sexp
        case .sort(let keys): return (["sort"] + keys.map(print)).sexp
        case .take(let e): return ["take", print(e)].sexp
        case .skip(let e): return ["skip", print(e)].sexp
        case .group(let keys, let aggregates):
            var parts = ["group", (["by"] + keys.map(print)).sexp]
            if !aggregates.isEmpty { parts.append((["aggregate"] + aggregates.map(print)).sexp) }
            return parts.sexp
        case .aggregate(let aggregates): return (["aggregate"] + aggregates.map(print)).sexp
        case .count: return "(count)"
        case .distinct: return "(distinct)"
        case .derive(let items): return (["derive"] + items.map(print)).sexp
        case .takeBy(let n, let keys): return ["take", print(n), (["by"] + keys.map(print)).sexp].sexp
        case .append(let q): return ["append", print(q)].sexp
        }
    }

    public static func print(_ item: SelectItem) -> String {
        switch item.kind {
        case .expr(let named): return print(named)
        case .shape(let shape):
            let source = shape.stages.isEmpty ? print(shape.path) : ([print(shape.path)] + shape.stages.map(print)).sexp
            let head = shape.name.map { ["shape", "\($0):", source] } ?? ["shape", source]
            return (head + shape.items.map(print)).sexp
        }
    }

    public static func print(_ named: NamedExpr) -> String {
        guard let name = named.name else { return print(named.expr) }
        return ["\(name):", print(named.expr)].sexp
    }

    public static func print(_ key: SortKey) -> String {
        guard let direction = key.direction else { return print(key.expr) }
        return [direction.rawValue, print(key.expr)].sexp
    }

    public static func print(_ expr: Expr) -> String {
        if let path = expr.pathSegments { return path.map(\.name).joined(separator: ".") }
        switch expr.kind {
        case .literal(let literal): return print(literal)
        case .name(let id): return id.name
        case .member(let base, let id): return [".", print(base), id.name].sexp
        case .parameter(let id): return "$" + id.name
        case .unary(let op, let operand): return [op == .not ? "not" : "neg", print(operand)].sexp
        case .binary(let op, let l, let r): return [op.rawValue, print(l), print(r)].sexp
        case .isNull(let e, let negated): return [negated ? "is-not-null" : "is-null", print(e)].sexp
        case .list(let items): return (["list"] + items.map(print)).sexp
        case .range(let low, let high): return ["..", print(low), print(high)].sexp
        case .call(let name, let arguments, let filter):
            var parts = ["call", name.name] + arguments.map(print)
            if let filter { parts.append(["where", print(filter)].sexp) }
            return parts.sexp
        case .subquery(let query): return print(query)
        case .caseWhen(let branches, let otherwise):
            var parts = ["case"] + branches.map { ["when", print($0.condition), print($0.value)].sexp }
            if let otherwise { parts.append(["else", print(otherwise)].sexp) }
            return parts.sexp
        case .window(let call, let spec):
            var parts = ["over", print(call)]
            if !spec.partition.isEmpty { parts.append((["by"] + spec.partition.map(print)).sexp) }
            if !spec.sort.isEmpty { parts.append((["sort"] + spec.sort.map(print)).sexp) }
            if let rows = spec.rows { parts.append(["rows", print(rows)].sexp) }
            return parts.sexp
        }
    }

    public static func print(_ literal: Literal) -> String {
        switch literal {
        case .string(let s): return quoted(s)
        case .integer(let s), .decimal(let s): return s
        case .boolean(let b): return b ? "true" : "false"
        case .null: return "null"
        case .date(let s), .timestamp(let s): return "@" + s
        case .duration(let amount, let unit): return "(duration \(amount) \(unit.rawValue))"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

private extension Array where Element == String {
    var sexp: String { "(" + joined(separator: " ") + ")" }
}
