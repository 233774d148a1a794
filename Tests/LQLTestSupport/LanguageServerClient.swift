import Foundation

/// A language-server client for tests: starts a real `lql lsp` process and talks JSON-RPC over
/// its pipes with LSP framing, as an editor does. Messages from the server are read on a thread
/// of their own; `request` waits for the answer with the same id (notifications are kept
/// for `notification(_:)`).
public final class LanguageServerClient: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe(), output = Pipe()
    private let lock = NSCondition()
    private var received: [[String: Any]] = []
    private var nextID = 1
    private var readerDone = false

    public init(arguments: [String] = [], environment: [String: String], directory: String) throws {
        process.executableURL = URL(fileURLWithPath: Repository.lqlBinary)
        process.arguments = ["lsp"] + arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        Thread { [self] in readLoop(handle) }.start()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    private func readLoop(_ handle: FileHandle) {
        var buffer = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let headerEnd = buffer.range(of: Data("\r\n\r\n".utf8)) {
                let header = String(decoding: buffer[buffer.startIndex..<headerEnd.lowerBound], as: UTF8.self)
                let length = header.split(separator: "\r\n").compactMap { line -> Int? in
                    let parts = line.split(separator: ":", maxSplits: 1)
                    return parts.count == 2 && parts[0].lowercased() == "content-length"
                        ? Int(parts[1].trimmingCharacters(in: .whitespaces)) : nil
                }.first ?? 0
                guard buffer.count - (headerEnd.upperBound - buffer.startIndex) >= length else { break }
                let body = buffer[headerEnd.upperBound..<(headerEnd.upperBound + length)]
                buffer = Data(buffer[(headerEnd.upperBound + length)...])
                if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
                    lock.lock(); received.append(object); lock.broadcast(); lock.unlock()
                }
            }
        }
        lock.lock(); readerDone = true; lock.broadcast(); lock.unlock()
    }

    public func send(_ message: [String: Any]) {
        var m = message
        m["jsonrpc"] = "2.0"
        let body = try! JSONSerialization.data(withJSONObject: m)
        input.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    /// Bytes as they are, for malformed input.
    public func sendRaw(_ data: Data) {
        input.fileHandleForWriting.write(data)
    }

    public func notify(_ method: String, _ params: [String: Any]) {
        send(["method": method, "params": params])
    }

    public struct Timeout: Error, CustomStringConvertible {
        public var description: String
    }

    /// Sends a request and waits (up to `timeout` seconds) for its response.
    public func request(_ method: String, _ params: [String: Any] = [:], timeout: TimeInterval = 20) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        send(["id": id, "method": method, "params": params])
        return try waitFor(timeout: timeout, "the answer to \(method)") { ($0["id"] as? Int) == id && $0["method"] == nil }
    }

    /// The next notification `method` (removed from the queue).
    public func notification(_ method: String, timeout: TimeInterval = 20) throws -> [String: Any] {
        try waitFor(timeout: timeout, method) { ($0["method"] as? String) == method && $0["id"] == nil }
    }

    private func waitFor(timeout: TimeInterval, _ what: String, _ match: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let index = received.firstIndex(where: match) { return received.remove(at: index) }
            if readerDone { throw Timeout(description: "the server closed its output before \(what)") }
            if !lock.wait(until: deadline) { throw Timeout(description: "no \(what) within \(timeout) s") }
        }
    }

    /// Closes stdin-side of the conversation and waits for the process; its exit status.
    public func waitForExit(timeout: TimeInterval = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate(); return nil }
        return process.terminationStatus
    }
}
