import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// SplitMix64: small, seedable, the same sequence on every platform.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generates well-typed LQL queries over a catalog, with literal values drawn from the data.
final class QueryGenerator {
    let catalog: Catalog
    let db: Connection
    var rng: SeededRandom
    private var samples: [String: [String]] = [:]
    /// The current query's parameters: declarations and the values supplied as text.
    var declarations: [String] = []
    var parameters: [String: String] = [:]

    /// `$pN` bound to `text` (supplied as text, as on the command line), declared with `type`.
    func parameter(_ type: String, _ text: String) -> String {
        let name = "p\(declarations.count)"
        declarations.append("param \(name): \(type)")
        parameters[name] = text
        return "$" + name
    }

    func unquote(_ literal: String) -> String {
        String(literal.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
    }

    init(catalog: Catalog, db: Connection, seed: UInt64) {
        self.catalog = catalog
        self.db = db
        self.rng = SeededRandom(seed: seed)
    }

    var models: [Model] { catalog.queryableModels.filter { !$0.isView && $0.isTenantScoped } }

    func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }
    func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    /// Fields one may compare: scalars and enums, not forbidden (tenant key, sensitive), no lists.
    func comparable(_ m: Model) -> [Field] {
        m.fields.filter { f in
            guard !f.isForbidden, !f.isList else { return false }
            switch f.type {
            case .scalar(let s): return s != .json && s != .bytes
            case .enumeration: return true
            default: return false
            }
        }
    }

    func relations(_ m: Model, _ card: Relation.Cardinality) -> [(Field, Model)] {
        m.relationFields.compactMap { f in
            guard !f.isForbidden, let r = f.relation, r.cardinality == card,
                  let target = catalog.model(named: r.targetModel), !target.isTenantRoot, !target.isView else { return nil }
            return (f, target)
        }
    }

    func numeric(_ f: Field) -> Bool {
        if case .scalar(let s) = f.type { return [.int, .bigInt, .float, .decimal].contains(s) }
        return false
    }

    func groupable(_ f: Field) -> Bool {
        switch f.type {
        case .enumeration: return true
        case .scalar(let s): return s == .boolean || s == .string
        default: return false
        }
    }

    func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Distinct values of a column in the whole database (all tenants), as LQL literals.
    func values(_ m: Model, _ f: Field) -> [String] {
        let key = m.tableName + "." + f.columnName
        if let cached = samples[key] { return cached }
        var out: [String] = []
        switch f.type {
        case .enumeration(let e):
            out = catalog.enumType(named: e)?.values.map(\.name) ?? []
        case .scalar(.boolean):
            out = ["true", "false"]
        case .scalar(let s):
            let col = "\"" + f.columnName + "\""
            let expr = s == .dateTime ? "to_char(\(col) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')" : "\(col)::text"
            let sql = "SELECT DISTINCT \(expr) FROM \"\(m.tableName)\" WHERE \(col) IS NOT NULL ORDER BY 1 LIMIT 12"
            let rows = (try? db.execute(sql).rows.compactMap { $0.first ?? nil }) ?? []
            switch s {
            case .string: out = rows.map(quote)
            case .dateTime: out = rows.map { "@" + $0 }
            default: out = rows
            }
        default: break
        }
        if out.isEmpty {
            switch f.type {
            case .scalar(.string): out = ["\"x\""]
            case .scalar(.dateTime): out = ["@2026-01-01T00:00:00Z"]
            default: out = ["1"]
            }
        }
        samples[key] = out
        return out
    }

