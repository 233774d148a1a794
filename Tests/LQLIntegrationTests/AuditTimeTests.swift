import Foundation
import Testing
@testable import LQLPostgres

/// The audit log's hand-made timestamp equals what Foundation's ISO 8601 formatter writes.
@Suite struct AuditTimeTests {
    @Test(arguments: [0.0, 1.5, 951_782_400.999, 1_795_000_000.123, 4_102_444_799.0005, -86_400.25])
    func iso8601MatchesFoundation(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        #expect(AuditRecord.iso8601(date) == formatter.string(from: date))
    }
}
