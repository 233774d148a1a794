import LQLOutput
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Golden files for rendered output (Tests/LQLOutputTests/Golden/NAME.txt). A mismatch fails
/// and shows both; LQL_UPDATE_GOLDEN=1 rewrites the files (review the diff before committing).
enum GoldenOutput {
    static var directory: String {
        let file = #filePath
        return String(file[..<file.lastIndex(of: "/")!]) + "/Golden"
    }

    static func check(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = directory + "/" + name + ".txt"
        if getenv("LQL_UPDATE_GOLDEN") != nil {
            let f = fopen(path, "w")!
            fputs(actual, f)
            fclose(f)
            return
        }
        guard let f = fopen(path, "r") else {
            Issue.record("missing golden file \(path); run with LQL_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        fclose(f)
        let expected = String(decoding: bytes, as: UTF8.self)
        #expect(actual == expected, "golden \(name) differs:\n--- expected\n\(expected)\n--- actual\n\(actual)", sourceLocation: sourceLocation)
    }

    static func render(_ format: OutputFormat, _ columns: [OutputColumn], _ rows: [[String?]],
                       options: OutputOptions = OutputOptions()) throws -> String {
        let sink = MemorySink()
        let writer = makeWriter(format, to: sink, options: options)
        try writer.begin(columns: columns)
        for row in rows { try writer.write(row: row) }
        try writer.end()
        return sink.text
    }
}
