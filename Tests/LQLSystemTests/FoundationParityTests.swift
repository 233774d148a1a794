import Foundation
import Testing
import LQLSystem

/// LQLSystem replaces a few Foundation calls on lql's run path; each must mean what the
/// Foundation call meant, checked here against Foundation itself.
@Suite struct FoundationParityTests {
    @Test(arguments: ["a", "a/", "/", "", "/a/b", "/a/b/"])
    func joinMatchesAppendingPathComponent(base: String) {
        for component in ["b", "b/c", ".env", ".lql/audit.jsonl"] {
            #expect(FilePath.join(base, component) == (base as NSString).appendingPathComponent(component),
                    "join(\(base), \(component))")
        }
    }

    /// Expected values written out: swift-corelibs-foundation's `deletingLastPathComponent`
    /// traps on some of these inputs (Swift 6.3, Linux), so it cannot be the reference here.
    @Test(arguments: [("/a/b/c", "/a/b"), ("/a", "/"), ("a", ""), ("a/b/", "a"), ("/", "/"),
                      ("rel/schema.prisma", "rel"), ("/x/prisma/schema.prisma", "/x/prisma"), ("", "")])
    func parentIsTheDirectoryPart(path: String, parent: String) {
        #expect(FilePath.parent(path) == parent)
    }

    @Test(arguments: ["", "  ", " a ", "\ta b\t", " \n a \n ", "\u{00A0}x\u{2003}", "x", "\r\n"])
    func trimmingMatchesCharacterSets(text: String) {
        #expect(text.trimmingBlanks() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test(arguments: [("a-b-c", "-", "_"), ("say \"hi\"", "\"", "\"\""), ("a\\b\"c", "\\", "\\\\"),
                      ("aaa", "aa", "b"), ("", "x", "y"), ("x\\ny", "\\n", "\n"), ("é-e\u{301}", "é", "E")])
    func replacingAllMatchesReplacingOccurrences(text: String, target: String, replacement: String) {
        #expect(text.replacingAll(target, with: replacement) == text.replacingOccurrences(of: target, with: replacement))
    }

    @Test(arguments: [("/// @sensitive", "@sensitive"), ("abc", ""), ("", "a"), ("aab", "ab"), ("é", "e"), ("xé", "é"), ("ab", "abc")])
    func containsSubstringMatchesFoundation(text: String, part: String) {
        #expect(text.containsSubstring(part) == (part.isEmpty || text.range(of: part) != nil))
    }

    @Test func environmentMatchesProcessInfo() {
        #expect(ProcessEnvironment.current() == ProcessInfo.processInfo.environment)
    }

    @Test func filesAndDirectories() throws {
        let dir = NSTemporaryDirectory() + "lql-system-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let nested = dir + "/x/y"
        #expect(FileSystem.kind(of: dir) == .missing)
        #expect(FileSystem.createDirectories(nested, mode: 0o700))
        #expect(FileSystem.kind(of: nested) == .directory)
        let mode = try FileManager.default.attributesOfItem(atPath: dir)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let file = nested + "/f"
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(FileManager.default.createFile(atPath: file, contents: Data(bytes)))
        #expect(FileSystem.kind(of: file) == .file)
        #expect(FileSystem.contents(of: file) == bytes)
        #expect(FileSystem.contents(of: nested) == nil, "a directory has no contents")
        #expect(FileSystem.contents(of: dir + "/missing") == nil)
        #expect(FileSystem.currentDirectory() == FileManager.default.currentDirectoryPath)
    }
}
