import LQLDiagnostics
import LQLSchema
import LQLSystem
import TOMLKit

/// What `lql.toml` says (configuration.md): where the schema is, the app's tenancy, extra
/// sensitive fields, and defaults. Read here and nowhere else: the schema reader gets the
/// tenancy part as a value, the compiler never sees the file.
public struct LQLConfiguration: Sendable, Hashable {
    /// The file it was read from (absolute).
    public var path: String
    /// `schema = "prisma/schema"`, made absolute against the file's directory.
    public var schema: String?
    /// `[tenancy]`, `[tenancy.through]`, `[tenancy.shared]` and `[sensitive]`.
    public var tenancy: TenancyConfiguration
    /// `[defaults]`.
    public var defaultTenant: String?
    public var defaultFormat: String?
    public var defaultTimeZone: String?
    /// `[tenancy] suggest_tenants`: whether an unknown `--tenant` gets "did you mean" with other
    /// tenants' slugs. nil: only at the interactive prompt (support staff); `lql mcp` never.
    public var suggestTenants: Bool?

    public init(path: String, schema: String? = nil, tenancy: TenancyConfiguration = TenancyConfiguration(),
                defaultTenant: String? = nil, defaultFormat: String? = nil, defaultTimeZone: String? = nil) {
        self.path = path
        self.schema = schema
        self.tenancy = tenancy
        self.defaultTenant = defaultTenant
        self.defaultFormat = defaultFormat
        self.defaultTimeZone = defaultTimeZone
    }

    public static let fileName = "lql.toml"
}

/// A problem with the file: its path and what is wrong, for a usage error (exit 2).
public struct LQLConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}

public enum LQLConfigurationLoader {
    /// `--config`, else `LQL_CONFIG`, else `lql.toml` in the working directory or the nearest
    /// parent that has one. An explicit path is returned even if missing, so `load` reports it.
    public static func locate(explicit: String?, environment: [String: String], workingDirectory: String) -> String? {
        func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : FilePath.join(workingDirectory, p) }
        if let explicit, !explicit.isEmpty { return absolute(explicit) }
        if let env = environment["LQL_CONFIG"], !env.isEmpty { return absolute(env) }
        var directory = workingDirectory
        while true {
            let candidate = FilePath.join(directory, LQLConfiguration.fileName)
            if FileSystem.kind(of: candidate) == .file { return candidate }
            guard let slash = directory.lastIndex(of: "/"), directory != "/" else { return nil }
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
    }

