import LQL
import Testing

/// One expected diagnostic: the source marks its position with `1️⃣`.
struct DiagnosticCase: CustomTestStringConvertible, Sendable {
    var marked: String
    var code: DiagnosticCode
    /// A substring of one of the hints ("" = no hint required).
    var hint: String
    var message: String = ""
    var parameters: [String: String] = [:]
    var testDescription: String { "\(code.code): \(marked)" }
}

/// Removes the `1️⃣` marker and returns the source and the marker's UTF-8 offset.
func unmark(_ marked: String) -> (text: String, offset: Int) {
    guard let r = marked.range(of: "1️⃣") else { return (marked, -1) }
    return (marked.replacingCharacters(in: r, with: ""), marked[..<r.lowerBound].utf8.count)
}

struct CheckDiagnosticTests {
    static let cases: [DiagnosticCase] = [
        // unknown names
        .init(marked: "1️⃣Ordr | count", code: .unknownModel, hint: "did you mean `Order`"),
        .init(marked: "1️⃣Xyzzyq | count", code: .unknownModel, hint: "models: "),
        .init(marked: "Order | where 1️⃣totl > 3", code: .unknownField, hint: "did you mean `total`"),
        .init(marked: "Order | select 1️⃣qqqqqqqq", code: .unknownField, hint: "`Order` has: id, number"),
        .init(marked: "Order | select customer.1️⃣nme", code: .unknownField, hint: "`name`"),
        .init(marked: "Order | select number.1️⃣foo", code: .unknownField, hint: "", message: "not a relation"),
        .init(marked: "Order | where status == 1️⃣PENDNG", code: .unknownEnumValue, hint: "`PENDING`"),
        .init(marked: "Order | where status == OrderStatus.1️⃣NOPE", code: .unknownEnumValue, hint: "values: DRAFT"),
        .init(marked: "Order | select 1️⃣lowr(number)", code: .unknownFunction, hint: "`lower`"),
        .init(marked: "Order | where total > 1️⃣$mni\nparam x: Int = 1", code: .unknownParameter, hint: "declare it"),
        .init(marked: "param x: 1️⃣Strng = \"a\"\nOrder | count", code: .unknownType, hint: "`String`"),
        .init(marked: "Order | select number | where 1️⃣total > 1", code: .notAColumn, hint: "only their columns: number"),
        .init(marked: "Order | select number | sort 1️⃣customer.name", code: .notAColumn, hint: "select it in the earlier stage"),
        // types
        .init(marked: "Order | where 1️⃣total == \"x\"", code: .typeMismatch, hint: "", message: "is Decimal but `\"x\"` is String"),
        .init(marked: "Order | where 1️⃣status == \"PENDING\"", code: .typeMismatch, hint: "without quotes: `PENDING`"),
        .init(marked: "Order | where 1️⃣orderDate > 5", code: .typeMismatch, hint: "", message: "DateTime"),
        .init(marked: "Order | where number ~ 1️⃣5", code: .typeMismatch, hint: "", message: "`~` matches text"),
        .init(marked: "Order | where status in [PENDING, 1️⃣3]", code: .typeMismatch, hint: ""),
        .init(marked: "Order | select x: 1️⃣number * 2", code: .typeMismatch, hint: "", message: "cannot apply `*`"),
        .init(marked: "Order | where 1️⃣deliveryDate == null", code: .compareWithNull, hint: "write `deliveryDate is null`"),
        .init(marked: "Order | where 1️⃣deliveryDate != null", code: .compareWithNull, hint: "write `deliveryDate is not null`"),
        .init(marked: "Order | where 1️⃣total", code: .nonBooleanCondition, hint: "compare it"),
        .init(marked: "Order | select 1️⃣lower(number, number)", code: .wrongArity, hint: "usage: `lower(text)`"),
        .init(marked: "Order | select 1️⃣round()", code: .wrongArity, hint: "round(x, digits)"),
        .init(marked: "Order | select lower(1️⃣total)", code: .typeMismatch, hint: "", message: "needs text"),
        .init(marked: "Order | select trunc(orderDate, 1️⃣\"mnth\")", code: .invalidArgument, hint: "`month`"),
        .init(marked: "Order | select trunc(orderDate, 1️⃣number)", code: .invalidArgument, hint: "units: "),
        // relations
        .init(marked: "Customer | select 1️⃣orders", code: .toManyAsScalar, hint: "`count(orders)`"),
        .init(marked: "Customer | where 1️⃣orders.total > 5", code: .toManyAsScalar, hint: "`any(orders where …)`"),
        // an aggregate over a broken path reports the path, not "needs a grouping"
        .init(marked: "Customer | select x: count(orders.customer.1️⃣orders)", code: .toManyAsScalar, hint: "follow one another",
              message: "a second one"),
        .init(marked: "Customer | select x: orders.1️⃣lines.quantity", code: .toManyAsScalar, hint: "`sum(orders.lines.quantity)`"),
        .init(marked: "Customer | select x: max(salesRep.1️⃣fullNme)", code: .unknownField, hint: "`fullName`"),
        .init(marked: "Order | select 1️⃣customer", code: .relationAsValue, hint: "customer { "),
        .init(marked: "Order | select any(1️⃣number)", code: .misplacedCollection, hint: ""),
        .init(marked: "Customer | select sum(1️⃣orders)", code: .misplacedCollection, hint: ""),
        .init(marked: "Customer | select 1️⃣all(orders)", code: .misplacedCollection, hint: ""),
        .init(marked: "Order | select 1️⃣count(number where total > 1)", code: .aggregateOutsideGrouping, hint: "orders.total where"),
        .init(marked: "Order | select 1️⃣number { x }", code: .invalidShape, hint: "select it directly"),
        .init(marked: "Order | select number | select 1️⃣customer { name }", code: .invalidShape, hint: "first `select`"),
        // aggregates
        .init(marked: "Order | select 1️⃣sum(total)", code: .aggregateOutsideGrouping, hint: "aggregate name: sum"),
        .init(marked: "Order | where 1️⃣count() > 1", code: .aggregateOutsideGrouping, hint: ""),
        .init(marked: "Order | aggregate n: count(), s: 1️⃣status", code: .nonAggregate, hint: "move it to `group by`"),
        .init(marked: "Order | group by status aggregate x: 1️⃣total", code: .nonAggregate, hint: ""),
        .init(marked: "Order | aggregate x: sum(1️⃣count())", code: .nestedAggregate, hint: ""),
        .init(marked: "Order | aggregate x: sum(1️⃣number)", code: .typeMismatch, hint: "numbers", message: ""),
        // take / skip
        .init(marked: "Order | take 1️⃣-1", code: .invalidLimit, hint: "take 20"),
        .init(marked: "Order | skip 1️⃣2.5", code: .invalidLimit, hint: ""),
        .init(marked: "param s: String = \"a\"\nOrder | take 1️⃣$s", code: .invalidLimit, hint: ""),
        .init(marked: "param n: Int\nOrder | take 1️⃣$n", code: .invalidLimit, hint: "", parameters: ["n": "-3"]),
        // refused fields, in every position
        .init(marked: "User | select 1️⃣hashedPassword", code: .forbiddenField, hint: "", message: "lql refuses"),
        .init(marked: "Order | where 1️⃣tenantId == \"x\"", code: .forbiddenField, hint: "only the current tenant"),
        .init(marked: "Order | select 1️⃣tenant", code: .forbiddenField, hint: ""),
        .init(marked: "Order | select salesRep.1️⃣hashedPassword", code: .forbiddenField, hint: ""),
        .init(marked: "Order | select salesRep { fullName, 1️⃣hashedPassword }", code: .forbiddenField, hint: ""),
        .init(marked: "User | sort 1️⃣hashedPassword", code: .forbiddenField, hint: ""),
        .init(marked: "User | group by 1️⃣tenantId", code: .forbiddenField, hint: ""),
        .init(marked: "Role | select m: max(users.1️⃣hashedPassword)", code: .forbiddenField, hint: ""),
        .init(marked: "Role | where any(users where 1️⃣hashedPassword == \"x\")", code: .forbiddenField, hint: ""),
        .init(marked: "PortalSession | where 1️⃣token ~ \"a\"", code: .forbiddenField, hint: ""),
        .init(marked: "IntegrationToken | select provider, 1️⃣refreshToken", code: .forbiddenField, hint: ""),
        .init(marked: "Customer | select 1️⃣tenant { name }", code: .forbiddenField, hint: ""),
        .init(marked: "1️⃣Tenant | count", code: .unqueryableModel, hint: ""),
        // parameters, lets, definitions
        .init(marked: "param n: Int = 1️⃣\"ten\"\nOrder | take $n", code: .invalidDefault, hint: ""),
        .init(marked: "param d: DateTime = 1️⃣number\nOrder | count", code: .unknownField, hint: "a literal"),
        .init(marked: "param a: Int = 1\nparam 1️⃣a: Int = 2\nOrder | count", code: .redefinition, hint: ""),
        .init(marked: "let a = Order\nlet 1️⃣a = Customer\na | count", code: .redefinition, hint: ""),
        .init(marked: "let 1️⃣Order = Customer\nOrder | count", code: .redefinition, hint: ""),
        .init(marked: "Order | select a: number, 1️⃣a: total", code: .redefinition, hint: "rename"),
        .init(marked: "1️⃣recent | count\nlet recent = Order", code: .useBeforeDefinition, hint: "move `let recent"),
        .init(marked: "Order | where total > 1️⃣$min\nparam min: Int = 0", code: .useBeforeDefinition, hint: ""),
        .init(marked: "param 1️⃣since: DateTime\nOrder | where orderDate > $since", code: .invalidParameterValue,
              hint: "2025-01-01", parameters: ["since": "yesterday"]),
        .init(marked: "param 1️⃣since: DateTime\nOrder | where orderDate > $since", code: .missingParameter, hint: "give it a default"),
        .init(marked: "param 1️⃣n: Int\nOrder | take $n", code: .invalidParameterValue, hint: "whole number", parameters: ["n": "ten"]),
        .init(marked: "param 1️⃣s: OrderStatus\nOrder | where status == $s", code: .invalidParameterValue, hint: "PENDING",
              parameters: ["s": "OPEN"]),
        .init(marked: "Order | where status == 1️⃣$s", code: .invalidParameterValue, hint: "", parameters: ["s": "NOPE"]),
        // ranges and lists
        .init(marked: "Order | where total == 1️⃣1..2", code: .misplacedRange, hint: "x in a..b"),
        .init(marked: "Order | where status == 1️⃣[PENDING]", code: .listOutsideIn, hint: "x in [a, b]"),
        .init(marked: "Order | where status in [PENDING, 1️⃣null]", code: .compareWithNull, hint: "is null"),
    ]

