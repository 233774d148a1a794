import LQL

/// Random well-typed LQL pipelines over a catalog, for PipelineFuzzTests: a queryable model,
/// then up to six stages — where, sort, take, skip, derive (plain, `case`, windows), select,
/// group … aggregate, aggregate, count, distinct, take … by, append — each using only names
/// the rows have at that point, with values of their types. The checker may still refuse a
/// few (that is allowed); what the server is sent must run.
struct PipelineGenerator {
    enum Kind: Hashable {
        case number, integer, text, boolean, date, timestamp
        case enumeration(String)
    }

    /// A name or expression usable in the current rows, with its kind.
    struct Value {
        var text: String
        var kind: Kind
        var optional: Bool
    }

    private var rng: FuzzTests.SplitMix
    let catalog: Catalog
    let models: [Model]
    private var fresh = 0

    init(catalog: Catalog, seed: UInt64) {
        self.catalog = catalog
        rng = FuzzTests.SplitMix(state: seed)
        models = catalog.queryableModels.filter { !$0.isView }
    }

    // MARK: randomness

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    mutating func name(_ stem: String) -> String {
        fresh += 1
        return "\(stem)\(fresh)"
    }

    // MARK: the schema

    static func kind(of type: LQLType) -> Kind? {
        guard !type.isList else { return nil }
        switch type.base {
        case .int, .bigInt: return .integer
        case .decimal, .float: return .number
        case .string: return .text
        case .boolean: return .boolean
        case .date: return .date
        case .dateTime: return .timestamp
        case .enumeration(let e): return .enumeration(e)
        default: return nil
        }
    }

    func scalars(of model: Model, prefix: String = "") -> [Value] {
        model.columnFields.compactMap { f in
            guard !f.isForbidden, let t = LQLType(field: f), let k = Self.kind(of: t) else { return nil }
            return Value(text: prefix + f.name, kind: k, optional: t.isOptional || !prefix.isEmpty)
        }
    }

    /// The model's fields and those one to-one step away (`customer.name`).
    func rowValues(of model: Model) -> [Value] {
        var values = scalars(of: model)
        for f in model.relationFields where !f.isForbidden && !f.isList {
            guard let r = f.relation, r.cardinality == .toOne, let target = catalog.model(named: r.targetModel),
                  !target.isTenantRoot, catalog.canStartQuery(target) else { continue }
            values += scalars(of: target, prefix: f.name + ".").prefix(4)
        }
        return values
    }

    // MARK: expressions

    static func isNumeric(_ k: Kind) -> Bool { k == .number || k == .integer }

    mutating func literal(_ kind: Kind) -> String {
        switch kind {
        case .integer: return String(int(-5...500))
        case .number: return pick(["0", "1.5", "100", "-2.25", "999.99", "-(-3)"])
        case .text: return pick(["\"a\"", "\"North\"", "\"\"", "\"it's\"", "\"x\\ny\"", "\"%\"", "\"_\""])
        case .boolean: return pick(["true", "false"])
        case .date: return pick(["@2024-01-01", "@2025-06-30", "@2023-02-28"])
        case .timestamp: return pick(["@2024-01-01T00:00:00Z", "@2025-03-01T12:30:00+02:00", "@2024-12-31T23:59:59-14:00"])
        case .enumeration(let e):
            let values = catalog.enumType(named: e)?.values.map(\.name) ?? []
            return values.isEmpty ? "null" : e + "." + pick(values)
        }
    }

