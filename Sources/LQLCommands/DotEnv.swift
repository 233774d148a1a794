import LQLSystem

/// Reads a `.env` file the way the Leora app (dotenv) does: `KEY=VALUE` lines, optional `export `,
/// `#` comments, single or double quotes (double quotes understand `\n`). Only variables that are
/// not already set in the environment are taken from it.
public enum DotEnv {
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

    /// The process environment with `.env` (in `directory`) filling in what is unset.
    public static func mergedEnvironment(directory: String, base: [String: String]) -> [String: String] {
        var env = base
        if let bytes = FileSystem.contents(of: FilePath.join(directory, ".env")),
           let text = String(validating: bytes, as: UTF8.self) {
            for (k, v) in parse(text) where env[k] == nil { env[k] = v }
        }
        return env
    }
}
