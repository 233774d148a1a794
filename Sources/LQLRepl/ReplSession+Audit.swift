import LQLTenancy

/// What the prompt tells the tenant scope its statements came from; the scope writes the audit
/// records (one per statement, with the resolved tenant and the source without its literals).
extension ReplSession {
    /// The last query with the session's definitions in front of it: the text that was compiled,
    /// so a record of `vip | count` also shows what `vip` was.
    func auditSource(_ text: String?) -> ScopeSource {
        let entry = text ?? ""
        return ScopeSource(text: definitions.prelude(replacedBy: entry) + entry, origin: entryAuditOrigin)
    }

    /// `prompt` for what a person typed, `include` inside `\i FILE` (at any depth), `stdin` for a
    /// script read from standard input.
    static func auditOrigin(scriptName: String?, includeDepth: Int) -> String {
        if includeDepth > 0 { return "include" }
        return scriptName == nil ? "prompt" : "stdin"
    }
}
