import LQLDiagnostics

/// The Prisma schema as written, before names are resolved: what the parser produces and the
/// catalog builder consumes.
struct PSLSchema: Sendable {
    var datasources: [PSLConfigBlock] = []
    var generators: [PSLConfigBlock] = []
    /// `model` and `view` blocks, in order.
    var models: [PSLModel] = []
    var enums: [PSLEnum] = []
    /// `type` blocks (MongoDB composite types): parsed so their names are known, otherwise ignored.
    var compositeTypes: [PSLModel] = []
}

/// `datasource db { provider = "postgresql" ... }` and `generator client { ... }`.
struct PSLConfigBlock: Sendable {
    var name: String
    var properties: [PSLProperty]
    var span: Span

    func property(_ key: String) -> PSLExpression? { properties.first { $0.key == key }?.value }
}

struct PSLProperty: Sendable {
    var key: String
    var value: PSLExpression
    var span: Span
}

struct PSLModel: Sendable {
    var name: String
    var nameSpan: Span
    var isView: Bool
    var fields: [PSLField]
    /// `@@…` attributes.
    var attributes: [PSLAttribute]
    var documentation: String?
    var span: Span

    func attribute(_ name: String) -> PSLAttribute? { attributes.first { $0.name == name } }
}

struct PSLField: Sendable {
    var name: String
    var nameSpan: Span
    /// The type name as written (`String`, `Customer`); for `Unsupported("x")` it is `Unsupported`.
    var typeName: String
    var typeSpan: Span
    var isOptional: Bool
    var isList: Bool
    /// The text inside `Unsupported("…")`.
    var unsupportedType: String?
    var attributes: [PSLAttribute]
    var documentation: String?
    var span: Span

    func attribute(_ name: String) -> PSLAttribute? { attributes.first { $0.name == name } }
}

struct PSLEnum: Sendable {
    var name: String
    var nameSpan: Span
    var values: [PSLEnumValue]
    var attributes: [PSLAttribute]
    var documentation: String?
    var span: Span

    func attribute(_ name: String) -> PSLAttribute? { attributes.first { $0.name == name } }
}

struct PSLEnumValue: Sendable {
    var name: String
    var attributes: [PSLAttribute]
    var documentation: String?
    var span: Span
}

/// `@default(uuid())`, `@@index([a, b], map: "x")`, `@db.Decimal(12, 2)`.
struct PSLAttribute: Sendable {
    /// Without `@`/`@@`.
    var name: String
    var isBlock: Bool
    var arguments: [PSLArgument]
    var span: Span

    /// The argument given by name, or else the positional one at `position`.
    func argument(_ name: String, position: Int? = nil) -> PSLExpression? {
        if let named = arguments.first(where: { $0.name == name }) { return named.value }
        guard let position else { return nil }
        let positional = arguments.filter { $0.name == nil }
        return position < positional.count ? positional[position].value : nil
    }
}

struct PSLArgument: Sendable {
    var name: String?
    var value: PSLExpression
    var span: Span
}

struct PSLExpression: Sendable {
    indirect enum Kind: Sendable {
        case string(String)
        case number(String)
        /// Also `true`, `false`, dotted names and field references.
        case identifier(String)
        case array([PSLExpression])
        case call(String, [PSLArgument])
        /// Left where a value could not be parsed; diagnostics already report why.
        case invalid
    }
    var kind: Kind
    var span: Span

    var stringValue: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    /// `[a, b]` → ["a", "b"]; a lone `a` → ["a"]; strings are taken by their contents.
    var nameList: [(name: String, span: Span)] {
        switch kind {
        case .array(let items): return items.flatMap { $0.nameList }
        case .identifier(let n), .string(let n): return [(n, span)]
        case .call(let n, _): return [(n, span)]
        default: return []
        }
    }
}
