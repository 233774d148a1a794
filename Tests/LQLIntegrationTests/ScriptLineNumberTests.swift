import Foundation
import LQLTestSupport
import Testing

/// A script is compiled one statement at a time, but its errors name the script's own lines:
/// `<stdin>:LINE:COL` for a script on stdin, `PATH:LINE:COL` for a file run with `\i`.
@Suite struct ScriptLineNumberTests {
    func lql(stdin: String) throws -> ProcessOutcome {
        let leora = try LeoraCluster.shared()
        return try runLQL(["--tenant", "well-crafted", "--db", leora.readerURL, "--schema", Repository.leoraSchemaPath],
                          stdin: Data(stdin.utf8))
    }

    @Test func anErrorInAStdinScriptNamesTheScriptsLine() throws {
        let script = "-- open orders\n\nCustomer | count\n\nOrder\n  | where totl > 10\n  | count\n"
        let r = try lql(stdin: script)
        #expect(r.status == 1)
        #expect(r.out.contains("count"), "the first statement ran")
        #expect(r.err.contains("--> <stdin>:6:11"), "\(r.err)")
        #expect(r.err.contains("6 |   | where totl > 10"), "\(r.err)")
    }

    @Test func aBadMetaCommandInAStdinScriptNamesItsLine() throws {
        let r = try lql(stdin: "Customer | count\n\\format yaml\n")
        #expect(r.status == 1)
        #expect(r.err.contains("<stdin>:2:"), "\(r.err)")
    }

    @Test func anErrorInAnIncludedFileNamesTheFileAndItsLine() throws {
        let path = NSTemporaryDirectory() + "lql-lines-\(UUID().uuidString).lql"
        try "Payment | count\n\n-- the next query is wrong\nInvoice | select nmber\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { unlink(path) }
        let r = try lql(stdin: "Customer | count\n\\i \(path)\n")
        #expect(r.status == 1)
        #expect(r.err.contains("--> \(path):4:18"), "\(r.err)")
    }
}
