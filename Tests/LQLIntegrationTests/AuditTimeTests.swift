import Foundation
import Testing
@testable import LQLAudit
import LQLPostgres

/// The audit log's hand-made timestamp and JSON line equal what Foundation's ISO 8601 formatter
/// and JSONEncoder wrote before lql stopped using them on the run path.
@Suite struct AuditTimeTests {
    @Test(arguments: [0.0, 1.5, 951_782_400.999, 1_795_000_000.123, 4_102_444_799.0005, -86_400.25])
    func iso8601MatchesFoundation(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        #expect(AuditRecord.iso8601(seconds) == formatter.string(from: date))
    }

    /// The same fields as JSONEncoder with sorted keys: key order, string escapes (quotes,
    /// backslashes, control characters, slashes left alone, non-ASCII: in the slug, as the source's
    /// literals and comments are not recorded), numbers, an absent queryID.
    @Test(arguments: [
        ("Order | where note == \"a\\\\b/c\"\n| take 3\t", 12.75, "q1a2b3c4d5e6" as String?),
        ("Customer | select name  -- ünïcödé \u{01}\u{1F}", 3.0, nil),
        ("", 0.000123, "000000000000"),
    ])
    func jsonLineMatchesJSONEncoder(source: String, durationMs: Double, queryID: String?) throws {
        let record = AuditRecord(time: 1_795_000_000.5, osUser: "ana/\"ops\"", dbRole: "lql_reader", tenantID: "t-1", tenantSlug: "well-\"crafted\"\\/ü\u{01}\u{1F}", origin: "prompt",
                                 sourceText: source, sql: "SELECT 1", bindCount: 2, rows: 41, durationMs: durationMs,
                                 outcome: "error: 42501", queryID: queryID)
        let ours = try JSONSerialization.jsonObject(with: Data(record.jsonLine.utf8)) as? NSDictionary
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let reference = try JSONSerialization.jsonObject(with: encoder.encode(EncodableRecord(record))) as? NSDictionary
        #expect(ours == reference)
        let keys = ["bindCount", "dbRole", "durationMs", "origin", "osUser", "outcome", "queryID", "rows", "sourceHash",
                    "sourceText", "sqlHash", "tenantId", "tenantSlug", "time", "version"].filter { $0 != "queryID" || queryID != nil }
        let order = keys.map { record.jsonLine.range(of: "\"\($0)\":")?.lowerBound.utf16Offset(in: record.jsonLine) ?? -1 }
        #expect(order == order.sorted() && !order.contains(-1), "keys in sorted order")
        #expect(!record.jsonLine.contains("\n"))
    }
}

/// The record as JSONEncoder saw it when AuditRecord was Encodable.
private struct EncodableRecord: Encodable {
    var time, osUser, dbRole, tenantId, tenantSlug, origin, sourceHash, sourceText, sqlHash, outcome: String
    var bindCount, rows, version: Int
    var durationMs: Double
    var queryID: String?
    init(_ r: AuditRecord) {
        (time, osUser, dbRole, tenantId, tenantSlug, origin, sourceHash, sourceText, sqlHash, outcome) =
            (r.time, r.osUser, r.dbRole, r.tenantID, r.tenantSlug, r.origin, r.sourceHash, r.sourceText, r.sqlHash, r.outcome)
        (bindCount, rows, version, durationMs, queryID) = (r.bindCount, r.rows, AuditRecord.formatVersion, r.durationMs, r.queryID)
    }
}
