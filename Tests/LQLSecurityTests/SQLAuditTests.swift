import Foundation
import LQL
import Testing

/// Every golden query and a set of injection cases, compiled and checked by scripts/sql_audit.py
/// (pglast): one statement, no string constant but the compiler's fixed ones, binds == placeholders,
/// `alias.tenant_id = $1` on every table reference, no user text in the SQL.
@Suite(.enabled(if: Security.hasPglast, "python3 -c 'import pglast' fails: run scripts/install-deps.sh"))
struct SQLAuditTests {
    static let canaries = [#"zq'";--\x"#, "$1", "' OR '1'='1", #""; DROP TABLE orders; --"#, "/* c */", "E'\\x41'", "$$x$$"]

    static func parameters(in text: String) -> [String: String] {
        guard let first = text.split(separator: "\n").first, first.hasPrefix("-- params:") else { return [:] }
        var out: [String: String] = [:]
        for pair in first.dropFirst("-- params:".count).split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { out[parts[0]] = parts[1] }
        }
        return out
    }

    static func items(name: String, source: String, parameters: [String: String] = [:],
                      canaries: [String] = []) -> ([Security.AuditItem], String?) {
        let result = Security.compile(source, parameters: parameters, name: name)
        guard let program = result.program, !result.hasErrors else {
            return ([], "\(name) does not compile:\n\(source)\n" + result.diagnostics.map { "\($0.code.code): \($0.message)" }.joined(separator: "\n"))
        }
        let items = program.statements.enumerated().map { i, s in
            Security.AuditItem(name: "\(name)#\(i)", sql: s.sql.text, binds: s.sql.binds.count, canaries: canaries)
        }
        return (items, nil)
    }

    @Test("every golden query passes the SQL audit")
    func golden() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Security.goldenDirectory.path)
            .filter { $0.hasSuffix(".lql") }.sorted()
        #expect(files.count >= 80)
        var all: [Security.AuditItem] = []
        for file in files {
            let text = try String(contentsOf: Security.goldenDirectory.appendingPathComponent(file), encoding: .utf8)
            let (items, error) = SQLAuditTests.items(name: file, source: text, parameters: SQLAuditTests.parameters(in: text))
            if let error { Issue.record(Comment(rawValue: error)) }
            all += items
        }
        let (status, output) = try Security.audit(all)
        print("sql_audit: \(all.count) golden statements, exit \(status)")
        #expect(status == 0, "sql_audit violations:\n\(output)")
    }

    /// The canary as an LQL string literal body.
    static func lqlString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static var injectionSources: [(String, String, [String: String])] {
        var out: [(String, String, [String: String])] = []
        for (i, c) in canaries.enumerated() {
            let q = lqlString(c)
            out += [
                ("eq\(i)", "Customer | where name == \(q) | select name", [:]),
                ("neq\(i)", "Customer | where name != \(q) and accountNumber == \(q)", [:]),
                ("like\(i)", "Product | where name ~ \(q) | select name", [:]),
                ("starts\(i)", "Customer | where starts_with(name, \(q)) or ends_with(name, \(q)) | select name", [:]),
                ("list\(i)", "Product | where category in [\(q), \(q), \"Wine\"] | select name", [:]),
                ("notlist\(i)", "Product | where category not in [\(q)] | select name", [:]),
                ("path\(i)", "Order | where customer.name == \(q) | select number", [:]),
                ("coll\(i)", "Customer | where any(orders where number == \(q)) | select name", [:]),
                ("count\(i)", "Customer | select name, n: count(orders where number ~ \(q))", [:]),
                ("concat\(i)", "Customer | select label: name + \(q) + (city ?? \(q))", [:]),
                ("group\(i)", "Order | where customer.name != \(q) | group by status aggregate n: count()", [:]),
                ("shape\(i)", "Customer | where name ~ \(q) | select name, orders { number, total }", [:]),
                ("param\(i)", "param p: String\nCustomer | where name == $p or name ~ $p | select name", ["p": c]),
                ("paramlist\(i)", "param p: String[]\nProduct | where category in $p | select name", ["p": c]),
                ("paramenum\(i)", "param s: String = \(q)\nOrder | where customer.name == $s | count", [:]),
                // design v2: case branches, derive, windows, take by, append branches
                ("case\(i)", "Customer | select b: case when name == \(q) then \(q) else city ?? \(q) end", [:]),
                ("derive\(i)", "Order | derive tag: customer.name + \(q) | where tag ~ \(q) | sort total desc | take 2 by customerId", [:]),
                ("window\(i)", "Order | where customer.name != \(q) | select number, r: rank() over (by customer.city sort total desc), p: lag(customer.name) over (sort orderDate) | where r <= 2", [:]),
                ("append\(i)", "Customer | where name == \(q) | select name | append (Customer | where city ~ \(q) | select name) | distinct", [:]),
                ("windowparam\(i)", "param p: String\nparam n: Int = 2\nOrder | where customer.name != $p | select number, m: avg(total) over (sort orderDate rows $n), l: lead(total, $n) over (sort orderDate)", ["p": c]),
            ]
        }
        return out
    }

    @Test("injection canaries in every literal position never reach the SQL text")
    func injection() throws {
        var all: [Security.AuditItem] = []
        var compiled = 0
        for (name, source, params) in SQLAuditTests.injectionSources {
            let (items, error) = SQLAuditTests.items(name: name, source: source, parameters: params, canaries: SQLAuditTests.canaries)
            if let error { Issue.record(Comment(rawValue: error)) } else { compiled += 1 }
            all += items
        }
        // A canary given as an enum value or a number is refused by the checker, never compiled.
        for c in SQLAuditTests.canaries {
            let r1 = Security.compile("param s: OrderStatus\nOrder | where status == $s | count", parameters: ["s": c])
            #expect(r1.hasErrors, "enum param \(c) accepted")
            let r2 = Security.compile("param n: Int\nOrder | take $n", parameters: ["n": c])
            #expect(r2.hasErrors, "Int param \(c) accepted")
        }
        let (status, output) = try Security.audit(all)
        print("sql_audit: \(compiled) injection queries, \(all.count) statements, exit \(status)")
        #expect(status == 0, "sql_audit violations:\n\(output)")
    }

    @Test("the audit script itself catches a literal, a missing tenant predicate and a canary")
    func auditCatches() throws {
        let bad = Security.AuditItem(name: "bad", sql: "SELECT t.a FROM orders AS t JOIN x AS j ON j.id = t.x WHERE t.tenant_id = $1 AND t.n = 'zq'",
                                     binds: 2, canaries: ["zq"])
        let (status, output) = try Security.audit([bad])
        #expect(status == 1)
        #expect(output.contains("string constant"))
        #expect(output.contains("has no `j.tenant_id = $1`"))
        #expect(output.contains("canary"))
        #expect(output.contains("binds never used: $2"))
    }
}
