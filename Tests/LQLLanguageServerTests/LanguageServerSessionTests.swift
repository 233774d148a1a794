import Foundation
import LQLTestSupport
import Testing

/// `lql lsp` driven like an editor drives it: the real binary, a real JSON-RPC session over
/// pipes, in a workspace whose `prisma/schema.prisma` is the Leora schema.
@Suite struct LanguageServerSessionTests {
    let workspace: String
    let schemaPath: String

    init() throws {
        workspace = NSTemporaryDirectory() + "lql-lsp-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: workspace + "/prisma", withIntermediateDirectories: true)
        schemaPath = workspace + "/prisma/schema.prisma"
        try FileManager.default.copyItem(atPath: Repository.leoraSchemaPath, toPath: schemaPath)
    }

    func start() throws -> LanguageServerClient {
        var environment = ProcessInfo.processInfo.environment
        environment["LQL_SCHEMA"] = nil
        return try LanguageServerClient(environment: environment, directory: NSTemporaryDirectory())
    }

    func range(_ object: Any?) -> [Int] {
        guard let r = object as? [String: Any], let s = r["start"] as? [String: Any], let e = r["end"] as? [String: Any] else { return [] }
        return [s["line"], s["character"], e["line"], e["character"]].compactMap { $0 as? Int }
    }

