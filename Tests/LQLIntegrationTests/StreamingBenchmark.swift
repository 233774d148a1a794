import Foundation
import LQLOutput
import LQLPostgres
import LQLRepl
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

    /// Resident set size now (not the peak), from /proc/self/statm.
    static func currentRSSMegabytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    @Test func streamToCSVFile() throws {
        let rows = Int(ProcessInfo.processInfo.environment["LQL_BENCH_ROWS"] ?? "") ?? 1_000_000
        let db = try Connection(try TestCluster.shared().ownerURL)
        let path = NSTemporaryDirectory() + "lql-bench-\(getpid()).csv"
        defer { unlink(path) }
        let rssBefore = StreamingBenchmark.peakRSSKilobytes()
        let start = ContinuousClock.now
        let sink = try AtomicFileSink(path: path)
        var rssAtFirstRow = 0.0
        var rssMax = 0.0
        var seen = 0
        let writer = SamplingWriter(makeWriter(.csv, to: sink)) {
            seen += 1
            if seen == 1000 { rssAtFirstRow = StreamingBenchmark.currentRSSMegabytes() }
            if seen % 100_000 == 0 { rssMax = max(rssMax, StreamingBenchmark.currentRSSMegabytes()) }
        }
        let summary = try db.export("""
            SELECT g AS id, 'customer ' || g AS name, (g * 1.25)::numeric(12,2) AS total,
                   now() - g * interval '1 minute' AS at, g % 7 = 0 AS flagged
            FROM generate_series(1, $1::int) g
            """, [String(rows)], to: WriterRows(writer))
        try sink.commit()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let growthMB = Double(StreamingBenchmark.peakRSSKilobytes() - rssBefore) / 1024
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print(String(format: "bench: %d rows, %.1f MB CSV in %.2f s = %.0f rows/s; RSS %.1f MB after 1k rows, max %.1f MB later; peak RSS grew %.1f MB",
                     summary.rowCount, Double(size) / 1_048_576, seconds, Double(summary.rowCount) / seconds,
                     rssAtFirstRow, rssMax, growthMB))
        #expect(rssMax - rssAtFirstRow < 32)
        #expect(summary.rowCount == rows)
        #expect(growthMB < 64)
    }
}

/// Passes everything through and calls `onRow` per row (for RSS sampling).
final class SamplingWriter: ResultWriter {
    let inner: ResultWriter
    let onRow: () -> Void
    init(_ inner: ResultWriter, onRow: @escaping () -> Void) {
        self.inner = inner
        self.onRow = onRow
    }
    func begin(columns: [OutputColumn]) throws { try inner.begin(columns: columns) }
    func write(row: [String?]) throws {
        onRow()
        try inner.write(row: row)
    }
    func end() throws { try inner.end() }
}
