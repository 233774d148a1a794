import Foundation
import MCP

/// `tools/call` answered straight from the line (see LineTransport): parsed with
/// JSONSerialization, arguments converted to the SDK's `Value` by hand, the result written back
/// as JSON without the SDK's encode-decode round trip. Everything else goes to the SDK's Server.
enum DirectToolCalls {
    /// The reply to a `tools/call` request, or nil for any other message.
    static func reply(to line: Data, call: (String, [String: Value]?) -> CallTool.Result) -> Data? {
        // Cheap test first: most messages are not tool calls.
        guard line.range(of: Data("tools/call".utf8)) != nil,
              let request = try? JSONDecoder().decode(Request.self, from: line),
              request.method == CallTool.name, let id = request.id else { return nil }
        guard let params = request.params else {
            return encode(["jsonrpc": "2.0", "id": id.any, "error": ["code": -32602, "message": "tools/call needs a tool name"]])
        }
        let result = call(params.name, params.arguments?.mapValues(\.value))
        var object: [String: Any] = ["content": result.content.map(content), "isError": result.isError ?? false]
        if let structured = result.structuredContent { object["structuredContent"] = any(structured) }
        return encode(["jsonrpc": "2.0", "id": id.any, "result": object])
    }

    struct Request: Decodable {
        var id: RequestID?
        var method: String
        var params: Params?
        struct Params: Decodable {
            var name: String
            var arguments: [String: Argument]?
        }
    }

    enum RequestID: Decodable {
        case number(Int), string(String)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) { self = .number(n) } else { self = .string(try c.decode(String.self)) }
        }
        var any: Any { switch self { case .number(let n): n; case .string(let s): s } }
    }

    /// A JSON argument as the SDK's Value, decoded without the SDK's per-string data-URL regex.
    struct Argument: Decodable {
        var value: Value
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { value = .null }
            else if let b = try? c.decode(Bool.self) { value = .bool(b) }
            else if let n = try? c.decode(Int.self) { value = .int(n) }
            else if let d = try? c.decode(Double.self) { value = .double(d) }
            else if let s = try? c.decode(String.self) { value = .string(s) }
            else if let a = try? c.decode([Argument].self) { value = .array(a.map(\.value)) }
            else { value = .object(try c.decode([String: Argument].self).mapValues(\.value)) }
        }
    }

    static func encode(_ object: [String: Any]) -> Data? {
        try? JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes])
    }

    static func content(_ c: Tool.Content) -> Any {
        switch c {
        case .text(let text, _, _): return ["type": "text", "text": text]
        default: return (try? JSONSerialization.jsonObject(with: JSONEncoder().encode(c))) ?? [:]
        }
    }

    static func any(_ v: Value) -> Any {
        switch v {
        case .null: return NSNull()
        case .bool(let b): return b
        case .int(let n): return n
        case .double(let d): return d.isFinite ? d : NSNull()
        case .string(let s): return s
        case .data(let mime, let data): return "data:\(mime ?? "application/octet-stream");base64,\(data.base64EncodedString())"
        case .array(let a): return a.map(any)
        case .object(let o): return o.mapValues(any)
        }
    }
}
