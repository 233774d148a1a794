import Foundation
import LQL
import Testing

struct CompilerTests {
    @Test func compileReportsParametersAndStatementsInOrder() throws {
        let result = Fixtures.compile("""
            param since: DateTime = today() - 90 days
            param minBalance: Decimal = 0
            param rep: String?
            let open = Invoice | where status == OPEN
            open | where dueAt < $since and balanceDue > $minBalance | count
            -- second
            Order
            | where salesRepId == $rep
            | select number
            """)
        let program = try #require(result.program)
        #expect(result.diagnostics.isEmpty)
        #expect(program.parameters.map(\.name) == ["since", "minBalance", "rep"])
        #expect(program.parameters.map(\.typeDescription) == ["DateTime", "Decimal", "String?"])
        #expect(program.parameters.map(\.defaultText) == ["today() - 90 days", "0", nil])
        #expect(program.parameters.map(\.isRequired) == [false, false, false])
        #expect(program.statements.count == 2)
        #expect(program.statements.map(\.title) == ["open | where dueAt < $since and balanceDue > $minBalance | count", "Order"])
        #expect(program.statements[1].sql.columnNames == ["number"])
        #expect(program.statements[0].columns == [QueryColumn(name: "count", type: .bigInt)])
        #expect(program.statements.allSatisfy { $0.sql.binds.first == .tenant })
    }

    @Test func requiredParameterIsReportedAndSuppliedValuesAreTyped() throws {
        let source = "param since: DateTime\nparam n: Int = 5\nOrder | where orderDate >= $since | take $n | select number"
        let missing = Fixtures.compile(source)
        #expect(missing.diagnostics.map(\.code) == [.missingParameter])
        #expect(missing.parameters.map(\.name) == ["since", "n"])
        #expect(Fixtures.compile(source).diagnostics.map(\.code) == [.missingParameter])
        let ok = Fixtures.compile(source, parameters: ["since": "2025-01-01T10:00:00+02:00", "n": "7"])
        let statement = try #require(ok.program?.statements.first).sql
        #expect(statement.binds.contains(.value("2025-01-01T10:00:00+02:00", type: "timestamptz")))
        #expect(statement.binds.contains(.value("7", type: "bigint")) || statement.binds.contains(.value("7", type: "integer")))
        #expect(ok.program?.parameters.first?.isRequired == true)
    }

    @Test func undeclaredSuppliedParameterTakesTheContextType() throws {
        let result = Fixtures.compile("Order | where status == $s | select number", parameters: ["s": "PENDING"])
        let program = try #require(result.program)
        #expect(program.parameters.map(\.typeDescription) == ["OrderStatus"])
        #expect(program.parameters.first?.isDeclared == false)
        #expect(program.statements[0].sql.binds.last == .value("PENDING", type: "\"OrderStatus\""))
    }

    @Test func aParameterUsedTwiceSharesOneBind() throws {
        let result = Fixtures.compile("param d: DateTime = @2025-01-01\nOrder | where orderDate >= $d or deliveryDate >= $d | count")
        let sql = try #require(result.program?.statements.first).sql
        #expect(sql.binds.count == 2)
        #expect(sql.text.components(separatedBy: "$2::timestamptz").count == 3)
    }

    @Test func compilingIsDeterministic() {
        let source = "Customer | select name, orders { number, lines { product.name } }, n: count(orders where status == PENDING)"
        let a = Fixtures.compile(source).program?.statements.first?.sql
        let b = Fixtures.compile(source).program?.statements.first?.sql
        #expect(a != nil && a == b)
    }

    @Test func tooManyBindsAreRefused() {
        // 10,000 items of 7 distinct numbers each: 70,000 binds.
        var items: [String] = []
        for i in 0..<10_000 {
            items.append("a\(i): " + (0..<7).map { String(i * 7 + $0) }.joined(separator: " + "))
        }
        let result = Fixtures.compile("Order | select " + items.joined(separator: ", "))
        #expect(result.diagnostics.map(\.code) == [.tooManyBinds])
        #expect(result.diagnostics.first?.message.contains("at most 65535") == true)
    }

