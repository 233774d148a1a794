import Testing
@testable import LQLRepl
#if canImport(Glibc)
import Glibc
#endif

/// Completion must answer well under 10 ms per Tab for the Leora schema. This prints the
/// timings (a debug build on a shared machine) instead of asserting wall-clock time.
@Suite struct CompletionBenchmarkTests {
    @Test func timingPerCompletion() {
        let engine = CompletionEngine(catalog: LeoraCatalog.catalog, bindings: ["recent": "Order"], parameters: ["since"], files: .empty)
        let longQuery = """
            Customer
            | where name ~ "bistro" or accountNumber == "WC-00042"
            | select name, tier, orders: count(orders), open: count(orders where status == PENDING),
                     lastOrder: max(orders.orderDate), atRisk: any(healthSnapshots where riskLevel == HIGH),
                     rep: salesRep.fullName, n: count(invoices where status in [OPEN, OVERDUE] and balanceDue > 0),
                     x: any(orders where customer.salesRep.
            """
        let inputs = ["Ord", "Order | ", "Order | where status == ", "Invoice | select number, customer.salesRep.",
                      "Customer | select open: count(orders where sta", longQuery, "\\d Cu"]
        var worst = 0.0
        for input in inputs {
            let iterations = 200
            let start = now()
            var count = 0
            for _ in 0..<iterations { count += engine.complete(input).candidates.count }
            let perCall = (now() - start) / Double(iterations) * 1000
            worst = max(worst, perCall)
            print("completion \(ms(perCall)) ms, \(count / iterations) candidates: \(String(input.suffix(40)).replacingNewlines())")
            #expect(count > 0)
        }
        print("completion worst case \(ms(worst)) ms per Tab (debug build)")
    }

    func ms(_ value: Double) -> String {
        let micros = Int((value * 1000).rounded())
        return "\(micros / 1000).\(String(micros % 1000 + 1000).dropFirst())"
    }

    func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

extension String {
    func replacingNewlines() -> String { String(map { $0 == "\n" ? "⏎" : $0 }) }
}
