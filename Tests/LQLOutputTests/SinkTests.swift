import Foundation
import LQLOutput
import Testing

@Suite struct SinkTests {
    private func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "lql-sink-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func atomicSinkRenamesOnCommit() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/out.csv"
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        let sink = try AtomicFileSink(path: target)
        let writer = makeWriter(.csv, to: sink)
        try writer.begin(columns: [OutputColumn(name: "n", typeOID: PostgresType.int4)])
        for i in 0..<50_000 { try writer.write(row: [String(i)]) }
        try writer.end()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")  // untouched until commit
        try sink.commit()
        let text = try String(contentsOfFile: target, encoding: .utf8)
        #expect(text.hasPrefix("n\n0\n1\n"))
        #expect(text.split(separator: "\n").count == 50_001)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.csv"])
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o044 } == 0o044 & ~Int(currentUmask()))
    }

    @Test func atomicSinkLeavesNothingWhenDiscardedOrDropped() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/report.json"
        do {
            let sink = try AtomicFileSink(path: target)
            try sink.write(String(repeating: "x", count: 200_000))
            #expect(FileManager.default.fileExists(atPath: sink.temporaryPath!))
            sink.discard()
        }
        do {
            let sink = try AtomicFileSink(path: target)
            try sink.write("partial")
            _ = sink  // dropped without commit: a failed run
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test func fileDescriptorSinkWritesInChunks() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/fd.txt"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let sink = FileDescriptorSink(fileDescriptor: fd, capacity: 1000, closesOnDeinit: true)
        try sink.write(String(repeating: "a", count: 999))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 0)  // still buffered
        try sink.write("bb")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 1001)  // one chunk written
        try sink.write("c")
        try sink.flush()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == String(repeating: "a", count: 999) + "bbc")
    }

    private func currentUmask() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }
}
