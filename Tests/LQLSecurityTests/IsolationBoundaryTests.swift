import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// The isolation property over TenantBoundaryTests' scratch schema: a second relation into the
/// root (`Note.partnerTenant`), tenants with adversarial slugs (one equal to another tenant's id,
/// quotes, SQL, unicode with a bidi override), no RLS at all, and a reading role whose defaults
/// point `search_path` at a shadow schema and turn `standard_conforming_strings` off. Random
/// well-typed queries must return only the tenant's own values (each carries its tenant's
/// letter), and random paths into the root, in random clauses, must all be refused.
extension IsolationTests {
    /// Every tenant's letter in a value (`A-c1`, `{"name":"B-cust 1"}`): a letter, a hyphen, at a
    /// word start.
    static let letters = try! NSRegularExpression(pattern: "(?<![A-Za-z0-9])([A-Z])-")

    static func lettersIn(_ value: String) -> Set<String> {
        let ns = value as NSString
        return Set(letters.matches(in: value, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) })
    }

    /// Paths from each queryable model that end in the root: a to-one path used as a value, or
    /// a to-many prefix (`customer.notes`) and the rest of the path inside an aggregate or `any`.
    static let rootPaths: [(model: String, many: String?, rest: String)] = [
        ("Note", nil, "partnerTenant"), ("Note", "customer.notes", "partnerTenant"),
        ("Customer", "notes", "partnerTenant"), ("Order", "customer.notes", "partnerTenant"),
    ]

    static func rootClause(_ rng: inout SeededRandom) -> (model: String, clause: String) {
        let (model, many, rest) = rootPaths[Int.random(in: 0..<rootPaths.count, using: &rng)]
        let field = ["slug", "name", "id"][Int.random(in: 0..<3, using: &rng)]
        if let many {
            let p = "\(many).\(rest).\(field)"
            let clauses = [
                "select m: max(\(p))", "where count(\(many) where \(rest).\(field) == \"t-beta\") > 0",
                "where any(\(many) where \(rest).\(field) ~ \"a\")", "where all(\(many) where \(rest).\(field) != \"a\")",
                "derive d: min(\(p))", "aggregate n: count_distinct(\(p))", "select \(many) { x: \(rest).\(field) }",
                "select \(many) { \(rest) { \(field) } }", "select n: count(\(many) where \(rest) is null)",
            ]
            return (model, clauses[Int.random(in: 0..<clauses.count, using: &rng)])
        }
        let p = "\(rest).\(field)"
        let clauses = [
            "select v: \(p)", "where \(p) != \"x\"", "sort \(p) desc", "group by \(p) aggregate n: count()",
            "derive d: \(p)", "derive w: row_number() over (by \(p) sort id)", "select \(rest) { \(field) }",
            "where \(rest) is null", "aggregate n: count(where \(p) == \"beta\")", "select n: count(\(rest).orders)",
            "where any(\(rest).customers where name ~ \"B\")", "select o: \(rest).partnerNotes { body }",
        ]
        return (model, clauses[Int.random(in: 0..<clauses.count, using: &rng)])
    }

    @Test("random queries over a second relation into the root and adversarial slugs stay in the tenant")
    func isolationWithAPartnerRelationAndAdversarialSlugs() throws {
        let clock = ContinuousClock.now
        let server = try TenantBoundaryTests.server.get()
        let owner = try Connection(server.ownerURL)
        let reader = try Connection(server.readerURL)
        let catalog = TenantBoundaryTests.catalog
        let scope = TenantBoundaryTests.scope()
        let seed = IsolationTests.seed, count = max(50, IsolationTests.count / 4)
        print("isolation (boundary schema): seed \(seed), \(count) queries × \(TenantBoundaryTests.tenants.count) tenants, \(count) root paths")
        let generator = QueryGenerator(catalog: catalog, db: owner, seed: seed)
        var rng = SeededRandom(seed: seed ^ 0xB0B)

        // The adversarial slug: alpha's id names two tenants and is refused, whichever is asked for.
        #expect(throws: TenantError.self) { try scope.resolve("t-alpha", on: reader) }
        // Each tenant by a value only it has: slug, or id when its slug is another's id.
        let names = TenantBoundaryTests.tenants.enumerated().map { i, t in
            (name: t.slug == "t-alpha" || i % 2 == 1 ? t.id : t.slug, letter: t.letter)
        }
        for n in names { #expect(try scope.resolve(n.name, on: reader).id.isEmpty == false) }

        var runs = 0, nonEmpty = 0, mutantCaught = false
        for i in 0..<count {
            let (source, shape, parameters) = generator.query()
            if i < 4 { print("isolation (boundary schema): query \(i): \(source)") }
            let result = LQLCompiler.compile(source: SourceFile(name: "q.lql", text: source), catalog: catalog, parameters: parameters)
            guard let statement = result.program?.statements.last, !result.hasErrors else {
                Issue.record("query \(i) does not compile:\n\(source)\n\(result.diagnostics.map { "\($0.code.code): \($0.message)" })")
                continue
            }
            let sql = statement.sql
            let idColumn = sql.columnNames.firstIndex(of: "id")
            for n in names {
                let rows: [[String?]]
                do {
                    rows = try scope.withTenant(n.name, on: reader) { tx in try tx.execute(sql).rows }
                } catch {
                    Issue.record("query \(i) fails for \(n.name): \(error)\n\(source)\n\(sql.text)")
                    continue
                }
                runs += 1
                if !rows.isEmpty { nonEmpty += 1 }
                for row in rows {
                    for value in row.compactMap({ $0 }) {
                        let seen = IsolationTests.lettersIn(value)
                        #expect(seen.isSubset(of: [n.letter]), "query \(i) for \(n.name) returned \(value)\n\(source)\n\(sql.text)")
                    }
                    if shape == .rows, let idColumn, let id = row[idColumn] {
                        #expect(id.hasPrefix(n.letter + "-"), "query \(i) for \(n.name): id \(id)\n\(source)")
                    }
                }
            }
            // Mutation check: the same statement without its tenant predicates must show another
            // tenant's letter for some query, or the check above proves nothing.
            if !mutantCaught, sql.text.contains("t.\"tenant_id\" = $1") {
                var mutant = sql
                mutant.text = sql.text.replacingOccurrences(of: "t.\"tenant_id\" = $1", with: "$1 IS NOT NULL")
                let rows = try scope.withTenant("alpha", on: reader) { tx in try tx.execute(mutant).rows }
                if rows.contains(where: { $0.contains { IsolationTests.lettersIn($0 ?? "").contains { $0 != "A" } } }) { mutantCaught = true }
            }
        }
        #expect(mutantCaught, "no query distinguished the compiler's predicates from none")

        // Random paths into the root, in random clauses, before random generated stages.
        var refused = 0
        for i in 0..<count {
            let (model, clause) = IsolationTests.rootClause(&rng)
            let (generated, _, parameters) = generator.query()
            let lines = generated.split(separator: "\n").map(String.init)
            let tail = lines.last.flatMap { $0.hasPrefix(model + " ") ? String($0.dropFirst(model.count)) : nil } ?? ""
            let source = (lines.dropLast() + ["\(model) | \(clause)\(tail)"]).joined(separator: "\n")
            let result = LQLCompiler.compile(source: SourceFile(name: "q.lql", text: source), catalog: catalog, parameters: parameters)
            let codes = result.diagnostics.map(\.code.code)
            #expect(result.hasErrors && codes.contains("E0229"), "root path \(i) not refused:\n\(source)\n\(result.diagnostics.map(\.message))")
            if codes.contains("E0229") { refused += 1 }
        }
        print("isolation (boundary schema): \(runs) runs (\(nonEmpty) non-empty), \(refused) root paths refused, \(ContinuousClock.now - clock)")
    }
}