    /// A boolean expression over `values`.
    mutating func condition(_ values: [Value], depth: Int = 0) -> String {
        if depth < 2 && chance(0.25) {
            let a = condition(values, depth: depth + 1), b = condition(values, depth: depth + 1)
            return pick(["(\(a)) and (\(b))", "(\(a)) or (\(b))", "not (\(a))"])
        }
        guard !values.isEmpty else { return "true" }
        let v = pick(values)
        if v.optional && chance(0.2) { return "\(v.text) is \(chance(0.5) ? "not " : "")null" }
        switch v.kind {
        case .integer, .number:
            switch int(0...4) {
            case 0: return "\(v.text) in \(literal(.integer))..\(int(500...900))"
            case 1: return "\(v.text) * 2 > \(literal(v.kind))"
            case 2: return "\(v.text) in [\(literal(.integer)), \(literal(.integer))]"
            case 3: return "-\(v.text) < \(literal(v.kind))"
            default: return "\(v.text) \(pick([">", "<", ">=", "<=", "==", "!="])) \(literal(v.kind))"
            }
        case .text:
            switch int(0...3) {
            case 0: return "\(v.text) ~ \(literal(.text))"
            case 1: return "\(v.text) in [\(literal(.text)), \(literal(.text))]"
            case 2: return "(\(v.text) ?? \"\") != \(literal(.text))"
            default: return "\(v.text) \(pick(["==", "!=", "<", ">="])) \(literal(.text))"
            }
        case .boolean: return chance(0.5) ? v.text : "\(v.text) == \(literal(.boolean))"
        case .date: return "\(v.text) \(pick([">=", "<", "=="])) \(literal(.date))"
        case .timestamp:
            return chance(0.3) ? "\(v.text) > \(literal(.timestamp)) - \(int(1...400)) days"
                : "\(v.text) \(pick([">=", "<"])) \(literal(.timestamp))"
        case .enumeration:
            return chance(0.5) ? "\(v.text) in [\(literal(v.kind)), \(literal(v.kind))]" : "\(v.text) \(pick(["==", "!="])) \(literal(v.kind))"
        }
    }

    /// A new value computed from `values`: arithmetic, coalesce, `case`, a cast to text.
    mutating func computed(_ values: [Value]) -> Value? {
        let numbers = values.filter { Self.isNumeric($0.kind) }
        switch int(0...4) {
        case 0 where !numbers.isEmpty:
            let n = pick(numbers)
            return Value(text: "\(n.text) \(pick(["+", "-", "*"])) \(literal(n.kind))", kind: n.kind, optional: n.optional)
        case 1 where !numbers.isEmpty:
            let n = pick(numbers)
            return Value(text: "\(n.text) ?? \(literal(n.kind))", kind: n.kind, optional: false)
        case 2 where !values.isEmpty:
            return Value(text: "case when \(condition(values)) then \(literal(.integer)) when \(condition(values)) then -(-1) else 0 end",
                         kind: .integer, optional: false)
        case 3 where !values.isEmpty:
            let v = pick(values)
            return Value(text: "string(\(v.text))", kind: .text, optional: v.optional)
        default:
            return numbers.isEmpty ? nil : Value(text: "round(\(pick(numbers).text) * 1.5, 1)", kind: .number, optional: true)
        }
    }

    /// A window over the rows: ranking, offset or a windowed aggregate.
    mutating func window(_ values: [Value]) -> Value? {
        let sortable = values.filter { $0.kind != .boolean }
        guard let key = sortable.isEmpty ? nil : pick(sortable) else { return nil }
        let partition = chance(0.5) ? "by \(pick(values).text) " : ""
        let order = "sort \(key.text)\(chance(0.5) ? " desc" : "")"
        let numbers = values.filter { Self.isNumeric($0.kind) }
        switch int(0...3) {
        case 0: return Value(text: "row_number() over (\(partition)\(order))", kind: .integer, optional: false)
        case 1: return Value(text: "\(pick(["rank", "dense_rank"]))() over (\(partition)\(order))", kind: .integer, optional: false)
        case 2 where !numbers.isEmpty:
            let n = pick(numbers)
            return Value(text: "lag(\(n.text)) over (\(partition)\(order))", kind: n.kind, optional: true)
        default:
            guard !numbers.isEmpty else { return nil }
            return Value(text: "\(pick(["sum", "avg", "max"]))(\(pick(numbers).text)) over (\(partition.isEmpty ? "" : String(partition.dropLast())))",
                         kind: .number, optional: true)
        }
    }

    // MARK: pipelines