    /// The SQL text never carries a value: the only quote characters in it are the compiler's own
    /// constant fragments (`'%'` around a contains pattern, `'[]'::json` for an empty array).
    @Test(arguments: GoldenTests.names)
    func sqlTextHasNoUserValues(_ name: String) throws {
        let text = try String(contentsOf: Fixtures.goldenDirectory.appendingPathComponent(name + ".lql"), encoding: .utf8)
        let result = LQLCompiler.compile(source: SourceFile(name: name, text: text), catalog: Fixtures.leoraCatalog,
                                         parameters: GoldenTests.parameters(in: text))
        for statement in result.program?.statements ?? [] {
            #expect(statement.sql.columnNames == statement.columns.map(\.name))
            #expect(Set(statement.sql.columnNames).count == statement.sql.columnNames.count, "duplicate output names")
            var sql = statement.sql.text
            for allowed in ["'%'", "'[]'::json", "'\\\\'", "'\\'", "'\\%'", "'\\_'", "'%'"] {
                sql = sql.replacingOccurrences(of: allowed, with: "")
            }
            #expect(!sql.contains("'"), "\(name): \(sql)")
        }
    }

    @Test func schemaPerTenantHasNoTenantPredicates() throws {
        let path = Fixtures.repositoryRoot.appendingPathComponent("examples/supply-chain/schema.prisma").path
        let catalog = try #require(PrismaSchemaReader.read(SourceFile(name: "s", text: try String(contentsOfFile: path, encoding: .utf8))).catalog)
        guard case .schemaPerTenant = catalog.tenancy else {
            Issue.record("supply-chain example is not schema-per-tenant")
            return
        }
        let model = try #require(catalog.queryableModels.first { $0.relationFields.contains { $0.relation?.cardinality == .toOne && !$0.isForbidden } })
        let rel = try #require(model.relationFields.first { $0.relation?.cardinality == .toOne && !$0.isForbidden })
        let target = try #require(catalog.model(named: rel.relation!.targetModel))
        let targetField = try #require(target.columnFields.first { !$0.isForbidden })
        let result = LQLCompiler.compile(source: SourceFile(name: "t", text: "\(model.name) | select x: \(rel.name).\(targetField.name) | count"),
                                         catalog: catalog)
        let sql = try #require(result.program?.statements.first, "\(result.diagnostics)").sql
        #expect(!sql.text.contains("tenant_id"))
        #expect(!sql.text.contains("$1"))
        #expect(!sql.text.contains("\"tenant\"."))
        #expect(sql.text.contains("FROM \"\(model.tableName)\" AS t"))
        #expect(sql.binds == [.tenant])
    }

    @Test func identifiersAreQuotedWithQuotesDoubled() throws {
        let catalog = Catalog(models: [
            Model(name: "Thing", tableName: "we\"ird", fields: [
                Field(name: "id", columnName: "id", type: .scalar(.string), isId: true),
                Field(name: "label", columnName: "la\"bel", type: .scalar(.string)),
            ], primaryKey: ["id"]),
        ], enums: [], tenancy: .none)
        let result = LQLCompiler.compile(source: SourceFile(name: "t", text: "Thing | where label == \"x\" | select label"), catalog: catalog)
        let sql = try #require(result.program?.statements.first).sql
        #expect(sql.text == "SELECT t.\"la\"\"bel\" AS \"label\"\nFROM \"we\"\"ird\" AS t\nWHERE t.\"la\"\"bel\" = $2::text")
    }

    @Test func listBindsEscapeQuotesAndBackslashes() throws {
        let result = Fixtures.compile(#"Product | where name in ["a\"b", "c\\d", "e,f"] | count"#)
        let sql = try #require(result.program?.statements.first).sql
        #expect(sql.binds.last == .value(#"{"a\"b","c\\d","e,f"}"#, type: "text[]"))
    }

    @Test func stageFunctionsCompose() throws {
        let source = SourceFile(name: "t", text: "Order | count")
        let parsed = LQLCompiler.parse(source)
        let checked = LQLCompiler.check(parsed.program, source: source, catalog: Fixtures.leoraCatalog)
        let query = try #require(checked.program.outputs.first)
        #expect(query.stages.last == .count)
        #expect(query.columns == [QueryColumn(name: "count", type: .bigInt)])
        let sql = LQLCompiler.generateSQL(query, parameters: [], catalog: Fixtures.leoraCatalog)
        #expect(sql.statement?.text == "SELECT count(*) AS \"count\"\nFROM \"orders\" AS t\nWHERE t.\"tenant_id\" = $1")
    }
}
