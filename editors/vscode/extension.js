// Starts `lql lsp` for .lql files. All language features live in the server; this file only
// tells VS Code how to start it.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration("lql");
  const args = ["lsp"];
  if (config.get("schema")) args.push("--schema", config.get("schema"));
  const server = { command: config.get("path") || "lql", args };
  client = new LanguageClient("lql", "LQL", server, {
    documentSelector: [{ scheme: "file", language: "lql" }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/schema.prisma") },
  });
  client.start();
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
