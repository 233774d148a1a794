import Foundation
import LQLTestSupport
import Testing

/// `make install PREFIX=…` (scripts/install.sh) into a fresh prefix: the binary, the examples,
/// the man page and the completions land where a Debian user looks for them, and the installed
/// lql starts its demo from an empty directory, far from the checkout.
@Suite struct InstallTests {
    @Test func anInstalledLqlRunsItsDemoFromAnEmptyDirectory() throws {
        let base = NSTemporaryDirectory() + "lql-install-test-\(getpid())"
        let prefix = base + "/prefix", empty = base + "/empty", demo = base + "/demo"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        // The demo's server runs as postgres when the tests run as root: it must enter the folder.
        chmod(base, 0o755)
        let lql = prefix + "/bin/lql"
        defer {
            _ = try? runProcess(lql, ["demo", "stop", "--dir", demo], directory: empty)
            try? FileManager.default.removeItem(atPath: base)
        }
        let binDir = (Repository.lqlBinary as NSString).deletingLastPathComponent
        let install = try runProcess(Repository.root.path + "/scripts/install.sh", [prefix, binDir], directory: Repository.root.path)
        #expect(install.status == 0, "\(install.err)")

        for file in ["bin/lql", "share/lql/examples/leora/schema.prisma", "share/man/man1/lql.1",
                     "share/bash-completion/completions/lql", "share/zsh/site-functions/_lql",
                     "share/fish/vendor_completions.d/lql.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "missing \(file)")
        }
        let man = try String(contentsOfFile: prefix + "/share/man/man1/lql.1", encoding: .utf8)
        for command in ["run", "check", "compile", "schema", "doctor", "demo", "fmt", "lsp", "mcp"] {
            #expect(man.contains(".SS lql \(command)\n"), "man page lacks lql \(command)")
        }
        let bash = try String(contentsOfFile: prefix + "/share/bash-completion/completions/lql", encoding: .utf8)
        #expect(bash.contains("complete") && bash.contains("doctor"))

        let version = try runProcess(lql, ["--version"], directory: empty)
        #expect(version.status == 0 && version.out.hasPrefix("0.1.0"))
        // Nothing of the checkout is reachable from here: no LQL_EXAMPLES, an empty working folder.
        var environment = ProcessInfo.processInfo.environment
        environment["LQL_EXAMPLES"] = nil
        let start = try runProcess(lql, ["demo", "start", "--dir", demo], environment: environment, directory: empty)
        #expect(start.status == 0, "\(start.err)")
        #expect(start.out.contains("export DATABASE_URL="))
    }
}
