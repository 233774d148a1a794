import Foundation
import LQL
import LQLSystem

/// `lql lsp`: a Language Server Protocol server over stdio. One thread reads a request, answers
/// it and reads the next; every answer is computed from the document text and the workspace
/// schema (no database). Features: diagnostics (as `lql check`), completion (the prompt's
/// engine), hover, go to definition, formatting (as `lql fmt`) and document symbols.
public final class LanguageServer {
    let transport: JSONRPCTransport
    var schema: WorkspaceSchema
    var documents: [String: TextDocument] = [:]
    private var shutdownRequested = false
    private let log: (String) -> Void
    private let version: String

    public init(version: String, schemaPath: String?, environment: [String: String], workingDirectory: String,
                input: Int32 = 0, output: Int32 = 1) {
        self.version = version
        transport = JSONRPCTransport(input: input, output: output)
        schema = WorkspaceSchema(explicitPath: schemaPath, environment: environment, root: workingDirectory)
        log = { StandardStreams.error("lql lsp: " + $0) }
    }

    /// Serves until `exit` (or the end of the input). Returns the process's exit status: 0 after
    /// `shutdown` then `exit`, 1 otherwise, as the protocol asks.
    public func run() -> Int32 {
        while let incoming = transport.read() {
            guard case .message(let message) = incoming else {
                transport.send(["id": NSNull(), "error": ["code": -32700, "message": "the message is not a JSON object"]])
                continue
            }
            let method = message["method"] as? String ?? ""
            let params = message["params"] as? [String: Any] ?? [:]
            if method == "exit" { return shutdownRequested ? 0 : 1 }
            guard let id = message["id"] else {
                notification(method, params)
                continue
            }
            if message["method"] == nil { continue }  // a response to a request of ours: none are sent
            switch request(method, params) {
            case .success(let result): transport.send(["id": id, "result": result])
            case .failure(let error): transport.send(["id": id, "error": ["code": error.code, "message": error.message]])
            }
        }
        return shutdownRequested ? 0 : 1
    }

    struct ResponseError: Error {
        var code: Int
        var message: String
        static func methodNotFound(_ m: String) -> ResponseError { ResponseError(code: -32601, message: "unknown method \(m)") }
        static func invalidParams(_ m: String) -> ResponseError { ResponseError(code: -32602, message: m) }
    }

    private func request(_ method: String, _ params: [String: Any]) -> Result<Any, ResponseError> {
        if method != "initialize", method != "shutdown" { refreshSchema() }
        switch method {
        case "initialize": return .success(initialize(params))
        case "shutdown":
            shutdownRequested = true
            return .success(NSNull())
        case "textDocument/completion": return withDocument(params) { completion($0, at: $1) }
        case "textDocument/hover": return withDocument(params) { hover($0, at: $1) }
        case "textDocument/definition": return withDocument(params) { definition($0, at: $1) }
        case "textDocument/formatting": return withDocument(params, needsPosition: false) { doc, _ in formatting(doc) }
        case "textDocument/documentSymbol": return withDocument(params, needsPosition: false) { doc, _ in symbols(doc) }
        default: return .failure(.methodNotFound(method))
        }
    }

    private func withDocument(_ params: [String: Any], needsPosition: Bool = true,
                              _ body: (TextDocument, Int) -> Any) -> Result<Any, ResponseError> {
        guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String else {
            return .failure(.invalidParams("textDocument.uri is missing"))
        }
        guard let document = documents[uri] else { return .failure(.invalidParams("\(uri) is not open")) }
        var offset = 0
        if needsPosition {
            guard let position = Self.position(params["position"]) else { return .failure(.invalidParams("position is missing")) }
            offset = document.offset(of: position)
        }
        return .success(body(document, offset))
    }

    static func position(_ value: Any?) -> TextDocument.Position? {
        guard let p = value as? [String: Any], let line = p["line"] as? Int, let character = p["character"] as? Int else { return nil }
        return TextDocument.Position(line: line, character: character)
    }

    private func notification(_ method: String, _ params: [String: Any]) {
        switch method {
        case "textDocument/didOpen":
            guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
                  let text = item["text"] as? String else { return }
            documents[uri] = TextDocument(uri: uri, version: item["version"] as? Int ?? 0, text: text)
            refreshSchema()
            publishDiagnostics(uri)
        case "textDocument/didChange":
            guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
                  var document = documents[uri], let changes = params["contentChanges"] as? [[String: Any]] else { return }
            for change in changes {
                guard let text = change["text"] as? String else { continue }
                if let range = change["range"] as? [String: Any], let s = Self.position(range["start"]), let e = Self.position(range["end"]) {
                    document.apply(range: (s, e), text: text)
                } else {
                    document.replace(with: text)
                }
            }
            document.version = item["version"] as? Int ?? document.version
            documents[uri] = document
            refreshSchema()
            publishDiagnostics(uri)
        case "textDocument/didClose":
            guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String else { return }
            documents[uri] = nil
            transport.send(["method": "textDocument/publishDiagnostics", "params": ["uri": uri, "diagnostics": [Any]()]])
        case "workspace/didChangeWatchedFiles":
            refreshSchema(force: true)
        default:
            break  // initialized, $/cancelRequest, didSave…: nothing to do
        }
    }

    private func initialize(_ params: [String: Any]) -> Any {
        if let folders = params["workspaceFolders"] as? [[String: Any]], let uri = folders.first?["uri"] as? String {
            schema.root = TextDocument.path(of: uri)
        } else if let uri = params["rootUri"] as? String {
            schema.root = TextDocument.path(of: uri)
        } else if let path = params["rootPath"] as? String {
            schema.root = path
        }
        schema.refresh(force: true)
        if let problem = schema.problem {
            log(problem)
            // Said once, in the editor too: without a schema only syntax is checked.
            transport.send(["method": "window/showMessage",
                            "params": ["type": 2, "message": "lql: \(problem); only syntax is checked"] as [String: Any]])
        }
        return [
            "capabilities": [
                "positionEncoding": "utf-16",
                "textDocumentSync": ["openClose": true, "change": 2],
                "completionProvider": ["triggerCharacters": [".", "$", "|", "{", "("], "resolveProvider": false],
                "hoverProvider": true,
                "definitionProvider": true,
                "documentFormattingProvider": true,
                "documentSymbolProvider": true,
            ] as [String: Any],
            "serverInfo": ["name": "lql", "version": version],
        ]
    }

    /// Reloads a changed schema; every open document's diagnostics then follow the new one.
    private func refreshSchema(force: Bool = false) {
        guard schema.refresh(force: force) else { return }
        if let problem = schema.problem { log(problem) }
        for uri in documents.keys.sorted() { publishDiagnostics(uri) }
    }
}
