import Foundation

/// Reads a `.env` file the way the Leora app (dotenv) does: `KEY=VALUE` lines, optional `export `,
/// `#` comments, single or double quotes (double quotes understand `\n`). Only variables that are
/// not already set in the environment are taken from it.
public enum DotEnv {
    public static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if let q = value.first, q == "\"" || q == "'", value.count >= 2, value.last == q {
                value = String(value.dropFirst().dropLast())
                if q == "\"" { value = value.replacingOccurrences(of: "\\n", with: "\n") }
            } else if let hash = value.range(of: " #") {
                value = value[..<hash.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            result[key] = value
        }
        return result
    }

    /// The process environment with `.env` (in `directory`) filling in what is unset.
    public static func mergedEnvironment(directory: String, base: [String: String]) -> [String: String] {
        var env = base
        let path = (directory as NSString).appendingPathComponent(".env")
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            for (k, v) in parse(text) where env[k] == nil { env[k] = v }
        }
        return env
    }
}