    /// Where the rows are: a model's (with what `derive` added) or named output columns.
    enum Rows {
        case model(Model, derived: [Value])
        case columns([Value])
    }

    func available(_ rows: Rows) -> [Value] {
        switch rows {
        case .model(let m, let derived): rowValues(of: m) + derived
        case .columns(let c): c
        }
    }

    mutating func pipeline() -> String {
        let model = pick(models)
        var text = model.name
        var rows = Rows.model(model, derived: [])
        var sorted = false
        for _ in 0..<int(1...6) {
            let values = available(rows)
            guard !values.isEmpty else { break }
            let roll = int(0...13)
            switch roll {
            case 0, 1:
                text += " | where \(condition(values))"
            case 2:
                let keys = (0..<int(1...2)).map { _ in pick(values) }.map { v -> String in
                    let key = Self.isNumeric(v.kind) && chance(0.4) ? "\(v.text) * 2" : v.text
                    return key + (chance(0.5) ? " desc" : "")
                }
                text += " | sort " + keys.joined(separator: ", ")
                sorted = true
            case 3:
                text += " | take \(int(0...20))"
            case 4:
                text += " | skip \(int(0...5))"
            case 5, 6:
                let made = (roll == 5 ? computed(values) : window(values))
                guard let made else { continue }
                let n = name("d")
                text += " | derive \(n): \(made.text)"
                switch rows {
                case .model(let m, let d): rows = .model(m, derived: d + [Value(text: n, kind: made.kind, optional: made.optional)])
                case .columns(let c): rows = .columns(c + [Value(text: n, kind: made.kind, optional: made.optional)])
                }
            case 7, 8:
                var items: [(String, Value)] = []
                for _ in 0..<int(1...3) {
                    let v = chance(0.3) ? (computed(values) ?? pick(values)) : pick(values)
                    items.append((name("c"), v))
                }
                text += " | select " + items.map { "\($0.0): \($0.1.text)" }.joined(separator: ", ")
                let columns = items.map { Value(text: $0.0, kind: $0.1.kind, optional: $0.1.optional) }
                if case .model(let m, _) = rows, chance(0.3) {
                    text += " | append (\(m.name) | where \(condition(rowValues(of: m))) | select "
                        + items.map { "\($0.0): \($0.1.text)" }.joined(separator: ", ") + ")"
                    sorted = false
                }
                rows = .columns(columns)
            case 9, 10:
                let keyValues = values.filter { $0.kind != .number }
                guard !keyValues.isEmpty else { continue }
                let key = pick(keyValues), keyName = name("k")
                var out = [Value(text: keyName, kind: key.kind, optional: key.optional)]
                var aggregates = ["n: count()"]
                out.append(Value(text: "n", kind: .integer, optional: false))
                let numbers = values.filter { Self.isNumeric($0.kind) }
                if let num = numbers.isEmpty ? nil : pick(numbers) {
                    let f = pick(["sum", "avg", "min", "max", "median", "stddev"]), a = name("a")
                    aggregates.append("\(a): \(f)(\(num.text)\(chance(0.3) ? " where \(condition(values))" : ""))")
                    out.append(Value(text: a, kind: .number, optional: true))
                }
                if chance(0.4) {
                    let c = name("u")
                    aggregates.append("\(c): count_distinct(\(pick(values).text))")
                    out.append(Value(text: c, kind: .integer, optional: false))
                }
                text += roll == 9 ? " | group by \(keyName): \(key.text) aggregate " + aggregates.joined(separator: ", ")
                    : " | aggregate " + aggregates.joined(separator: ", ")
                rows = .columns(roll == 9 ? out : Array(out.dropFirst()))
                sorted = false
            case 11:
                text += " | count"
                rows = .columns([Value(text: "count", kind: .integer, optional: false)])
                sorted = false
            case 12:
                if case .columns = rows { text += " | distinct" }
            default:
                guard sorted else { continue }
                text += " | take \(int(1...3)) by \(pick(values.filter { $0.kind != .number }.map(\.text) + [values[0].text]))"
            }
        }
        return text
    }
}