    /// A condition on one field of `m`, the field reached through `prefix` (`customer.`).
    func fieldCondition(_ m: Model, prefix: String = "") -> String {
        let f = pick(comparable(m))
        let name = prefix + f.name
        if f.isOptional && chance(0.15) { return name + (chance(0.5) ? " is null" : " is not null") }
        let vs = values(m, f)
        switch f.type {
        case .enumeration(let e):
            switch Int.random(in: 0..<5, using: &rng) {
            case 4: return "\(name) == \(parameter(e, pick(vs)))"
            case 0: return "\(name) == \(pick(vs))"
            case 1: return "\(name) != \(pick(vs))"
            case 2: return "\(name) in [\(pick(vs)), \(pick(vs))]"
            default: return "\(name) not in [\(pick(vs))]"
            }
        case .scalar(.boolean):
            return chance(0.5) ? name : "\(name) == \(pick(vs))"
        case .scalar(.string):
            let v = pick(vs)
            switch Int.random(in: 0..<5, using: &rng) {
            case 4: return "\(name) == \(parameter("String", unquote(v)))"
            case 0: return "\(name) == \(v)"
            case 1: return "\(name) != \(v)"
            case 2:
                // A short piece of a real value: a substring match that hits.
                let body = String(v.dropFirst().dropLast().replacingOccurrences(of: "\\\"", with: "").replacingOccurrences(of: "\\\\", with: "").prefix(3))
                return "\(name) ~ \(quote(body))"
            default: return "\(name) in [\(v), \(pick(vs))]"
            }
        case .scalar(.dateTime):
            return "\(name) \(pick(["<", ">=", ">"])) \(pick(vs))"
        default:
            return "\(name) \(pick(["==", "!=", "<", "<=", ">", ">="])) \(pick(vs))"
        }
    }

