import Foundation
import LQLDiagnostics
import Testing
@testable import LQLSchema

/// Hostile bytes must give diagnostics, never a crash or a hang.
@Suite struct SchemaRobustnessTests {
    /// A small deterministic generator, so failures reproduce.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func expectSurvives(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let source = SourceFile(name: "noise.prisma", text: text)
        let result = PrismaSchemaReader.read(source)
        #expect(result.diagnostics.count <= SchemaDiagnosticSink.limit + 1, sourceLocation: sourceLocation)
        for d in result.diagnostics {
            #expect(d.span.start >= 0 && d.span.end <= source.bytes.count && d.span.start <= d.span.end,
                    "\(d.code) \(d.span)", sourceLocation: sourceLocation)
        }
        _ = DiagnosticRenderer(useColor: false).render(result.diagnostics, in: source)
    }

    @Test func randomBytes() {
        var rng = SplitMix64(state: 0x5EED)
        for _ in 0..<200 {
            let length = Int.random(in: 0..<400, using: &rng)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            expectSurvives(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func tokenSoup() {
        var rng = SplitMix64(state: 42)
        let pieces = ["model", "enum", "view", "type", "datasource", "generator", "A", "B", "id", "Int", "String", "{", "}",
                      "(", ")", "[", "]", "@", "@@", "@id", "@relation", "fields:", "references:", ",", "=", "?", "[]",
                      "\"s\"", "\"", "12", "-3", "\n", "///", "//", "@@map(\"x\")", "Unsupported(", "db.Decimal", ":"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 1..<120, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined(separator: " ")
            expectSurvives(text)
        }
    }

    @Test func mutatedLeoraSchema() throws {
        let leora = try String(contentsOfFile: SchemaFixtures.example("leora"), encoding: .utf8)
        var rng = SplitMix64(state: 7)
        var bytes = Array(leora.utf8)
        for _ in 0..<60 {
            var copy = bytes
            for _ in 0..<Int.random(in: 1..<8, using: &rng) {
                let i = Int.random(in: 0..<copy.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: copy.remove(at: i)
                case 1: copy.insert(Array("{}()[]@\"\n".utf8).randomElement(using: &rng)!, at: i)
                default: copy[i] = UInt8.random(in: 0...255, using: &rng)
                }
            }
            expectSurvives(String(decoding: copy, as: UTF8.self))
            bytes = Array(leora.utf8)
        }
    }

    @Test func deepNesting() {
        for opener in ["[", "(", "{"] {
            let deep = String(repeating: opener, count: 10_000)
            expectSurvives(deep)
            expectSurvives("model A {\n  id Int @default(" + deep + ")\n}\n")
            expectSurvives("datasource db {\n  x = " + deep + "\n}\n")
        }
        let nested = "model A {\n  id Int @default(" + String(repeating: "f(", count: 10_000) + String(repeating: ")", count: 10_000) + ")\n}\n"
        let result = SchemaFixtures.read(nested)
        #expect(result.diagnostics.contains { $0.code == .schemaNestingTooDeep })
    }

    @Test func largeInputIsFast() {
        let model = "model M{i} {\n  id Int @id\n  name String @map(\"n\") @db.VarChar(20)\n}\n"
        let text = (0..<3000).map { model.replacingOccurrences(of: "{i}", with: String($0)) }.joined()
        let start = Date()
        let result = SchemaFixtures.read(text)
        #expect(result.catalog?.models.count == 3000)
        #expect(Date().timeIntervalSince(start) < 10)
    }
}
