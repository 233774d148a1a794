import LQLSchema

/// The type of an LQL value: a Prisma scalar or enum, plus `Date` and `Duration` (from literals
/// and date functions), with list and optional flags.
public struct LQLType: Hashable, Sendable, CustomStringConvertible {
    public enum Base: Hashable, Sendable {
        case string, int, bigInt, float, decimal, boolean, dateTime, json, bytes
        /// A calendar day: `@2025-01-01`, `today()`, `date(x)`.
        case date
        /// An interval: `30 days`, `age(x)`, `a - b` of two DateTimes.
        case duration
        /// A Prisma enum, by its Prisma name.
        case enumeration(String)
        /// The type of the `null` literal: fits any optional type.
        case null
        /// An expression that already has an error: fits everything, so one mistake is reported once.
        case error
    }

    public var base: Base
    public var isList: Bool
    public var isOptional: Bool

    public init(_ base: Base, isList: Bool = false, isOptional: Bool = false) {
        self.base = base
        self.isList = isList
        self.isOptional = isOptional
    }

    public static let string = LQLType(.string)
    public static let int = LQLType(.int)
    public static let bigInt = LQLType(.bigInt)
    public static let float = LQLType(.float)
    public static let decimal = LQLType(.decimal)
    public static let boolean = LQLType(.boolean)
    public static let dateTime = LQLType(.dateTime)
    public static let date = LQLType(.date)
    public static let duration = LQLType(.duration)
    public static let json = LQLType(.json)
    public static let null = LQLType(.null, isOptional: true)
    public static let error = LQLType(.error)

    public var optional: LQLType { var t = self; t.isOptional = true; return t }
    public var required: LQLType { var t = self; t.isOptional = false; return t }
    public var element: LQLType { var t = self; t.isList = false; return t }
    public var list: LQLType { var t = self; t.isList = true; return t }

    public var isError: Bool { base == .error }
    public var isNull: Bool { base == .null }

    /// Int < BigInt < Decimal < Float: the order of numeric promotion.
    public var numericRank: Int? {
        guard !isList else { return nil }
        switch base {
        case .int: return 0
        case .bigInt: return 1
        case .decimal: return 2
        case .float: return 3
        default: return nil
        }
    }
    public var isNumeric: Bool { numericRank != nil }
    public var isTemporal: Bool { !isList && (base == .dateTime || base == .date) }
    public var isString: Bool { !isList && base == .string }
    public var isBoolean: Bool { !isList && base == .boolean }
    public var isInteger: Bool { !isList && (base == .int || base == .bigInt) }
    public var enumName: String? {
        if case .enumeration(let n) = base { return n }
        return nil
    }

    public var baseName: String {
        switch base {
        case .string: "String"
        case .int: "Int"
        case .bigInt: "BigInt"
        case .float: "Float"
        case .decimal: "Decimal"
        case .boolean: "Boolean"
        case .dateTime: "DateTime"
        case .json: "Json"
        case .bytes: "Bytes"
        case .date: "Date"
        case .duration: "Duration"
        case .enumeration(let n): n
        case .null: "null"
        case .error: "<error>"
        }
    }

    /// As written in a `param` declaration: `DateTime`, `String[]`, `Int?`.
    public var description: String {
        if base == .null { return "null" }
        return baseName + (isList ? "[]" : "") + (isOptional ? "?" : "")
    }

    /// The type of a catalog field (nil for relations and unsupported types).
    public init?(field: Field) {
        switch field.type {
        case .scalar(let s): self.init(LQLType.base(of: s), isList: field.isList, isOptional: field.isOptional)
        case .enumeration(let e): self.init(.enumeration(e), isList: field.isList, isOptional: field.isOptional)
        case .relation, .unsupported: return nil
        }
    }

    public static func base(of scalar: ScalarType) -> Base {
        switch scalar {
        case .string: .string
        case .int: .int
        case .bigInt: .bigInt
        case .float: .float
        case .decimal: .decimal
        case .boolean: .boolean
        case .dateTime: .dateTime
        case .json: .json
        case .bytes: .bytes
        }
    }

    /// A type name as written in a `param` declaration; nil when it names nothing.
    public static func named(_ name: String, catalog: Catalog) -> Base? {
        switch name {
        case "Date": return .date
        case "Duration": return .duration
        default:
            if let s = ScalarType(rawValue: name) { return base(of: s) }
            if catalog.enumType(named: name) != nil { return .enumeration(name) }
            return nil
        }
    }

    /// Every type name a `param` may use, for did-you-mean.
    public static func typeNames(catalog: Catalog) -> [String] {
        ScalarType.allCases.map(\.rawValue) + ["Date", "Duration"] + catalog.enums.map(\.name)
    }
}
