import MCP

/// The tools' names, descriptions and input schemas: a contract with assistants and their
/// configurations, so names and arguments do not change. Every schema closes its properties
/// (`additionalProperties: false`); a call with any other argument is refused by ToolArguments.
enum ToolCatalog {
    static let describeSchema = "describe_schema"
    static let checkQuery = "check_query"
    static let compileQuery = "compile_query"
    static let runQuery = "run_query"

    static let defaultRowLimit = 200
    static let maxRowLimit = 1000

    static let allowedArguments: [String: Set<String>] = [
        describeSchema: [],
        checkQuery: ["query"],
        compileQuery: ["query", "params"],
        runQuery: ["query", "params", "limit"],
    ]

    static func tools(tenant: String) -> [Tool] {
        let query: Value = .object(["type": "string", "description": "LQL text (not SQL). Read lql://reference for the language."])
        let params: Value = .object([
            "type": "object",
            "description": "Values for the query's `param` declarations or `$name` references: {\"since\": \"2025-06-01\", \"statuses\": [\"OPEN\"]}.",
            "additionalProperties": .object(["type": .array(["string", "number", "integer", "boolean", "array", "null"])]),
        ])
        let readOnly = Tool.Annotations(readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false)
        return [
            Tool(name: describeSchema, title: "Describe the schema",
                 description: "The models the assistant may query, with fields (LQL type, nullability, doc comment), relations (target model, to-one or to-many) and enums. Sensitive fields and the tenant key are listed as refused.",
                 inputSchema: .object(["type": "object", "properties": .object([:]), "additionalProperties": false]),
                 annotations: readOnly),
            Tool(name: checkQuery, title: "Check an LQL query",
                 description: "Parse and type-check LQL without running it. Returns diagnostics (code, message, line/column, hints) to repair the query, its parameters and output columns.",
                 inputSchema: .object(["type": "object", "properties": .object(["query": query]), "required": ["query"],
                                       "additionalProperties": false]),
                 annotations: readOnly),
            Tool(name: compileQuery, title: "Compile an LQL query to SQL",
                 description: "The parameterized PostgreSQL statement(s) an LQL query compiles to, with their binds ($1 is the tenant, bound by the server). For explanation; nothing runs.",
                 inputSchema: .object(["type": "object", "properties": .object(["query": query, "params": params]),
                                       "required": ["query"], "additionalProperties": false]),
                 annotations: readOnly),
            Tool(name: runQuery, title: "Run an LQL query",
                 description: "Run one LQL query read-only in tenant `\(tenant)` (fixed by the server) and return its rows as JSON objects keyed by column name. At most `limit` rows (default \(defaultRowLimit), at most \(maxRowLimit)); `truncated` is true when there were more.",
                 inputSchema: .object(["type": "object",
                                       "properties": .object(["query": query, "params": params,
                                                              "limit": .object(["type": "integer", "minimum": 1, "maximum": .int(maxRowLimit),
                                                                                "description": "Row cap (default \(defaultRowLimit))."])]),
                                       "required": ["query"], "additionalProperties": false]),
                 annotations: readOnly),
        ]
    }
}