    @Test("diagnostic", arguments: CheckDiagnosticTests.cases)
    func diagnostic(_ c: DiagnosticCase) {
        let (text, offset) = unmark(c.marked)
        let result = Fixtures.compile(text, parameters: c.parameters)
        let matching = result.diagnostics.filter { $0.code == c.code }
        guard let d = matching.first else {
            Issue.record("expected \(c.code.code), got \(result.diagnostics.map { "\($0.code.code) \($0.message)" })")
            return
        }
        #expect(d.span.start == offset, "span \(d.span) for \(d.message)")
        #expect(result.program == nil)
        if !c.hint.isEmpty {
            #expect(d.hints.contains { $0.contains(c.hint) }, "hints: \(d.hints)")
        }
        if !c.message.isEmpty {
            #expect(d.message.contains(c.message), "message: \(d.message)")
        }
    }

    @Test func shapesHaveAtMostFiftyItems() {
        let items = (0..<51).map { "a\($0): name" }.joined(separator: ", ")
        let result = Fixtures.compile("Order | select customer { \(items) }")
        #expect(result.diagnostics.map(\.code) == [.invalidShape])
        let fifty = (0..<50).map { "a\($0): name" }.joined(separator: ", ")
        #expect(Fixtures.compile("Order | select customer { \(fifty) }").program != nil)
    }

