import Foundation
import Testing
import LQLTestSupport

/// `lql fmt` as CI and editors run it: the real binary.
@Suite struct FmtCommandTests {
    @Test func theProjectsExamplesAreFormatted() throws {
        let outcome = try runLQL(["fmt", "--check", Repository.path("examples")])
        #expect(outcome.status == 0, "\(outcome.out)\(outcome.err)")
        #expect(outcome.out.isEmpty)
    }

    @Test func checkPrintsADiffAndExitsOneWithoutChangingTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lql-fmt-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("r.lql").path
        let messy = "Order|where total>10 -- big ones\n|take 5\n"
        try messy.write(toFile: file, atomically: true, encoding: .utf8)

        let check = try runLQL(["fmt", "--check", directory.path])
        #expect(check.status == 1)
        #expect(check.out.contains("-Order|where total>10 -- big ones\n-|take 5\n+Order\n+| where total > 10 -- big ones\n+| take 5\n"))
        #expect(check.err.contains("1 file of 1 not formatted"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == messy)

        let write = try runLQL(["fmt", file])
        #expect(write.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "Order\n| where total > 10 -- big ones\n| take 5\n")
        #expect(try runLQL(["fmt", "--check", file]).status == 0)
    }

    @Test func stdinIsFormattedToStdout() throws {
        let outcome = try runLQL(["fmt"], stdin: Data("Customer|select name,tier".utf8))
        #expect(outcome.status == 0)
        #expect(outcome.out == "Customer\n| select name, tier\n")
    }

    @Test func aSyntaxErrorIsReportedWithItsSpanAndExitsOne() throws {
        let outcome = try runLQL(["fmt"], stdin: Data("Order | where total >\n".utf8))
        #expect(outcome.status == 1)
        #expect(outcome.err.contains("error[E0125]") && outcome.err.contains("<stdin>:2:1"))
        #expect(outcome.out.isEmpty)
    }
}
