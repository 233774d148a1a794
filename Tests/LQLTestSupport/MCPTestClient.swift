import Foundation

/// An MCP client over pipes, as a desktop assistant runs a server: starts the real `lql mcp`
/// binary, sends newline-delimited JSON-RPC, reads the answer to each request by its id.
/// Initializes on start (initialize, then notifications/initialized).
public final class MCPTestClient {
    public let process = Process()
    private let toServer = Pipe(), fromServer = Pipe(), errors = Pipe()
    private var buffer = Data()
    private var nextID = 1
    public private(set) var initializeResult: [String: Any] = [:]

    public init(tenant: String, schema: String = Repository.leoraSchemaPath, extraArguments: [String] = [], environment extra: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: Repository.lqlBinary)
        process.arguments = ["mcp", "--tenant", tenant, "--schema", schema] + extraArguments
        process.environment = lqlEnvironment(extra)
        process.currentDirectoryURL = Repository.root
        process.standardInput = toServer
        process.standardOutput = fromServer
        process.standardError = errors
        try process.run()
        initializeResult = try request("initialize", [
            "protocolVersion": "2025-06-18", "capabilities": [String: Any](),
            "clientInfo": ["name": "lql-tests", "version": "1"],
        ])
        try send(["jsonrpc": "2.0", "method": "notifications/initialized"])
    }

    deinit { close() }

    /// Ends the session as a client does: closes the server's stdin, waits for it to exit.
    @discardableResult
    public func close() -> Int32 {
        try? toServer.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    public var standardError: String {
        String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    public func send(_ message: [String: Any]) throws {
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0x0A)
        try toServer.fileHandleForWriting.write(contentsOf: data)
    }

    /// Sends a request and returns its `result`; a JSON-RPC error is thrown.
    public func request(_ method: String, _ params: [String: Any]? = nil) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["jsonrpc": "2.0", "id": id, "method": method]
        if let params { message["params"] = params }
        try send(message)
        while true {
            let line = try readLine()
            guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any] else { continue }
            guard (object["id"] as? Int) == id else { continue }
            if let error = object["error"] as? [String: Any] { throw RPCError(object: error) }
            return object["result"] as? [String: Any] ?? [:]
        }
    }

    /// A tool call's result (content, structuredContent, isError).
    public func call(_ tool: String, _ arguments: [String: Any]) throws -> ToolResult {
        ToolResult(try request("tools/call", ["name": tool, "arguments": arguments]))
    }

    private func readLine() throws -> Data {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return Data(line)
            }
            let chunk = fromServer.fileHandleForReading.availableData
            if chunk.isEmpty { throw RPCError(object: ["message": "the server closed its output; stderr: \(standardError)"]) }
            buffer.append(chunk)
        }
    }
}

public struct RPCError: Error, CustomStringConvertible {
    public let object: [String: Any]
    public var description: String { "JSON-RPC error \(object)" }
}

public struct ToolResult {
    public let raw: [String: Any]
    public init(_ raw: [String: Any]) { self.raw = raw }
    public var isError: Bool { raw["isError"] as? Bool ?? false }
    public var structured: [String: Any] { raw["structuredContent"] as? [String: Any] ?? [:] }
    public var text: String { ((raw["content"] as? [[String: Any]])?.first?["text"] as? String) ?? "" }
    public var rows: [[String: Any]] { structured["rows"] as? [[String: Any]] ?? [] }
    public var diagnosticCodes: [String] { (structured["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
    public var truncated: Bool { structured["truncated"] as? Bool ?? false }
}

/// JSON values compared as JSON (key order and number spelling do not matter).
public enum JSONValue {
    public static func canonical(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: ["v": value], options: [.sortedKeys, .fragmentsAllowed])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
