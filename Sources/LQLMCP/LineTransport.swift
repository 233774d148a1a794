#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Logging
import MCP

/// MCP's stdio framing (one JSON-RPC message per line) on blocking file descriptors.
///
/// Why not the SDK's `StdioTransport`: it makes stdin non-blocking and, whenever no byte is
/// waiting, sleeps 10 ms before trying again, so a request that arrives while it sleeps waits
/// up to 10 ms (5 ms on average) before the server even sees it: that alone is the whole
/// overhead budget of `run_query`. Here a dedicated thread blocks in read(2) and hands every
/// complete line to the stream the moment it arrives; writes are one blocking write(2) loop.
public actor LineTransport: Transport {
    public nonisolated let logger: Logger
    private let input: Int32
    private let output: Int32
    private let messages: AsyncThrowingStream<Data, Swift.Error>
    private let continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation
    private var started = false

    public init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
        self.logger = Logger(label: "lql.mcp.transport", factory: { _ in SwiftLogNoOpLogHandler() })
        (messages, continuation) = AsyncThrowingStream<Data, Swift.Error>.makeStream()
    }

    public func connect() async throws {
        guard !started else { return }
        started = true
        let fd = input, continuation = continuation
        let reader = Thread { LineTransport.readLines(fd: fd, into: continuation) }
        reader.name = "lql-mcp-stdin"
        reader.start()
    }

    public func disconnect() async {
        continuation.finish()
    }

    public func send(_ data: Data) async throws {
        var bytes = [UInt8](data)
        bytes.append(0x0A)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(output, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
            }
            offset += n
        }
    }

    public nonisolated func receive() -> AsyncThrowingStream<Data, Swift.Error> { messages }

    /// Reads until end of input, yielding each non-empty line (without its newline; a `\r`
    /// before it is dropped too). End of input finishes the stream, which ends the server.
    static func readLines(fd: Int32, into continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                break
            }
            if n == 0 { break }
            var start = pending.count
            pending.append(contentsOf: buffer[0..<n])
            var lineStart = 0
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                var end = newline
                if end > lineStart, pending[end - 1] == 0x0D { end -= 1 }
                if end > lineStart { continuation.yield(Data(pending[lineStart..<end])) }
                lineStart = newline + 1
                start = lineStart
            }
            pending.removeFirst(lineStart)
        }
        continuation.finish()
    }
}
