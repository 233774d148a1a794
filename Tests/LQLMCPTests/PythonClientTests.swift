import Foundation
import LQLTestSupport
import Testing

enum PythonMCP {
    static let isInstalled = (try? runProcess("/usr/bin/env", ["python3", "-c", "import mcp.client.stdio"]).status) == 0
}

/// The official Python MCP SDK as the client (scripts/mcp_client.py; installed by
/// scripts/install-deps.sh): the server speaks the protocol as a real client expects, and its
/// answers through that client equal `lql run`'s.
@Suite(.serialized, .enabled(if: PythonMCP.isInstalled, "python3 -c 'import mcp' fails: run scripts/install-deps.sh"))
struct PythonClientTests {
    static func drive(tenant: String, calls: [[String: Any]]) throws -> [[String: Any]] {
        let pg = try LeoraCluster.shared()
        let env = lqlEnvironment(["DATABASE_URL": pg.readerURL])
        let plan: [String: Any] = ["command": Repository.lqlBinary,
                                   "args": ["mcp", "--tenant", tenant, "--schema", Repository.leoraSchemaPath],
                                   "env": env, "calls": calls]
        let out = try runProcess("/usr/bin/env", ["python3", Repository.path("scripts/mcp_client.py")],
                                 stdin: try JSONSerialization.data(withJSONObject: plan))
        try #require(out.status == 0, "the Python client failed: \(out.err)")
        let answer = try JSONSerialization.jsonObject(with: Data(out.out.utf8)) as? [String: Any]
        #expect(answer?["server"] as? String == "lql")
        return answer?["results"] as? [[String: Any]] ?? []
    }

    @Test("the Python SDK's client lists the tools, reads the reference, and gets lql run's rows for each tenant")
    func pythonClient() throws {
        let query = "Order | group by status aggregate n: count(), value: sum(total) | sort status"
        for tenant in LeoraCluster.tenants {
            let results = try PythonClientTests.drive(tenant: tenant, calls: [
                ["list": "tools"], ["read": "lql://reference"],
                ["tool": "run_query", "arguments": ["query": query]],
                ["tool": "run_query", "arguments": ["query": "Order | count", "tenant": "well-crafted"]],
            ])
            try #require(results.count == 4)
            #expect(results[0]["tools"] as? [String] == ["describe_schema", "check_query", "compile_query", "run_query"])
            #expect(((results[1]["contents"] as? [String])?.first ?? "").hasPrefix("# Querying through lql"))
            let rows = (results[2]["structuredContent"] as? [String: Any])?["rows"]
            let pg = try LeoraCluster.shared()
            let expected = try runLQL(["run", "-", "--tenant", tenant, "--schema", Repository.leoraSchemaPath, "--format", "json"],
                                      environment: ["DATABASE_URL": pg.readerURL], stdin: Data(query.utf8))
            let expectedRows = try JSONSerialization.jsonObject(with: Data(expected.out.utf8))
            #expect(JSONValue.canonical(rows ?? []) == JSONValue.canonical(expectedRows), "\(tenant)")
            #expect(results[3]["isError"] as? Bool == true)
        }
    }
}
