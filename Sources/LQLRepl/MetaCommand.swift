import LQLOutput

/// A backslash command of the prompt, parsed; `MetaCommandParser` makes them.
public enum MetaCommand: Sendable, Hashable {
    /// `\d`: the models.
    case listModels
    /// `\d Model`: one model's fields, types and relations.
    case describe(model: String)
    /// `\tenant SLUG|ID` switches the scope; `\tenant` alone shows it.
    case tenant(String?)
    /// `\sql`: SQL and bind parameters of the last query.
    case showSQL
    /// `\explain`: EXPLAIN of the last query.
    case explain
    /// `\explain analyze`: EXPLAIN ANALYZE of the last query (it runs, in the same read-only scope).
    case explainAnalyze
    /// `\tenants [pattern]`: slug and name of the tenants the role can see.
    case tenants(pattern: String?)
    /// `\o [FILE]`: results go to FILE until `\o` alone (the file appears whole when it ends).
    case output(path: String?)
    /// `\g [FILE [FORMAT]]`: run the last query again, to FILE (written atomically) if given.
    case sendTo(path: String?, format: OutputFormat?)
    /// `\e [FILE]`: edit the current or last query (or FILE) in `$VISUAL`/`$EDITOR`; run on save.
    case edit(path: String?)
    /// `\watch [SECONDS]`: run the last query every SECONDS (default 2) until Ctrl-C.
    case watch(seconds: Double)
    /// `\x auto`: expanded only when a table is wider than the terminal.
    case expandedAuto
    /// `\timeout [SECONDS|off]`: statement_timeout for the following queries; nil shows it,
    /// 0 turns it off.
    case timeout(seconds: Double?)
    /// `\null [TEXT]`: how NULL prints in tables (psql's `\pset null`); no text shows it as nothing.
    case null(text: String?)
    /// `\timing [on|off]`; nil toggles.
    case timing(Bool?)
    /// `\format FMT`; nil shows the current format.
    case format(OutputFormat?)
    /// `\x [on|off]`: expanded output; nil toggles.
    case expanded(Bool?)
    /// `\show N`: the Nth row of the last result as a tree (1 = the first).
    case show(row: Int)
    /// `\chart KIND [x: col] [y: col, …] [series: col]`: charts the last result again.
    case chart(String)
    /// `\set name value`: a value for `$name`, typed when a query uses it.
    case set(name: String, value: String)
    /// `\unset name`
    case unset(name: String)
    /// `\params` (or `\set` alone): the parameters and their values.
    case listParams
    /// `\i FILE`: run a script.
    case include(path: String)
    /// `\conninfo`
    case connectionInfo
    /// `\help [topic]` (or `\?`).
    case help(topic: String?)
    /// `\q`
    case quit
}

/// What the prompt knows about each command: for `\help`, completion and "did you mean".
public struct MetaCommandInfo: Sendable, Hashable {
    /// Without the backslash: "d", "tenant".
    public let name: String
    public let aliases: [String]
    /// "[Model]", "SLUG", "FILE"; empty when the command takes nothing.
    public let arguments: String
    public let summary: String

    public static let all: [MetaCommandInfo] = [
        .init(name: "d", aliases: [], arguments: "[Model]", summary: "list the models, or describe one model's fields and relations"),
        .init(name: "tenant", aliases: [], arguments: "[SLUG|ID]", summary: "switch the tenant the queries run for, or show it"),
        .init(name: "tenants", aliases: [], arguments: "[PATTERN]", summary: "list the tenants' slugs and names (PATTERN: part of either)"),
        .init(name: "sql", aliases: [], arguments: "", summary: "show the SQL and bind parameters of the last query"),
        .init(name: "explain", aliases: [], arguments: "[analyze]", summary: "PostgreSQL's plan for the last query; analyze runs it (read-only) and times each step"),
        .init(name: "timing", aliases: [], arguments: "[on|off]", summary: "show how long each query takes"),
        .init(name: "format", aliases: [], arguments: "[FORMAT]", summary: "set the output format (table, expanded, csv, json, ndjson, markdown, html), or show it"),
        .init(name: "x", aliases: [], arguments: "[on|off|auto]", summary: "expanded output: one field per line; auto when a table is too wide"),
        .init(name: "o", aliases: ["out"], arguments: "[FILE]", summary: "send the following results to FILE (written whole when \\o ends); \\o alone ends it"),
        .init(name: "g", aliases: [], arguments: "[FILE [FORMAT]]", summary: "run the last query again, to FILE if given (atomically)"),
        .init(name: "e", aliases: ["edit"], arguments: "[FILE]", summary: "edit the current or last query in $VISUAL or $EDITOR; it runs when saved"),
        .init(name: "watch", aliases: [], arguments: "[SECONDS]", summary: "run the last query every SECONDS (2) until Ctrl-C"),
        .init(name: "timeout", aliases: [], arguments: "[SECONDS|off]", summary: "cancel statements that run longer than SECONDS"),
        .init(name: "null", aliases: [], arguments: "[TEXT]", summary: "how NULL prints in tables (nothing by default)"),
        .init(name: "show", aliases: [], arguments: "N", summary: "show row N of the last result as a tree, nested shapes included"),
        .init(name: "chart", aliases: [], arguments: "bar|line|area|hist [x: COL] [y: COL, …]", summary: "chart the last result without running it again"),
        .init(name: "set", aliases: [], arguments: "[NAME VALUE]", summary: "give $NAME a value for the following queries"),
        .init(name: "unset", aliases: [], arguments: "NAME", summary: "forget the value of $NAME"),
        .init(name: "params", aliases: [], arguments: "", summary: "list the parameters and their values"),
        .init(name: "i", aliases: ["include"], arguments: "FILE", summary: "run the statements of a file"),
        .init(name: "conninfo", aliases: [], arguments: "", summary: "show the database connection and tenant"),
        .init(name: "help", aliases: ["?", "h"], arguments: "[TOPIC]", summary: "show help on commands or a topic"),
        .init(name: "q", aliases: ["quit"], arguments: "", summary: "quit"),
    ]

    /// Every spelling, without backslashes, names first.
    public static var allSpellings: [String] { all.map(\.name) + all.flatMap(\.aliases) }
}
