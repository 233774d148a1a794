import LQLSystem

/// Reads a `.env` file the way the Leora app (dotenv) does: `KEY=VALUE` lines, optional `export `,
/// `#` comments, single or double quotes (double quotes understand `\n`). Only variables that are
/// not already set in the environment are taken from it, and only the connection and tenant
/// defaults lql reads the way the app does (`readKeys`).
public enum DotEnv {
    /// What a `.env` may set. A `.env` comes with whatever directory lql is run in (a cloned
    /// repository), so it never chooses a command (`LQL_PAGER`, `PAGER`, `EDITOR`), the audit log,
    /// the schema, the configuration file or anything else; those come from the real environment
    /// or the command line. `DIRECT_URL` is the app's too, but lql does not read it.
    public static let readKeys: Set<String> = ["DATABASE_URL", "DEFAULT_TENANT_SLUG"]

    public static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = rawLine.trimmingBlanks()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = line.dropFirst(7).trimmingBlanks() }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingBlanks()
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            var value = line[line.index(after: eq)...].trimmingBlanks()
            if let q = value.first, q == "\"" || q == "'", value.count >= 2, value.last == q {
                value = String(value.dropFirst().dropLast())
                if q == "\"" { value = value.replacingAll("\\n", with: "\n") }
            } else if let hash = DotEnv.commentStart(in: value) {
                value = value[..<hash].trimmingBlanks()
            }
            result[key] = value
        }
        return result
    }

    /// Where ` #` (an inline comment) starts in an unquoted value.
    static func commentStart(in value: String) -> String.Index? {
        var previous: Character?
        for i in value.indices {
            if value[i] == "#", previous == " " { return value.index(before: i) }
            previous = value[i]
        }
        return nil
    }

    /// The process environment with `.env` (in `directory`) filling in what is unset, of `readKeys`.
    public static func mergedEnvironment(directory: String, base: [String: String]) -> [String: String] {
        var env = base
        if let bytes = FileSystem.contents(of: FilePath.join(directory, ".env")),
           let text = String(validating: bytes, as: UTF8.self) {
            for (k, v) in parse(text) where env[k] == nil && readKeys.contains(k) { env[k] = v }
        }
        return env
    }
}
