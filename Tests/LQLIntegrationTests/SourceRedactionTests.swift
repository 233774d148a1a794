import Testing
import LQLAudit

/// What the audit log keeps of a source (issue 18 item 10): LQL's lexer decides what is a
/// literal, so quotes and `--` inside strings or comments cannot hide a value from it.
@Suite struct SourceRedactionTests {
    @Test(arguments: [
        (#"Customer | where name == "zq-secret-42" | count"#, "Customer | where name == ? | count"),
        // A `--` inside a string is not a comment; a quote inside a comment starts no string.
        (#"Customer | where name == "a -- zq" or name == 'zq" -- x' | count -- zq "secret"#,
         "Customer | where name == ? or name == ? | count --"),
        (#"Customer | where name == "say \"zq\" -- hi" | count"#, "Customer | where name == ? | count"),
        ("Order | where total > 1_000.5 and number != 42 | take 10", "Order | where total > ? and number != ? | take ?"),
        ("Order | where orderDate >= @2025-01-01 and paidAt < @2025-01-01T09:30:00Z", "Order | where orderDate >= ? and paidAt < ?"),
        ("param since: DateTime = today() - 365 days\nOrder | where orderDate >= $since | count",
         "param since: DateTime = today() - ? days\nOrder | where orderDate >= $since | count"),
        ("Order | where total > -(-1) | count\n\n-- zq-secret-42\n", "Order | where total > -(-?) | count\n\n--\n"),
        // Not LQL: never kept as written.
        ("Customer | where name == \"zq-secret-42", "Customer | where name == ?"),
        ("Customer | where name == § zq", "Customer | where name == ? zq"),
    ] as [(String, String)])
    func literalsBecomePlaceholders(source: String, recorded: String) {
        #expect(SourceRedaction.redacted(source) == recorded)
    }

    @Test func theRecordKeepsOnlyTheRedactedTextAndHashesIt() {
        let record = AuditRecord(dbRole: "r", tenantID: "1", tenantSlug: "s", origin: "prompt",
                                 sourceText: #"Customer | where name == "zq-secret-42""#, sql: "SELECT 1", bindCount: 2, rows: 0,
                                 durationMs: 1, outcome: "ok")
        #expect(!record.jsonLine.contains("zq-secret-42"))
        #expect(record.sourceText == "Customer | where name == ?" && record.sourceHash == SHA256.hex(record.sourceText))
        #expect(record.jsonLine.contains(#""version":2"#))
    }
}
