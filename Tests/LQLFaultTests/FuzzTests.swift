import Foundation
import LQL
import LQLTestSupport
import Testing

/// A seeded random-input run over the parser and checker: structured mutations of valid
/// queries (the golden set and the shipped reports) — tokens dropped, doubled, swapped,
/// replaced by schema names, keywords or extreme literals, ranges wrapped in parentheses,
/// truncations, splices, stray bytes. Every input must compile to a program or to error
/// diagnostics whose spans lie in the source and that render; every accepted program's SQL
/// must have exactly as many binds as placeholders. LQL_FUZZ_COUNT changes the count,
/// LQL_FUZZ_SEED the seed (printed, so a failure replays).
@Suite struct FuzzTests {
    static var count: Int { ProcessInfo.processInfo.environment["LQL_FUZZ_COUNT"].flatMap(Int.init) ?? 30_000 }
    static var seed: UInt64 { ProcessInfo.processInfo.environment["LQL_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED_1F02 }

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

    /// Strings, dates, words, two-character operators, any other character, runs of blanks.
    static let tokenPattern = try! NSRegularExpression(pattern: #""(?:[^"\\]|\\.)*"|@[0-9T:.+Z-]+|[A-Za-z_$][A-Za-z0-9_]*|[0-9][0-9_.]*|\.\.|\?\?|==|!=|<=|>=|\s+|."#)

    static func tokens(_ text: String) -> [String] {
        let ns = text as NSString
        return tokenPattern.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }

    static func corpus() throws -> [String] {
        var files: [String] = []
        for dir in ["Tests/LQLCompileTests/Golden", "examples/reports"] {
            let path = Repository.path(dir)
            for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted() where name.hasSuffix(".lql") {
                files.append(try String(contentsOfFile: path + "/" + name, encoding: .utf8))
            }
        }
        return files
    }

    @Test func mutatedQueriesAlwaysEndInAProgramOrADiagnostic() throws {
        let catalog = try LeoraExample.catalog()
        let sources = try FuzzTests.corpus().map(FuzzTests.tokens)
        var vocabulary = Set(sources.flatMap { $0 }.filter { !$0.allSatisfy(\.isWhitespace) })
        for model in catalog.models {
            vocabulary.insert(model.name)
            for field in model.fields { vocabulary.insert(field.name) }
        }
        vocabulary.formUnion(["99999999999999999999999999", "-9223372036854775809", "1e400", "0.0000000000000000000000000001",
                              "@0000-01-01", "@9999-12-31T23:59:59+14:00", "@2025-02-30", "\"\\u{110000}\"", "\"\\u{D800}\"",
                              "\"\\", "'", "\u{0}", "\u{FFFD}", "\u{202E}", "é", "🦀", "$", "$$", "$1", "--", "/*", "*/",
                              "((((((((", "))))", "[[[[", "{", "}", "|", "||", ";", "\n", "\n|", "param", "p: Int", "let", "=",
                              "9999999 years", "-1 days", "1..", "..2", "in []", "count()", "any(", "all(", "tenantId", "tenant"])
        let words = Array(vocabulary).sorted()
        let parameterValues = ["1", "-1", "x", "", "2025-01-01", "99999999999999999999", "1.5", "true", "null", "a,b", "\u{FFFD}"]
        var rng = SplitMix(state: FuzzTests.seed)
        var accepted = 0, rejected = 0, slowest = 0.0, slowestInput = ""
        let start = ContinuousClock.now

        for i in 0..<FuzzTests.count {
            var t = sources[Int.random(in: 0..<sources.count, using: &rng)]
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                guard !t.isEmpty else { break }
                let k = Int.random(in: 0..<t.count, using: &rng)
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: t.remove(at: k)
                case 1: t.insert(t[k], at: k)
                case 2: if k + 1 < t.count { t.swapAt(k, k + 1) }
                case 3: t[k] = words.randomElement(using: &rng)!
                case 4: t.insert(" " + words.randomElement(using: &rng)! + " ", at: k)
                case 5: t = Array(t[..<k])
                case 6:
                    let other = sources.randomElement(using: &rng)!
                    t = Array(t[..<k]) + other[Int.random(in: 0..<max(1, other.count), using: &rng)...]
                case 7:
                    let end = min(t.count, k + Int.random(in: 1...6, using: &rng))
                    t.insert(")", at: end)
                    t.insert("(", at: k)
                case 8:
                    // Repeat a piece many times: long chains and wide lists.
                    let piece = Array(t[k..<min(t.count, k + Int.random(in: 1...3, using: &rng))])
                    t.insert(contentsOf: Array(repeating: piece, count: Int.random(in: 2...300, using: &rng)).flatMap { $0 }, at: k)
                default:
                    let scalar = Unicode.Scalar(UInt8.random(in: 0...127, using: &rng))
                    t.insert(String(Character(scalar)), at: k)
                }
            }
            let text = t.joined()
            var parameters: [String: String] = [:]
            for name in text.matches(of: /param\s+([A-Za-z_][A-Za-z0-9_]*)/).map({ String($0.1) }) where Bool.random(using: &rng) {
                parameters[name] = parameterValues.randomElement(using: &rng)!
            }
            let t0 = ContinuousClock.now
            let source = SourceFile(name: "fuzz-\(i).lql", text: text)
            let result = LQLCompiler.compile(source: source, catalog: catalog, parameters: parameters)
            _ = DiagnosticRenderer(useColor: false).render(result.diagnostics, in: source)
            let took = (ContinuousClock.now - t0).seconds
            if took > slowest { slowest = took; slowestInput = String(text.prefix(200)) }

            let size = text.utf8.count
            let badSpans = result.diagnostics.filter { $0.span.start < 0 || $0.span.end > size || $0.span.start > $0.span.end }
            #expect(badSpans.isEmpty, "input \(i) (seed \(FuzzTests.seed)): spans outside the source: \(text.debugDescription)")
            if let program = result.program, !result.hasErrors {
                accepted += 1
                for statement in program.statements {
                    let placeholders = Set(statement.sql.text.matches(of: /\$([0-9]+)/).compactMap { Int($0.1) })
                    #expect(placeholders == Set(1...max(1, statement.sql.binds.count)) || (placeholders.isEmpty && statement.sql.binds.isEmpty),
                            "input \(i): \(statement.sql.binds.count) binds for placeholders \(placeholders.sorted()): \(text.debugDescription)")
                }
            } else {
                rejected += 1
                #expect(result.hasErrors, "input \(i) (seed \(FuzzTests.seed)) rejected without an error: \(text.debugDescription)")
            }
        }
        let elapsed = (ContinuousClock.now - start).seconds
        print("""
            fuzz (seed \(FuzzTests.seed)): \(FuzzTests.count) mutated inputs in \(String(format: "%.1f", elapsed)) s: \
            \(accepted) compiled, \(rejected) rejected with diagnostics; slowest \(String(format: "%.1f", slowest * 1000)) ms: \
            \(slowestInput.debugDescription.prefix(120))
            """)
        #expect(accepted > FuzzTests.count / 50, "the mutations must keep some inputs valid, or only the parser is exercised")
        #expect(rejected > FuzzTests.count / 2)
    }
}
