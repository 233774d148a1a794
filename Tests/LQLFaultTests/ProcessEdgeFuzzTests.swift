import Foundation
import LQLTestSupport
import Testing

/// A bounded property test at the process edge: valid invocations of the real binary (run with
/// `-o`, run a report, `-e`, check, compile, schema) with one to three of the inputs lql reads
/// replaced by hostile values — every command-line option, every environment variable lql
/// itself reads, the same keys in `.env` — NaN, infinities, huge and negative numbers, NUL,
/// invalid UTF-8, control and bidi characters, shell and SQL metacharacters, 100 KiB values on
/// the command line and in the environment (the kernel's limit per argument is 128 KiB), 1 MiB
/// in `.env`. Every run must end with a status 0–4 by itself (never a signal, never the 30 s
/// kill), and leave no `-o` file unless it succeeded, and no temporary file either way.
/// LQL_EDGE_FUZZ_COUNT changes the count (default 120, about 30 s), LQL_EDGE_FUZZ_SEED the seed (printed).
/// libpq's own PG* variables are left alone: lql does not read them, and a hostile PGHOST is a
/// DNS lookup, not an edge of lql.
@Suite(.serialized) struct ProcessEdgeFuzzTests {
    static var count: Int { ProcessInfo.processInfo.environment["LQL_EDGE_FUZZ_COUNT"].flatMap(Int.init) ?? 120 }
    static var seed: UInt64 { ProcessInfo.processInfo.environment["LQL_EDGE_FUZZ_SEED"].flatMap(UInt64.init) ?? 0xED6E_F022 }

    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Hostile values as bytes (not Strings: some are not UTF-8).
    static let fixedValues: [[UInt8]] = {
        let texts = ["nan", "NaN", "-nan", "inf", "-inf", "+Infinity", "1e16", "1e400", "-1e400", "-1", "-0", "0", "2147483.648",
                     "2147483.647", "0x1p62", "4.9e-324", String(repeating: "9", count: 400), "-" + String(repeating: "9", count: 400),
                     "", " ", "\t", "\r", "true", "--help", "-e", "--", "=", "==", "a=b=c", "x=", "=x", "min=nan", "min=1e400",
                     "'; DROP TABLE tenants; --", "\"", "\\", "$(touch lql-fuzz-shell)", "`id`", "%s%n%x", "{{x}}",
                     "<script>alert(1)</script>", "\u{202E}evil", "é", "🦀", "\u{FEFF}", "\u{7F}", "\u{1B}[31m",
                     "postgresql:///x?host=/nonexistent-lql-socket-dir", "host=/nonexistent-lql-socket-dir dbname=x",
                     "well-crafted", "harbor-wines", "csv", "json", "rls", "schema", "table", "ndjson"]
        var values = texts.map { Array($0.utf8) }
        values += [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0x80], Array("a".utf8) + [0xFF, 0xFE] + Array("b".utf8), [0xF4, 0x90, 0x80, 0x80]]
        values += [Array("a\u{0}b".utf8), [0], Array("well-crafted".utf8) + [0]]
        return values
    }()

    enum Slot: Hashable {
        case option(String)
        case environment(String)
        case dotEnv(String)
    }

    /// The environment variables lql reads (demo-only LQL_EXAMPLES / LQL_PG_BINDIR left out:
    /// `lql demo` starts servers, which is not this test's business).
    static let variables = ["LQL_TENANT", "DEFAULT_TENANT_SLUG", "DATABASE_URL", "LQL_SCHEMA", "LQL_AUDIT_LOG", "NO_COLOR",
                            "TERM", "HOME", "USER", "LQL_HISTORY", "PAGER", "LQL_PAGER"]
    /// Values that name files: kept inside the run's own directory (no `/`), so a hostile value
    /// can never make the test write outside it.
    static let pathSlots: Set<Slot> = [.option("-o"), .environment("LQL_AUDIT_LOG"), .dotEnv("LQL_AUDIT_LOG"),
                                       .environment("LQL_HISTORY"), .dotEnv("LQL_HISTORY"), .environment("HOME"), .dotEnv("HOME")]

    struct Base {
        var name: String
        var arguments: [String]
        var options: [String]
        var flags: [String]
    }

    static let schemaPath = Repository.leoraSchemaPath
    static let bases: [Base] = [
        Base(name: "run -o", arguments: ["run", "-e", "Order | sort number | select number, total | take 20", "--format", "csv", "-o", "out.csv"],
             options: ["--tenant", "--db", "--timeout", "--schema", "--tenancy", "--format", "-o", "--param", "-e"],
             flags: ["--verbose", "--quiet", "--decimals-as-numbers"]),
        Base(name: "run report", arguments: ["run", Repository.path("examples/reports/at-risk-customers.lql"), "--format", "json"],
             options: ["--tenant", "--db", "--timeout", "--schema", "--tenancy", "--format", "-o", "--param"],
             flags: ["--verbose", "--quiet", "--decimals-as-numbers"]),
        Base(name: "-e", arguments: ["-e", "Customer | count"],
             options: ["--tenant", "--db", "--timeout", "--schema", "--tenancy", "--format", "-e"], flags: ["--verbose", "--quiet"]),
        Base(name: "compile", arguments: ["compile", "-e", "param min: Decimal\nOrder | where total > $min | count", "--param", "min=10"],
             options: ["--schema", "--tenancy", "-e", "--param"], flags: []),
        Base(name: "check", arguments: ["check", Repository.path("examples/reports/at-risk-customers.lql")],
             options: ["--schema", "--tenancy"], flags: []),
        Base(name: "schema", arguments: ["schema"], options: ["--schema", "--tenancy"], flags: []),
    ]

    /// Turns an argument into one the wrapper script decodes with printf %b when it is not UTF-8
    /// (Foundation's process arguments are Strings).
    static func argument(_ bytes: [UInt8]) -> String {
        let clean = bytes.filter { $0 != 0 }  // no argument or variable can hold NUL
        if let text = String(validating: clean, as: UTF8.self) { return text }
        return "@@B:" + clean.map { "\\0" + String($0, radix: 8) }.joined()
    }

    static let wrapper = """
        lql="$1"; shift
        for name in $FUZZ_RAW_ENV; do eval "v=\\$FUZZ_RAW_$name"; export "$name=$(printf '%b' "$v")"; unset "FUZZ_RAW_$name"; done
        unset FUZZ_RAW_ENV
        n=$#
        while [ "$n" -gt 0 ]; do
          a="$1"; shift
          case "$a" in @@B:*) a="$(printf '%b' "${a#@@B:}")" ;; esac
          set -- "$@" "$a"
          n=$((n - 1))
        done
        exec timeout -s KILL 30 "$lql" "$@"
        """

    struct Case: CustomStringConvertible {
        var index: Int
        var base: String
        var arguments: [String]
        var environment: [String: String]
        var dotEnv: [UInt8]
        var output: String?
        var changed: [String]
        var description: String {
            "case \(index) (\(base)): \(changed.joined(separator: "; ")) — args \(arguments.map { $0.count > 60 ? String($0.prefix(60)) + "…(\($0.count))" : $0 })"
        }
    }

    static func value<G: RandomNumberGenerator>(for slot: Slot, _ g: inout G) -> [UInt8] {
        var bytes: [UInt8]
        switch Int.random(in: 0..<10, using: &g) {
        case 0:
            // Long: 1 MiB in .env, 100 KiB where the kernel's per-argument limit applies.
            let length = if case .dotEnv = slot { 1 << 20 } else { 100_000 }
            bytes = Array(repeating: UInt8(ascii: "w"), count: length)
        case 1:
            bytes = (0..<Int.random(in: 1...40, using: &g)).map { _ in UInt8.random(in: 1...255, using: &g) }
        default:
            bytes = fixedValues.randomElement(using: &g)!
        }
        if case .dotEnv = slot { bytes = bytes.filter { $0 != UInt8(ascii: "\n") } }
        if pathSlots.contains(slot) {
            bytes = bytes.map { $0 == UInt8(ascii: "/") ? UInt8(ascii: "_") : $0 }
            if bytes == Array(".".utf8) || bytes == Array("..".utf8) { bytes = Array("x".utf8) }
        }
        return bytes
    }

    static func makeCase<G: RandomNumberGenerator>(_ index: Int, readerURL: String, directory: String, _ g: inout G) -> Case {
        let base = bases.randomElement(using: &g)!
        var arguments = base.arguments + ["--schema", schemaPath]
        if base.options.contains("--tenant") { arguments += ["--tenant", "well-crafted"] }
        var environment = lqlEnvironment(["DATABASE_URL": readerURL, "HOME": directory, "LQL_AUDIT_LOG": directory + "/audit.jsonl"])
        var rawEnvironment: [String: [UInt8]] = [:]
        var dotEnv: [UInt8] = []
        var changed: [String] = []
        var slots: [Slot] = base.options.map { .option($0) }
        // HOME and USER from .env would only apply with the process's own unset, which lets a
        // hostile .env send the audit log to the real home; they are fuzzed in the environment.
        slots += variables.map { .environment($0) } + variables.filter { $0 != "HOME" && $0 != "USER" }.map { .dotEnv($0) }
        for _ in 0..<Int.random(in: 1...3, using: &g) {
            let slot = slots.randomElement(using: &g)!
            let bytes = value(for: slot, &g)
            let shown = String(decoding: bytes.prefix(40), as: UTF8.self).debugDescription + (bytes.count > 40 ? "…(\(bytes.count) bytes)" : "")
            switch slot {
            case .option(let name):
                if let i = arguments.firstIndex(of: name), i + 1 < arguments.count {
                    arguments[i + 1] = argument(bytes)
                } else {
                    arguments += [name, argument(bytes)]
                }
                changed.append("\(name) \(shown)")
            case .environment(let name):
                rawEnvironment[name] = bytes
                changed.append("env \(name)=\(shown)")
            case .dotEnv(let name):
                // Only an unset variable is filled from .env.
                environment.removeValue(forKey: name)
                rawEnvironment.removeValue(forKey: name)
                dotEnv += Array(name.utf8) + [UInt8(ascii: "=")] + bytes + [UInt8(ascii: "\n")]
                changed.append(".env \(name)=\(shown)")
            }
        }
        if Bool.random(using: &g), let flag = base.flags.randomElement(using: &g) { arguments.append(flag) }
        var raw: [String] = []
        for (name, bytes) in rawEnvironment {
            let clean = bytes.filter { $0 != 0 }
            if let text = String(validating: clean, as: UTF8.self) {
                environment[name] = text
            } else {
                environment.removeValue(forKey: name)
                environment["FUZZ_RAW_" + name] = clean.map { "\\0" + String($0, radix: 8) }.joined()
                raw.append(name)
            }
        }
        if !raw.isEmpty { environment["FUZZ_RAW_ENV"] = raw.joined(separator: " ") }
        let output = arguments.firstIndex(of: "-o").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        return Case(index: index, base: base.name, arguments: arguments, environment: environment, dotEnv: dotEnv,
                    output: output, changed: changed)
    }

    @Test func hostileInputsEndWithADocumentedStatusAndNoPartialFile() throws {
        let leora = try LeoraCluster.shared()
        var g = SplitMix(state: Self.seed)
        let root = NSTemporaryDirectory() + "lql-edge-fuzz-\(getpid())"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let script = root + "/wrap.sh"
        try Self.wrapper.write(toFile: script, atomically: true, encoding: .utf8)
        let start = ContinuousClock.now
        var statuses: [Int32: Int] = [:]
        for index in 0..<Self.count {
            let directory = root + "/\(index)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let c = Self.makeCase(index, readerURL: leora.readerURL, directory: directory, &g)
            if !c.dotEnv.isEmpty { try Data(c.dotEnv).write(to: URL(fileURLWithPath: directory + "/.env")) }
            let r = try runProcess("/bin/sh", [script, Repository.lqlBinary] + c.arguments, environment: c.environment,
                                   directory: directory, stdin: Data())
            statuses[r.status, default: 0] += 1
            #expect(!r.signaled && (0...4).contains(r.status), "status \(r.status)\(r.signaled ? " (signal)" : ""): \(c)\n\(r.err.prefix(400))")
            #expect(!r.err.contains("Fatal error"), "\(c)\n\(r.err.prefix(400))")
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            #expect(!entries.contains { $0.contains(".lql-") }, "a temporary output file was left: \(entries) \(c)")
            if let output = c.output, r.status != 0, !output.isEmpty, !output.hasPrefix("@@B:") {
                #expect(!FileManager.default.fileExists(atPath: directory + "/" + output), "a failed run left -o \(output): \(c)")
            }
            if let output = c.output, r.status == 0, !output.isEmpty, !output.hasPrefix("@@B:"), !output.hasPrefix("-") {
                #expect(FileManager.default.fileExists(atPath: directory + "/" + output), "a successful run wrote no -o \(output): \(c)")
            }
            try? FileManager.default.removeItem(atPath: directory)
        }
        let elapsed = ContinuousClock.now - start
        print("edge fuzz: \(Self.count) runs, seed \(Self.seed), statuses \(statuses.sorted { $0.key < $1.key }), \(elapsed)")
        // Hostile inputs must not all be refused the same way: the valid paths were reached too.
        #expect(statuses[0, default: 0] > 0 && statuses.count >= 3, "\(statuses)")
    }
}