    public static func load(path: String) throws(LQLConfigurationError) -> LQLConfiguration {
        guard let bytes = FileSystem.contents(of: path) else {
            throw LQLConfigurationError(path: path, message: FileSystem.kind(of: path) == .missing ? "does not exist" : "cannot be read")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LQLConfigurationError(path: path, message: "not valid UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Parses the text of `lql.toml`. Unknown keys are errors: a misspelt `shraed` must not
    /// quietly leave a model to the defaults.
    public static func parse(_ text: String, path: String) throws(LQLConfigurationError) -> LQLConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let e as TOMLParseError {
            throw LQLConfigurationError(path: path, message: "line \(e.source.begin.line), column \(e.source.begin.column): \(e.description)")
        } catch {
            throw LQLConfigurationError(path: path, message: "\(error)")
        }
        var reader = Reader(path: path)
        return try reader.configuration(table)
    }

    struct Reader {
        let path: String

        func fail(_ message: String) -> LQLConfigurationError { LQLConfigurationError(path: path, message: message) }

        func allow(_ table: TOMLTable, _ keys: [String], in name: String) throws(LQLConfigurationError) {
            for key in table.keys where !keys.contains(key) {
                let close = Suggestions.closest(to: key, among: keys)
                throw fail("unknown key `\(key)`\(name.isEmpty ? "" : " in [\(name)]")"
                           + (close.isEmpty ? "; known keys: " + keys.joined(separator: ", ") : "; did you mean \(Suggestions.quotedList(close))?"))
            }
        }

        func string(_ table: TOMLTable, _ key: String, in name: String) throws(LQLConfigurationError) -> String? {
            guard let v = table[key] else { return nil }
            guard let s = v.string else { throw fail("`\(name.isEmpty ? "" : name + ".")\(key)` must be a string") }
            return s
        }

        func strings(_ table: TOMLTable, _ key: String, in name: String) throws(LQLConfigurationError) -> [String]? {
            guard let v = table[key] else { return nil }
            if let s = v.string { return [s] }
            guard let array = v.array else { throw fail("`\(name).\(key)` must be a list of strings") }
            var out: [String] = []
            for item in array {
                guard let s = item.string else { throw fail("`\(name).\(key)` must be a list of strings") }
                out.append(s)
            }
            return out
        }

        func subtable(_ table: TOMLTable, _ key: String, in name: String) throws(LQLConfigurationError) -> TOMLTable? {
            guard let v = table[key] else { return nil }
            guard let t = v.table else { throw fail("`\(name.isEmpty ? "" : name + ".")\(key)` must be a table ([\(name.isEmpty ? "" : name + ".")\(key)])") }
            return t
        }

        mutating func configuration(_ root: TOMLTable) throws(LQLConfigurationError) -> LQLConfiguration {
            try allow(root, ["schema", "tenancy", "sensitive", "defaults"], in: "")
            var c = LQLConfiguration(path: path)
            if let schema = try string(root, "schema", in: "") {
                c.schema = schema.hasPrefix("/") ? schema : FilePath.join(FilePath.parent(path), schema)
            }
            c.tenancy.sourceName = String(path.split(separator: "/").last ?? Substring(LQLConfiguration.fileName))
            if let t = try subtable(root, "tenancy", in: "") {
                try tenancy(t, into: &c.tenancy)
                if let v = t["suggest_tenants"] {
                    guard let b = v.bool else { throw fail("`tenancy.suggest_tenants` must be true or false") }
                    c.suggestTenants = b
                }
            }
            if let s = try subtable(root, "sensitive", in: "") {
                try allow(s, ["fields"], in: "sensitive")
                let fields = try strings(s, "fields", in: "sensitive") ?? []
                for f in fields where f.split(separator: ".").count != 2 {
                    throw fail("[sensitive] fields are written \"Model.field\"; `\(f)` is not")
                }
                c.tenancy.sensitive = fields
            }
            if let d = try subtable(root, "defaults", in: "") {
                try allow(d, ["tenant", "format", "time_zone"], in: "defaults")
                c.defaultTenant = try string(d, "tenant", in: "defaults")
                c.defaultFormat = try string(d, "format", in: "defaults")
                c.defaultTimeZone = try string(d, "time_zone", in: "defaults")
            }
            return c
        }

        func tenancy(_ t: TOMLTable, into c: inout TenancyConfiguration) throws(LQLConfigurationError) {
            try allow(t, ["style", "model", "key", "lookup", "setting", "through", "shared", "suggest_tenants"], in: "tenancy")
            if let style = try string(t, "style", in: "tenancy") {
                guard let s = TenancyConfiguration.Style(rawValue: style) else {
                    throw fail("[tenancy] style must be \"rls\", \"schema\" or \"none\", not \"\(style)\"")
                }
                c.style = s
            }
            c.model = try string(t, "model", in: "tenancy")
            c.key = try string(t, "key", in: "tenancy")
            c.lookup = try strings(t, "lookup", in: "tenancy")
            if let setting = try string(t, "setting", in: "tenancy") {
                c.setting = setting.isEmpty ? .absent : .name(setting)
            } else if c.model != nil || c.style == .rls {
                // configuration.md: "omit when there is none" — a configured app without a
                // setting has no policies, and lql's predicates are the only wall.
                c.setting = .absent
            }
            if let through = try subtable(t, "through", in: "tenancy") {
                for key in through.keys {
                    guard let p = through[key]?.string, !p.isEmpty else {
                        throw fail("[tenancy.through] \(key) must be a path string, as in \(key) = \"owner.team\"")
                    }
                    c.through[key] = p
                }
            }
            if let shared = try subtable(t, "shared", in: "tenancy") {
                try allow(shared, ["models"], in: "tenancy.shared")
                c.shared = try strings(shared, "models", in: "tenancy.shared") ?? []
            }
        }
    }
}
