import Testing
@testable import LQLRepl
#if canImport(Glibc)
import Glibc
#endif

@Suite struct FileCompletionTests {
    @Test func includeCompletesFilesAndDirectories() throws {
        let dir = try TemporaryDirectory()
        try dir.write("report-a.lql", "Order | count\n")
        try dir.write("report-b.lql", "Customer | count\n")
        try dir.write(".hidden.lql", "")
        try dir.makeDirectory("reports")
        try dir.write("reports/overdue.lql", "Invoice | count\n")
        let engine = CompletionEngine(catalog: LeoraCatalog.catalog, files: .system)

        let top = engine.complete("\\i \(dir.path)/")
        #expect(top.texts == ["\(dir.path)/report-a.lql", "\(dir.path)/report-b.lql", "\(dir.path)/reports/"])
        #expect(top.word == "\(dir.path)/")
        let partial = engine.complete("\\i \(dir.path)/report-")
        #expect(partial.texts == ["\(dir.path)/report-a.lql", "\(dir.path)/report-b.lql"])
        #expect(partial.replacement == nil)  // no longer common prefix: list them
        let folder = engine.complete("\\i \(dir.path)/reports/o")
        #expect(folder.texts == ["\(dir.path)/reports/overdue.lql"])
        #expect(folder.replacement == "\(dir.path)/reports/overdue.lql")
        #expect(engine.complete("\\i \(dir.path)/.h").texts == ["\(dir.path)/.hidden.lql"])
        #expect(engine.complete("\\include \(dir.path)/reports/").texts == ["\(dir.path)/reports/overdue.lql"])
        #expect(engine.complete("\\i \(dir.path)/missing/").texts == [])
    }
}

/// A directory under /tmp removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/lql-repl-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw TestError("mkdtemp failed") }
        path = String(cString: made)
    }

    deinit {
        _ = system("rm -rf '\(path)'")
    }

    func write(_ name: String, _ text: String) throws {
        let full = path + "/" + name
        guard let file = fopen(full, "w") else { throw TestError("cannot create \(full)") }
        fputs(text, file)
        fclose(file)
    }

    func read(_ name: String) -> String? {
        guard let file = fopen(path + "/" + name, "r") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        while true {
            let c = fgetc(file)
            if c == EOF { break }
            bytes.append(UInt8(c))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func makeDirectory(_ name: String) throws {
        guard mkdir(path + "/" + name, 0o755) == 0 else { throw TestError("mkdir failed") }
    }

    func entries() -> [String] {
        FileLister.system.entries(in: path).map(\.name).sorted()
    }
}

struct TestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
