import Foundation

/// JSON-RPC 2.0 messages over a byte stream with LSP's framing: `Content-Length: N\r\n\r\n`
/// then N bytes of UTF-8 JSON. Written by hand: the framing is a dozen lines and the server
/// needs nothing else from a library.
final class JSONRPCTransport {
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
    }

    enum Incoming {
        case message([String: Any])
        /// The frame was read but its body is not a JSON object.
        case malformed
    }

    /// The next message, or nil at the end of the input (or on a broken header).
    func read() -> Incoming? {
        while true {
            if let (length, bodyStart) = header() {
                while buffer.count - bodyStart < length {
                    guard fill() else { return nil }
                }
                let body = Data(buffer[bodyStart..<(bodyStart + length)])
                start = bodyStart + length
                compact()
                guard let object = try? JSONSerialization.jsonObject(with: body), let message = object as? [String: Any] else {
                    return .malformed
                }
                return .message(message)
            }
            guard fill() else { return nil }
        }
    }

    func send(_ message: [String: Any]) {
        var object = message
        object["jsonrpc"] = "2.0"
        guard let body = try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes]) else { return }
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        bytes += body
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Foundation.write(output, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }

    /// Parses a complete header block at `start`: the body length and where the body starts.
    private func header() -> (Int, Int)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard buffer.count - start >= 4 else { return nil }
        var i = start
        while i + 4 <= buffer.count {
            if buffer[i] == 13, Array(buffer[i..<(i + 4)]) == separator {
                let text = String(decoding: buffer[start..<i], as: UTF8.self)
                var length = 0
                for line in text.split(separator: "\r\n") {
                    let parts = line.split(separator: ":", maxSplits: 1)
                    if parts.count == 2, parts[0].lowercased() == "content-length" {
                        length = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
                    }
                }
                return (length, i + 4)
            }
            i += 1
        }
        return nil
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress, $0.count) }
            if n > 0 { buffer += chunk[0..<n]; return true }
            if n < 0, errno == EINTR { continue }
            return false
        }
    }

    private func compact() {
        if start > 65536 || start == buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
