import MCP

/// One tool call's arguments, checked against the tool's contract: every argument it does not
/// declare is refused by name (a `tenant`, `schema`, `database`, `sql`… is never obeyed), and
/// declared ones must have their declared JSON type.
struct ToolArguments {
    let values: [String: Value]

    init(_ given: [String: Value]?, allowed: Set<String>) throws(ToolRefusal) {
        let values = given ?? [:]
        let unknown = values.keys.filter { !allowed.contains($0) }.sorted()
        if !unknown.isEmpty {
            let list = unknown.map { "`\($0)`" }.joined(separator: ", ")
            let fixed = unknown.contains { ["tenant", "tenantid", "tenant_id", "schema", "db", "database", "connection", "role"].contains($0.lowercased()) }
            throw ToolRefusal("unknown argument\(unknown.count == 1 ? "" : "s") \(list); this tool takes only "
                + allowed.sorted().map { "`\($0)`" }.joined(separator: ", ")
                + (fixed ? ". The tenant, schema and connection were fixed when the server started and cannot be changed by a call." : "."))
        }
        self.values = values
    }

    func requiredString(_ name: String) throws(ToolRefusal) -> String {
        guard let value = values[name] else { throw ToolRefusal("missing argument `\(name)`") }
        guard case .string(let s) = value else { throw ToolRefusal("argument `\(name)` must be a string") }
        return s
    }

    func optionalInt(_ name: String) throws(ToolRefusal) -> Int? {
        switch values[name] {
        case nil, .null?: return nil
        case .int(let n)?: return n
        case .double(let d)? where d == d.rounded() && abs(d) < 1e15: return Int(d)
        default: throw ToolRefusal("argument `\(name)` must be an integer")
        }
    }

    /// `params`: an object of parameter values, each given as `--param name=value` would give it
    /// (strings as they are, numbers and booleans in their text form, a list as items joined by
    /// commas, null as an empty value).
    func parameters() throws(ToolRefusal) -> [String: String] {
        switch values["params"] {
        case nil, .null?: return [:]
        case .object(let object)?:
            var out: [String: String] = [:]
            for (rawName, value) in object {
                let name = rawName.hasPrefix("$") ? String(rawName.dropFirst()) : rawName
                out[name] = try ToolArguments.text(of: value, parameter: name)
            }
            return out
        default: throw ToolRefusal("argument `params` must be an object of parameter values, e.g. {\"since\": \"2025-01-01\"}")
        }
    }

    static func text(of value: Value, parameter: String) throws(ToolRefusal) -> String {
        switch value {
        case .string(let s): return s
        case .int(let n): return String(n)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        case .array(let items):
            var parts: [String] = []
            for item in items {
                if case .array = item { throw ToolRefusal("parameter `\(parameter)`: a list cannot hold lists") }
                if case .object = item { throw ToolRefusal("parameter `\(parameter)`: a list holds plain values") }
                parts.append(try text(of: item, parameter: parameter))
            }
            return parts.joined(separator: ",")
        case .object, .data: throw ToolRefusal("parameter `\(parameter)` must be a string, number, boolean or list")
        }
    }
}

/// A call refused before anything ran: its message goes back as a tool error the assistant can read.
struct ToolRefusal: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