    @Test func unsupportedFieldsAreRefusedAndLeftOutOfDefaultColumns() throws {
        let catalog = Catalog(models: [
            Model(name: "Place", tableName: "places", fields: [
                Field(name: "id", columnName: "id", type: .scalar(.string), isId: true),
                Field(name: "name", columnName: "name", type: .scalar(.string)),
                Field(name: "location", columnName: "location", type: .unsupported("geography")),
            ], primaryKey: ["id"]),
        ], enums: [], tenancy: .none)
        let (text, offset) = unmark("Place | select name, 1️⃣location")
        let bad = LQLCompiler.compile(source: SourceFile(name: "t", text: text), catalog: catalog)
        #expect(bad.diagnostics.map(\.code) == [.unsupportedField])
        #expect(bad.diagnostics.first?.span.start == offset)
        let ok = LQLCompiler.compile(source: SourceFile(name: "t", text: "Place"), catalog: catalog)
        #expect(try #require(ok.program).statements[0].sql.columnNames == ["id", "name"])
    }

    @Test func nullComparisonHasFixIt() {
        let result = Fixtures.compile("Order | where deliveryDate == null")
        let d = result.diagnostics.first { $0.code == .compareWithNull }
        #expect(d?.fixIts.first?.replacement == "deliveryDate is null")
        #expect(d?.fixIts.first?.span == Span(14, 34))
    }

    @Test func checkerKeepsGoingAfterErrors() {
        let result = Fixtures.compile("""
            Order | where totl > 1 | select nmber, customer.nme
            Custmer | count
            User | select hashedPassword
            """)
        let codes = result.diagnostics.map(\.code)
        #expect(codes.filter { $0 == .unknownField }.count == 3)
        #expect(codes.contains(.unknownModel))
        #expect(codes.contains(.forbiddenField))
    }

    @Test func oneMistakeIsReportedOnce() {
        let result = Fixtures.compile("Order | where totl + 1 > 2 and lower(totl) == \"x\"")
        #expect(result.diagnostics.count == 2)
        #expect(result.diagnostics.allSatisfy { $0.code == .unknownField })
    }

    @Test func everyCheckCodeIsUniqueAndE02() {
        let codes = DiagnosticCode.checkCatalog.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.hasPrefix("E02") })
        let all = codes + DiagnosticCode.syntaxCatalog.map(\.code) + DiagnosticCode.sqlCatalog.map(\.code)
        #expect(Set(all).count == all.count)
    }

    @Test func syntaxErrorsStopBeforeChecking() {
        let result = Fixtures.compile("Order | where (total > 1")
        #expect(result.hasErrors)
        #expect(result.diagnostics.allSatisfy { $0.code.code.hasPrefix("E01") })
    }
}
