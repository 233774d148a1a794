import LQLSchema

/// Renders a `ConfigurationProposal` as the commented `lql.toml` `lql init` writes: every
/// choice with the reason for it, what it could not place, and the rules for two-level tenancy
/// and for optional or personal owners, each with an example.
public enum ConfigurationFileWriter {
    public static func render(_ p: ConfigurationProposal, schemaPath: String) -> String {
        var out: [String] = []
        out.append("# lql.toml, proposed by `lql init` from \(schemaPath). Review every line: lql scopes every")
        out.append("# query to one tenant by what this file says.")
        out.append("#")
        out.append("# The rules: every model is the root, scoped by its own key, scoped through a path, shared, or")
        out.append("# unscoped. An unscoped model never starts a query; it is read only as the to-one related record of")
        out.append("# a row the query already holds. Nothing is ever read unscoped. `lql schema` shows each model's scope.")
        out.append("")
        out.append("schema = \(quote(schemaPath))")
        out.append("")
        out.append("[tenancy]")
        guard let root = p.root, let key = p.key else {
            out.append("# lql found no tenancy root: no model named " + ConfigurationProposal.rootNames.joined(separator: ", "))
            out.append("# that other models point at. Name yours, and the field that points at it:")
            out.append("# model = \"Team\"")
            out.append("# key = \"teamId\"")
            out.append("# If the database really holds a single tenant, say so (lql refuses to run queries until then):")
            out.append("# style = \"none\"")
            appendSensitive(p, into: &out)
            return out.joined(separator: "\n") + "\n"
        }
        out.append("style = \(quote(p.style.rawValue))")
        var why = "# The root: \(p.rootScore) model\(p.rootScore == 1 ? "" : "s") point at \(root)"
        if !p.candidateList.isEmpty {
            why += "; also considered: " + p.candidateList.map { "\($0.name) (\($0.score))" }.joined(separator: ", ")
        }
        out.append(why + ".")
        out.append("model = \(quote(root))")
        out.append("# The field that points at \(root) on scoped models; \(root)'s key is \(p.keyType), and --tenant is bound as that type.")
        out.append("key = \(quote(key))")
        out.append("# What --tenant VALUE may match, in this order.")
        out.append("lookup = [" + p.lookup.map(quote).joined(separator: ", ") + "]")
        out.append("# The setting the app's RLS policies read, if it has them. Without one, lql's predicates are the")
        out.append("# only wall between tenants, and `lql doctor` prints the policies the database would need.")
        out.append("# setting = \(quote("app.current_" + snake(root) + "_id"))")
        out.append("")
        if !p.keyedList.isEmpty {
            out.append(contentsOf: wrap("# Scoped by their own key (nothing to write): " + p.keyedList.map { k in
                k.model + (k.key == key ? "" : " (\(k.key))") + (k.optional ? " (optional)" : "")
            }.joined(separator: ", ") + "."))
        }
        out.append("#")
        out.append("# Optional and personal owners: a model whose key is optional (`\(key) String?`) is scoped, and its")
        out.append("# rows without \(article(root)) \(root) are never visible. A model owned only by a user (personal rows)")
        out.append("# belongs to no tenant, so lql refuses it: when its owner belongs to one \(root), scope it through")
        out.append("# the owner (`Note = \"author.\(lowerFirst(root))\"` under [tenancy.through], where the author has a to-one")
        out.append("# `\(lowerFirst(root))`); if anyone may read it, list it as shared.")
        if !p.personal.isEmpty {
            out.append(contentsOf: wrap("# Owned by a user here: " + p.personal.joined(separator: ", ") + "."))
        }
        out.append("#")
        if let second = p.secondLevel {
            out.append("# Two-level tenancy: \(second) points at \(root), and either could be the tenant. With model = \(quote(root))")
            out.append("# a query sees all of one \(root)'s \(second) rows, and models keyed by \(lowerFirst(second))Id are scoped")
            out.append("# through `\(lowerFirst(second))` (proposed below). To scope to one \(second) instead, set")
            out.append("# model = \(quote(second)) and key = \(quote(lowerFirst(second) + "Id")); models keyed only by \(key) then need a path or are refused.")
        } else {
            out.append("# Two-level tenancy (an Organization owning Projects): choose the level a query runs in as the root;")
            out.append("# models keyed by the other level's key are scoped through a path to it, e.g. Task = \"project\".")
        }
        out.append("")
        out.append("[tenancy.through]")
        out.append("# Models with no key of their own, scoped through a to-one path that ends at a scoped model or the")
        out.append("# root; every hop is scoped in the SQL.")
        if p.through.isEmpty {
            out.append("# Attendee = \"booking.eventType\"")
        } else {
            let width = p.through.map { $0.model.count }.max() ?? 0
            for t in p.through {
                let line = t.model + String(repeating: " ", count: width - t.model.count) + " = " + quote(t.path.joined(separator: "."))
                out.append(line + "  # ends at \(t.owner)")
            }
        }
        out.append("")
        out.append("[tenancy.shared]")
        if p.unplaced.isEmpty {
            out.append("# Models that belong to no tenant and anyone may read, e.g. models = [\"Country\", \"Currency\"].")
            out.append("models = []")
        } else {
            out.append("# lql could not place these: no key and no to-one path to a scoped model. Uncomment the ones that")
            out.append("# belong to no tenant; give the others a key or a path above. Until then lql refuses them.")
            out.append(contentsOf: wrap("# models = [" + p.unplaced.map(quote).joined(separator: ", ") + "]"))
        }
        appendSensitive(p, into: &out)
        out.append("")
        out.append("[defaults]")
        out.append("# tenant = \"acme\"       # like DEFAULT_TENANT_SLUG")
        out.append("# format = \"table\"")
        out.append("# time_zone = \"UTC\"")
        return out.joined(separator: "\n") + "\n"
    }

    static func appendSensitive(_ p: ConfigurationProposal, into out: inout [String]) {
        out.append("")
        out.append("[sensitive]")
        out.append("# Likely secrets (a name with password, token, secret, hash or apiKey in it), hidden from every")
        out.append("# query like `/// @sensitive`. Remove what is not secret; add what is.")
        if p.sensitive.isEmpty {
            out.append("fields = []")
        } else {
            out.append("fields = [")
            for f in p.sensitive { out.append("  " + quote(f) + ",") }
            out.append("]")
        }
    }

    /// A TOML basic string.
    static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    static func lowerFirst(_ s: String) -> String { s.prefix(1).lowercased() + s.dropFirst() }
    static func article(_ s: String) -> String { "AEIOU".contains(s.prefix(1)) ? "an" : "a" }

    static func snake(_ s: String) -> String {
        var out = ""
        for (i, ch) in s.enumerated() {
            if ch.isUppercase && i > 0 { out += "_" }
            out += ch.lowercased()
        }
        return out
    }

    /// A comment wrapped at about 100 columns, continuation lines starting with `#   `.
    static func wrap(_ line: String) -> [String] {
        guard line.count > 100 else { return [line] }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty && current.count + 1 + word.count > 100 {
                lines.append(current)
                current = "#  "
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