    @Test func aWholeSession() throws {
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let client = try start()
        let uri = URL(fileURLWithPath: workspace + "/reports/r.lql").absoluteString

        let initialized = try client.request("initialize", ["processId": getpid(), "rootUri": URL(fileURLWithPath: workspace).absoluteString,
                                                             "capabilities": [String: Any]()])
        let capabilities = try #require((initialized["result"] as? [String: Any])?["capabilities"] as? [String: Any])
        #expect(capabilities["hoverProvider"] as? Bool == true)
        #expect(capabilities["documentFormattingProvider"] as? Bool == true)
        #expect(capabilities["definitionProvider"] as? Bool == true)
        #expect(capabilities["documentSymbolProvider"] as? Bool == true)
        #expect(capabilities["positionEncoding"] as? String == "utf-16")
        client.notify("initialized", [:])

        // Diagnostics on open, at UTF-16 positions: "é😀" is 3 UTF-16 units but 7 UTF-8 bytes.
        let broken = "Customer | where name == \"é😀\" and tiir == VIP\n"
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "lql", "version": 1, "text": broken]])
        let opened = try client.notification("textDocument/publishDiagnostics")
        let firstDiagnostics = try #require((opened["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]])
        let unknown = try #require(firstDiagnostics.first)
        #expect(range(unknown["range"]) == [0, 35, 0, 39])
        #expect((unknown["message"] as? String)?.contains("has no field `tiir`") == true)
        #expect((unknown["message"] as? String)?.contains("hint: did you mean `tier`?") == true)
        #expect(unknown["severity"] as? Int == 1)
        #expect(unknown["code"] as? String == "E0202")

        // didChange (whole text) to a valid report: no diagnostics.
        let report = """
            -- open orders
            param since: DateTime = today() - 30 days
            let recent = Order | where orderDate >= $since
            recent|select number,rep:salesRep.fullName,total

            """
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": report]]])
        let changed = try client.notification("textDocument/publishDiagnostics")
        #expect(((changed["params"] as? [String: Any])?["diagnostics"] as? [Any])?.isEmpty == true)

        // Completion after a relation and a dot: the related model's fields.
        let line3 = "recent|select number,rep:salesRep."
        let completion = try client.request("textDocument/completion", ["textDocument": ["uri": uri],
                                                                         "position": ["line": 3, "character": line3.utf16.count]])
        let items = try #require(completion["result"] as? [[String: Any]])
        let fullName = try #require(items.first { $0["label"] as? String == "fullName" })
        #expect(fullName["kind"] as? Int == 5)
        #expect(range((fullName["textEdit"] as? [String: Any])?["range"]) == [3, 34, 3, 34])

        // Hover: a field through a relation; the query's source gives its SQL and binds.
        let fieldHover = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 3, "character": 37]])
        let fieldText = ((fieldHover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(fieldText.contains("User.fullName: String"))
        let modelHover = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 2, "character": 14]])
        let modelText = ((modelHover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(modelText.contains("**Order**"))
        let queryHover = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 3, "character": 2]])
        let queryText = ((queryHover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(queryText.contains("let recent = Order"))
        let pipeHover = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 3, "character": 6]])
        let pipeText = ((pipeHover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(pipeText.contains("```sql\nSELECT"))
        #expect(pipeText.contains("`$1` = the tenant"))
        #expect(pipeText.contains(":: interval") || pipeText.contains("`30 days`") || pipeText.contains("$2"))

        // Go to definition: `$since` → its param, `recent` → its let.
        let toParam = try client.request("textDocument/definition", ["textDocument": ["uri": uri], "position": ["line": 2, "character": 43]])
        #expect(range((toParam["result"] as? [[String: Any]])?.first?["range"]) == [1, 6, 1, 11])
        let toLet = try client.request("textDocument/definition", ["textDocument": ["uri": uri], "position": ["line": 3, "character": 3]])
        #expect(range((toLet["result"] as? [[String: Any]])?.first?["range"]) == [2, 4, 2, 10])

        // A model and a field through a relation: their lines in the schema.
        let toModel = try client.request("textDocument/definition", ["textDocument": ["uri": uri], "position": ["line": 2, "character": 14]])
        let modelLocation = try #require((toModel["result"] as? [[String: Any]])?.first)
        #expect(modelLocation["uri"] as? String == URL(fileURLWithPath: schemaPath).absoluteString)
        let schemaLines = try String(contentsOfFile: schemaPath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let modelLine = range(modelLocation["range"]).first ?? -1
        #expect(modelLine >= 0 && schemaLines[modelLine].hasPrefix("model Order {"))
        let toField = try client.request("textDocument/definition", ["textDocument": ["uri": uri], "position": ["line": 3, "character": 37]])
        let fieldLine = range((toField["result"] as? [[String: Any]])?.first?["range"]).first ?? -1
        #expect(fieldLine >= 0 && schemaLines[fieldLine].trimmingCharacters(in: .whitespaces).hasPrefix("fullName"))

        // Document symbols: the param, the let and the query.
        let symbols = try client.request("textDocument/documentSymbol", ["textDocument": ["uri": uri]])
        let names = (symbols["result"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["$since", "recent", "recent|select number,rep:salesRep.fullName,total"])

        // Formatting: one edit with `lql fmt`'s text.
        let formatting = try client.request("textDocument/formatting", ["textDocument": ["uri": uri],
                                                                         "options": ["tabSize": 4, "insertSpaces": true]])
        let edits = try #require(formatting["result"] as? [[String: Any]])
        #expect(edits.count == 1)
        #expect(edits.first?["newText"] as? String == """
            -- open orders
            param since: DateTime = today() - 30 days
            let recent = Order
            | where orderDate >= $since
            recent
            | select number, rep: salesRep.fullName, total

            """)

        // The schema is read again when it changes: a new field is known to the next check.
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 3],
                                                 "contentChanges": [["text": "Customer | select nickname\n"]]])
        let before = try client.notification("textDocument/publishDiagnostics")
        #expect(((before["params"] as? [String: Any])?["diagnostics"] as? [Any])?.count == 1)
        let schemaText = try String(contentsOfFile: schemaPath, encoding: .utf8)
        try schemaText.replacingOccurrences(of: "model Customer {\n", with: "model Customer {\n  nickname String?\n")
            .write(toFile: schemaPath, atomically: true, encoding: .utf8)
        client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": URL(fileURLWithPath: schemaPath).absoluteString, "type": 2]]])
        let after = try client.notification("textDocument/publishDiagnostics")
        #expect(((after["params"] as? [String: Any])?["diagnostics"] as? [Any])?.isEmpty == true)

        // An incremental change (a range) is applied in place.
        client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 4], "contentChanges": [
            ["range": ["start": ["line": 0, "character": 18], "end": ["line": 0, "character": 26]], "text": "nickname, tiir"],
        ]])
        let incremental = try client.notification("textDocument/publishDiagnostics")
        let last = (incremental["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]]
        #expect(last?.count == 1)
        #expect(range(last?.first?["range"]) == [0, 28, 0, 32])

        let unknownMethod = try client.request("textDocument/rename", ["textDocument": ["uri": uri]])
        #expect((unknownMethod["error"] as? [String: Any])?["code"] as? Int == -32601)

        let shutdown = try client.request("shutdown")
        #expect(shutdown["result"] is NSNull)
        client.notify("exit", [:])
        #expect(client.waitForExit() == 0)
    }

    func hoverText(_ client: LanguageServerClient, _ uri: String, _ line: Int, _ character: Int) throws -> String {
        let answer = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": line, "character": character]])
        return ((answer["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
    }

    @Test func hoverKnowsScopesAndItemTypesAndBadInputIsAnErrorNotACrash() throws {
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let client = try start()
        _ = try client.request("initialize", ["rootUri": URL(fileURLWithPath: workspace).absoluteString, "capabilities": [String: Any]()])
        let uri = "file:///untitled/items.lql"
        let text = "Customer | select name, open: count(orders where status == PENDING), rep: salesRep.fullName\n"
        client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "lql", "version": 1, "text": text]])
        _ = try client.notification("textDocument/publishDiagnostics")

        // `status` inside `count(orders where …)` is the order's, not the customer's.
        #expect(try hoverText(client, uri, 0, 50).contains("Order.status: OrderStatus"))
        // The call in a named item: the item's type.
        #expect(try hoverText(client, uri, 0, 31).contains("open: BigInt"))
        // A label: its column's type.
        #expect(try hoverText(client, uri, 0, 70).contains("rep: String"))

        // A body that is not JSON gets a parse error; the server keeps serving.
        let garbage = Data("{not json".utf8)
        client.sendRaw(Data("Content-Length: \(garbage.count)\r\n\r\n".utf8) + garbage)
        let again = try client.request("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 1]])
        #expect(again["result"] is [String: Any])
        let notOpen = try client.request("textDocument/hover", ["textDocument": ["uri": "file:///nope.lql"], "position": ["line": 0, "character": 0]])
        #expect((notOpen["error"] as? [String: Any])?["code"] as? Int == -32602)

        // exit without shutdown: status 1, as the protocol says.
        client.notify("exit", [:])
        #expect(client.waitForExit() == 1)
    }
}