    func condition(_ m: Model, depth: Int = 0) -> String {
        let toOne = relations(m, .toOne), toMany = relations(m, .toMany)
        let r = Double.random(in: 0..<1, using: &rng)
        if r < 0.5 || depth > 1 { return fieldCondition(m) }
        if r < 0.7, !toOne.isEmpty {
            let (rel, target) = pick(toOne)
            if chance(0.3), !relations(target, .toOne).isEmpty {
                let (rel2, target2) = pick(relations(target, .toOne))
                return fieldCondition(target2, prefix: rel.name + "." + rel2.name + ".")
            }
            return fieldCondition(target, prefix: rel.name + ".")
        }
        if !toMany.isEmpty {
            var (rel, target) = pick(toMany)
            var path = rel.name
            // Sometimes through a second to-many step: `count(orders.lines)`.
            if chance(0.3), let (rel2, target2) = relations(target, .toMany).randomElement(using: &rng) {
                path += "." + rel2.name
                target = target2
            }
            // Issue 13 B: conditional aggregates over the relation, and `in (query)`.
            if chance(0.2), let nf = comparable(target).filter(numeric).randomElement(using: &rng) {
                return "\(pick(["sum", "max", "median", "count_distinct"]))(\(path).\(nf.name) where \(condition(target, depth: depth + 1))) is not null"
            }
            if chance(0.15) {
                return "id \(pick(["in", "not in"])) (\(m.name) | where \(condition(m, depth: depth + 1)) | select id)"
            }
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: return "count(\(path)) \(pick([">", ">=", "=="])) \(Int.random(in: 0...5, using: &rng))"
            case 1: return "any(\(path) where \(condition(target, depth: depth + 1)))"
            case 2: return "count(\(path) where \(condition(target, depth: depth + 1))) >= 1"
            default: return "any(\(path))"
            }
        }
        return fieldCondition(m)
    }

    enum Shape { case rows, projected }

    /// A query and whether it returns raw model rows (with `id`).
    func query() -> (source: String, shape: Shape, parameters: [String: String]) {
        declarations = []
        parameters = [:]
        let (body, shape) = pipeline()
        return ((declarations + [body]).joined(separator: "\n"), shape, parameters)
    }

    func pipeline() -> (source: String, shape: Shape) {
        let m = pick(models)
        var parts = [m.name]
        for _ in 0..<Int.random(in: 0...2, using: &rng) {
            var c = condition(m)
            if chance(0.25) { c = "(\(c)) \(pick(["and", "or"])) \(condition(m))" }
            if chance(0.1) { c = "not (\(c))" }
            parts.append("where " + c)
        }
        let fields = comparable(m)
        if chance(0.3) {
            let f = pick(fields)
            parts.append("sort \(f.name)\(chance(0.5) ? " desc" : ""), id")
            // Both orders: `skip | take` and `take | skip` (the latter once put OFFSET outside the
            // ordered subquery; see skipAfterTake).
            let skip = "skip \(Int.random(in: 0...5, using: &rng))"
            let skipFirst = chance(0.5)
            if chance(0.3), skipFirst { parts.append(skip) }
            parts.append("take \(Int.random(in: 1...25, using: &rng))")
            if chance(0.3), !skipFirst { parts.append(skip) }
            // top-N per group in the order of that sort
            if chance(0.3), let k = fields.filter(groupable).randomElement(using: &rng) {
                parts.append("take \(Int.random(in: 1...3, using: &rng)) by \(k.name)")
            }
        }
        // windows on model rows: the row stays the model's (paths, id), a later where nests
        if chance(0.25) {
            let keys = fields.filter(groupable), nums = fields.filter(numeric)
            let by = keys.isEmpty || chance(0.3) ? "" : "by \(pick(keys).name) "
            switch Int.random(in: 0..<3, using: &rng) {
            case 0:
                parts.append("derive w: \(pick(["row_number", "rank", "dense_rank"]))() over (\(by)sort \(pick(fields).name) desc, id)")
                if chance(0.5) { parts.append("where w <= \(Int.random(in: 1...3, using: &rng))") }
            case 1 where !nums.isEmpty:
                let n = pick(nums).name
                parts.append("derive w: \(pick(["sum", "max", "count"]))(\(n)) over (\(by)\(chance(0.5) ? "sort \(pick(fields).name), id" : ""))")
            default:
                parts.append("derive w: \(pick(["lag", "lead", "first", "last"]))(\(pick(fields).name)) over (\(by)sort \(pick(fields).name), id)")
            }
        }
        switch Int.random(in: 0..<6, using: &rng) {
        case 0, 1:
            return (parts.joined(separator: " | "), .rows)
        case 2:
            var items = (0..<Int.random(in: 1...3, using: &rng)).map { _ in pick(fields).name }
            items = Array(Set(items)).sorted()
            let toOne = relations(m, .toOne), toMany = relations(m, .toMany)
            if chance(0.5), !toOne.isEmpty {
                let (rel, target) = pick(toOne)
                let tf = comparable(target)
                items.append(chance(0.5) ? "via: \(rel.name).\(pick(tf).name)" : "\(rel.name) { \(pick(tf).name) }")
            }
            if chance(0.5), !toMany.isEmpty {
                let (rel, target) = pick(toMany)
                let tf = comparable(target)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: items.append("n: count(\(rel.name))")
                case 1:
                    let nums = tf.filter(numeric)
                    items.append(nums.isEmpty ? "n: count(\(rel.name) where \(condition(target, depth: 1)))"
                                              : "agg: \(pick(["sum", "min", "max"]))(\(rel.name).\(pick(nums).name))")
                case 2:
                    var inner = [pick(tf).name]
                    if let (r2, t2) = relations(target, .toOne).randomElement(using: &rng) { inner.append("\(r2.name).\(pick(comparable(t2)).name)") }
                    if let (r3, _) = relations(target, .toMany).randomElement(using: &rng) { inner.append("k: count(\(r3.name))") }
                    items.append("\(rel.name) { \(Array(Set(inner)).sorted().joined(separator: ", ")) }")
                default: items.append("\(rel.name) { \(pick(tf).name) }")
                }
            }
            // `distinct` over a shape is a known compiler bug (json has no equality operator): see
            // IsolationTests.distinctOverShape; the generator keeps it to shape-free selects.
            let hasShape = items.contains { $0.contains("{") }
            if !hasShape, chance(0.2) { parts.append("select " + items.joined(separator: ", ")); parts.append("distinct"); return (parts.joined(separator: " | "), .projected) }
            // append: the same columns from the same model under another condition (every
            // branch carries its own tenant predicate), sometimes as a set union
            if !hasShape, chance(0.2) {
                let list = items.joined(separator: ", ")
                parts.append("select " + list)
                parts.append("append (\(m.name) | where \(condition(m)) | select \(list))")
                if chance(0.3) { parts.append("distinct") }
                return (parts.joined(separator: " | "), .projected)
            }
            parts.append("select " + items.joined(separator: ", "))
        case 3:
            let keys = fields.filter(groupable)
            let nums = fields.filter(numeric)
            if keys.isEmpty { parts.append("count"); break }
            var agg = ["n: count()"]
            if let nf = nums.isEmpty ? nil : pick(nums) { agg.append("s: sum(\(nf.name))"); agg.append("mx: max(\(nf.name))") }
            if chance(0.4) { agg.append("c: count(where \(condition(m, depth: 1)))") }
            if chance(0.3), let nf = nums.randomElement(using: &rng) {
                agg.append("f: \(pick(["sum", "avg", "median", "stddev", "count_distinct"]))(\(nf.name) where \(condition(m, depth: 1)))")
            }
            parts.append("group by \(pick(keys).name) aggregate " + agg.joined(separator: ", "))
            if chance(0.3) { parts.append("where n > \(Int.random(in: 0...3, using: &rng))") }
        case 4:
            let nums = fields.filter(numeric)
            parts.append(nums.isEmpty ? "aggregate n: count()" : "aggregate n: count(), s: sum(\(pick(nums).name))")
        default:
            parts.append("count")
        }
        return (parts.joined(separator: " | "), .projected)
    }
}

