import Foundation
import LQLOutput
import LQLPostgres
import Testing

/// `LQL_BENCH=1 swift test --filter StreamingBenchmark`: streams LQL_BENCH_ROWS (default 1M)
/// rows to a CSV file and reports rows/s and how much the peak RSS grew (it must stay small:
/// rows are written as they arrive, never accumulated).
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["LQL_BENCH"] == "1"))
struct StreamingBenchmark {
    static func peakRSSKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }

    @Test func streamToCSVFile() throws {
        let rows = Int(ProcessInfo.processInfo.environment["LQL_BENCH_ROWS"] ?? "") ?? 1_000_000
        let db = try Connection(try TestCluster.shared().ownerURL)
        let path = NSTemporaryDirectory() + "lql-bench-\(getpid()).csv"
        defer { unlink(path) }
        let rssBefore = StreamingBenchmark.peakRSSKilobytes()
        let start = ContinuousClock.now
        let sink = try AtomicFileSink(path: path)
        let summary = try db.export("""
            SELECT g AS id, 'customer ' || g AS name, (g * 1.25)::numeric(12,2) AS total,
                   now() - g * interval '1 minute' AS at, g % 7 = 0 AS flagged
            FROM generate_series(1, $1::int) g
            """, [String(rows)], to: makeWriter(.csv, to: sink))
        try sink.commit()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let growthMB = Double(StreamingBenchmark.peakRSSKilobytes() - rssBefore) / 1024
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(String(format: "bench: %d rows, %.1f MB CSV in %.2f s = %.0f rows/s; peak RSS grew %.1f MB",
                     summary.rowCount, Double(size) / 1_048_576, seconds, Double(summary.rowCount) / seconds, growthMB))
        #expect(summary.rowCount == rows)
        #expect(growthMB < 64)
    }
}
