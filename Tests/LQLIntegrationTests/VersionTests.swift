import Foundation
import LQLTestSupport
import Testing

/// `lql --version`: the version number, and the git commit the binary was built from when the
/// build was stamped (`make build`, `make test` and the release script run scripts/stamp-commit.sh).
@Suite struct VersionTests {
    @Test func versionNamesTheNumberAndTheStampedCommit() throws {
        let r = try runLQL(["--version"], environment: [:])
        #expect(r.status == 0)
        let line = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix("0.1.0"), "\(line)")
        let stamp = try? String(contentsOfFile: "Sources/CSignals/generated/lql_commit.h", encoding: .utf8)
        let commit = stamp?.split(separator: "\"").dropFirst().first.map(String.init) ?? ""
        if commit.isEmpty {
            #expect(line == "0.1.0")
        } else {
            #expect(line == "0.1.0 (commit \(commit))")
        }
    }
}
