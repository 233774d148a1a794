import Foundation
import LQL
import Testing

/// Broken input gets diagnostics, never a crash: every golden source with one word removed,
/// or two adjacent words swapped, compiles to a program or to errors.
struct RobustnessTests {
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" })
    }

    @Test(arguments: GoldenTests.names)
    func mutatedGoldenSourcesNeverCrash(_ name: String) throws {
        let text = try String(contentsOf: Fixtures.goldenDirectory.appendingPathComponent(name + ".lql"), encoding: .utf8)
        let params = GoldenTests.parameters(in: text)
        let words = RobustnessTests.words(text)
        for i in words.indices {
            var dropped = words
            dropped.remove(at: i)
            let result = Fixtures.compile(dropped.joined(separator: " "), parameters: params)
            #expect(result.program != nil || result.hasErrors)
            if i + 1 < words.count {
                var swapped = words
                swapped.swapAt(i, i + 1)
                let r2 = Fixtures.compile(swapped.joined(separator: " "), parameters: params)
                #expect(r2.program != nil || r2.hasErrors)
            }
        }
    }

    @Test func errorSpansLieInsideTheSource() throws {
        for name in GoldenTests.names {
            let text = try String(contentsOf: Fixtures.goldenDirectory.appendingPathComponent(name + ".lql"), encoding: .utf8)
            let broken = text.replacingOccurrences(of: "a", with: "q")
            let result = Fixtures.compile(broken)
            for d in result.diagnostics {
                #expect(d.span.start >= 0 && d.span.end <= broken.utf8.count, "\(name): \(d.message)")
            }
        }
    }
}
