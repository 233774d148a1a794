import Foundation
import LQLPostgres
import LQLTestSupport
import Testing

/// 32 concurrent `lql run` processes for LQL_LOAD_SECONDS (default 60) through PgBouncer in
/// transaction mode, the three tenants alternating: every run must succeed, return exactly its
/// tenant's customers (ids listed by the superuser), and leave no session idle in a transaction.
/// Prints throughput and latency; asserts none of them (speed is not a test result).
@Suite struct LoadTests {
    static let workers = 32
    static let poolSize = 4

    static var seconds: Double {
        ProcessInfo.processInfo.environment["LQL_LOAD_SECONDS"].flatMap(Double.init) ?? 60
    }

    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        var latencies: [Double] = []
        var failures: [String] = []
        var crossTenantRows = 0
        var missingRows = 0

        func record(_ body: (Tally) -> Void) {
            lock.lock()
            defer { lock.unlock() }
            body(self)
        }
    }

    @Test func thirtyTwoConcurrentRunsThroughTransactionModePgBouncer() throws {
        let leora = try LeoraCluster.shared()
        let bouncer = try PgBouncer(in: leora.cluster, poolMode: "transaction", poolSize: LoadTests.poolSize)
        defer { bouncer.stop() }
        let url = bouncer.url(user: "lql_reader")
        let expected = try Fault.expectedIDs(leora)
        let expectedSets = expected.mapValues(Set.init)
        let tally = Tally()
        let deadline = Date().addingTimeInterval(LoadTests.seconds)
        let started = ContinuousClock.now
        let done = DispatchGroup()

        for worker in 0..<LoadTests.workers {
            done.enter()
            Thread {
                defer { done.leave() }
                var i = 0
                while Date() < deadline {
                    let slug = LeoraCluster.tenants[(worker + i) % 3]
                    i += 1
                    let t0 = ContinuousClock.now
                    let r: ProcessOutcome
                    do { r = try Fault.runIDs(url, tenant: slug) } catch {
                        tally.record { $0.failures.append("spawn: \(error)") }
                        continue
                    }
                    let latency = (ContinuousClock.now - t0).seconds
                    let ids = Fault.csvValues(r.out)
                    let foreign = ids.filter { !expectedSets[slug]!.contains($0) }.count
                    let missing = expected[slug]!.count - (ids.count - foreign)
                    tally.record {
                        $0.latencies.append(latency)
                        if r.status != 0 { $0.failures.append("\(slug) exit \(r.status): \(r.err)") }
                        $0.crossTenantRows += foreign
                        if r.status == 0 { $0.missingRows += missing }
                    }
                }
            }.start()
        }
        done.wait()
        let elapsed = (ContinuousClock.now - started).seconds

        // Sessions the pooler holds that sit in a transaction nobody will finish.
        func idleInTransactionCount() throws -> (String?, Int) {
            let servers = try bouncer.serverPIDs()
            let count = try Connection(leora.ownerURL).execute("""
                SELECT count(*) FROM pg_stat_activity
                WHERE state LIKE 'idle in transaction%' AND pid = ANY($1::int[])
                """, ["{" + servers.map(String.init).joined(separator: ",") + "}"]).scalar
            return (count, servers.count)
        }
        let (idleInTransaction, serverCount) = try idleInTransactionCount()

        let sorted = tally.latencies.sorted()
        func percentile(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        print("""
            load: \(LoadTests.workers) concurrent lql run processes, \(String(format: "%.0f", elapsed)) s, PgBouncer transaction mode pool \(LoadTests.poolSize)
              runs \(sorted.count)  throughput \(String(format: "%.1f", Double(sorted.count) / elapsed)) runs/s
              latency p50 \(String(format: "%.0f", percentile(0.5) * 1000)) ms  p95 \(String(format: "%.0f", percentile(0.95) * 1000)) ms  max \(String(format: "%.0f", (sorted.last ?? 0) * 1000)) ms
              failed \(tally.failures.count)  cross-tenant rows \(tally.crossTenantRows)  missing rows \(tally.missingRows)  idle in transaction \(idleInTransaction ?? "?") (of \(serverCount) pooled backends)
            """)
        #expect(sorted.count >= LoadTests.workers, "every worker must have finished at least one run")
        #expect(tally.failures.isEmpty, "\(tally.failures.prefix(5))")
        #expect(tally.crossTenantRows == 0)
        #expect(tally.missingRows == 0)
        #expect(idleInTransaction == "0")
        // The check can fail: a client that leaves its transaction open is counted.
        let straggler = try Connection(url)
        try straggler.execute("BEGIN")
        try straggler.execute("SELECT 1")
        #expect(try idleInTransactionCount().0 == "1")
        try straggler.execute("ROLLBACK")
    }
}