@Suite(.serialized)
struct IsolationTests {
    /// Found by the generator: `select` with a shape then `distinct` compiles to `SELECT DISTINCT`
    /// over a `json` column, which PostgreSQL refuses (42883: no equality operator for type json).
    /// The compiler should use jsonb for shapes under DISTINCT, or refuse the query with a diagnostic.
    /// Found by the generator (seed 11, query 2867): `sort … | take n | skip m` once put OFFSET on
    /// an outer query without ORDER BY, so which rows were skipped depended on the plan. Now the
    /// OFFSET sits in the same block as the ORDER BY.
    @Test("take then skip keeps the sort order")
    func skipAfterTake() throws {
        let sql = try #require(Security.compile("Order | sort number | take 10 | skip 5 | select number").program?.statements.last?.sql)
        let outer = sql.text.components(separatedBy: ") AS ").last ?? ""
        #expect(!outer.contains("OFFSET") || outer.contains("ORDER BY"), "\(sql.text)")
    }

    /// Found by the generator: DISTINCT over a `json` shape column fails in PostgreSQL (42883).
    /// The checker now refuses it (E0231) instead of emitting SQL that cannot run.
    @Test("distinct over a shape is refused at compile time")
    func distinctOverShape() throws {
        for source in ["Payment | select id, invoice { customerId } | distinct",
                       "Customer | take 3 | select name, orders { number } | distinct"] {
            let result = Security.compile(source)
            #expect(result.program == nil, "\(source)")
            #expect(result.diagnostics.contains { $0.code.code == "E0231" }, "\(source)")
        }
    }

    static var seed: UInt64 { ProcessInfo.processInfo.environment["LQL_ISOLATION_SEED"].flatMap(UInt64.init) ?? 20261122 }
    static var count: Int { ProcessInfo.processInfo.environment["LQL_ISOLATION_COUNT"].flatMap(Int.init) ?? 2000 }

    static func multiset(_ rows: [[String?]]) -> [String] {
        rows.map { $0.map { $0 ?? "\u{0}NULL" }.joined(separator: "\u{1}") }.sorted()
    }

    @Test("random well-typed queries: the compiler's own predicates isolate every tenant")
    func isolation() throws {
        let pg = try LeoraCluster.shared()
        try IsolationProperty(catalog: Security.catalog, readerURL: pg.readerURL, ownerURL: pg.ownerURL, scope: TenantScope(),
                              tenants: LeoraCluster.tenants, seed: IsolationTests.seed, count: IsolationTests.count,
                              auditScopes: nil, label: "isolation").run()
    }

    /// The same property over the helpdesk example (an lql.toml: uuid keys, Message through its
    /// ticket, implicit many-to-many relations the generator follows like any to-many one).
    @Test("random well-typed queries isolate every organization of the helpdesk example")
    func helpdeskIsolation() throws {
        let db = try HelpdeskCluster.shared()
        let count = ProcessInfo.processInfo.environment["LQL_ISOLATION_COUNT"].flatMap(Int.init).map { max(1, $0 / 4) } ?? 500
        try IsolationProperty(catalog: db.catalog, readerURL: db.readerURL, ownerURL: db.ownerURL, scope: db.scope,
                              tenants: HelpdeskCluster.tenants, seed: IsolationTests.seed, count: count,
                              auditScopes: Security.auditScopes(db.catalog), label: "helpdesk isolation").run()
    }
}
