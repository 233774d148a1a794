/// The language help, written once: the prompt's `\help TOPIC` prints it, docs/language-help.md is
/// generated from it (a test keeps the two equal), and other tools (the MCP server's language
/// reference, an editor's hover) can import this module — it depends on nothing.
/// Every line fits 78 columns, so `\help` fits an 80-column terminal.
public enum LanguageHelp {
    public struct Topic: Sendable, Hashable {
        /// The name `\help` takes: `where`, `group`, `functions`.
        public let name: String
        /// Other words that find it: `filter`, `aggregate`.
        public let aliases: [String]
        /// One line for the topic list.
        public let summary: String
        /// The help text, plain (examples indented by two spaces).
        public let text: String
    }

    /// The topic for a word (name or alias, any case; a trailing `s` forgiven), or nil.
    public static func topic(named word: String) -> Topic? {
        let w = String(word.lowercased().filter { !" \t`\\".contains($0) })
        return topics.first { $0.name == w || $0.aliases.contains(w) }
            ?? (w.hasSuffix("s") ? topic(named: String(w.dropLast())) : nil)
    }

    /// The topic names, for completion and "did you mean".
    public static var names: [String] { topics.map(\.name) }

    /// The list of topics, one per line.
    public static var index: String {
        let width = (topics.map(\.name.count).max() ?? 0) + 2
        return topics.map { "  " + $0.name + String(repeating: " ", count: width - $0.name.count) + $0.summary }
            .joined(separator: "\n")
    }

    /// All of it as Markdown (docs/language-help.md).
    public static var markdown: String {
        var out = "# LQL language help\n\n"
        out += "Generated from `Sources/LQLHelp/LanguageHelp.swift` (the prompt's `\\help TOPIC` prints the same text;\n"
        out += "a test keeps this file equal to it).\n\n"
        for t in topics {
            out += "## \(t.name)\n\n\(t.summary).\n\n```\n\(t.text)\n```\n\n"
        }
        return out
    }

    public static let topics: [Topic] = [
        Topic(name: "query", aliases: ["pipeline", "syntax", "language", "lql"], summary: "how a query is written: a model, then stages after `|`", text: """
            A query starts from a model (or a `let` name) and flows through stages
            separated by `|`, applied in the order written:
              Order | where status == PENDING | select number, total | sort total desc
            LQL is a pipeline, not SQL: `Customer | select name`, not `SELECT name …`.
            Statements end at `;` or a newline; a line starting with `|`, or a line
            ending inside brackets or after an operator or `,`, continues the statement.
            At the prompt a line that is only a model or `let` name waits for its `|`
            lines; an empty line or `;` runs it. Comments run from `--` to the line's end.
            Without `select` a query returns the model's fields (sensitive ones left out).
            Topics: where select sort take group functions windows paths let param types
            """),
        Topic(name: "where", aliases: ["filter"], summary: "keep the rows where a condition holds", text: """
            where CONDITION   keeps the rows where it is true; several `where` stages AND.
              Customer | where tier == VIP and city == "Portland"
              Order | where status in [CONFIRMED, FULFILLED] and orderDate >= @2025-01-01
              Customer | where name ~ "bistro"          -- case-insensitive substring
              Customer | where email is null             -- not `== null`
            Comparisons: == != < <= > >= ~ in `is null` `is not null`; combine with
            and, or, not. `a ?? b` is a when a is not null, else b. Ranges `a..b` are
            half-open (>= a and < b). Enum values are bare names: status == PENDING.
            """),
        Topic(name: "select", aliases: ["columns", "shape", "shapes"], summary: "choose and name the output columns", text: """
            select ITEM, …   the output columns; an item is an expression, `name: expr`,
            or a shape `relation { item, … }` (nested rows, printed as JSON).
              Order | select number, customer.name, total
              Customer | select name, open: count(orders where status == PENDING)
              Customer | select name, recent: orders { number, total }
            A column from a path is headed by its last name part (`name`), or by its
            path (`customer.name`) when two columns would share a name; `name:` wins.
            derive NAME: expr, …   keeps every column and adds named ones.
            distinct   removes duplicate output rows.
            """),
        Topic(name: "sort", aliases: ["order", "orderby"], summary: "order the rows", text: """
            sort KEY [asc|desc], …   ascending by default; nulls sort last.
              Order | sort orderDate desc, number
            A later stage sees the rows in that order (`take`, `take n by`).
            """),
        Topic(name: "take", aliases: ["limit", "skip", "offset", "top"], summary: "the first n rows, or the first n of each group", text: """
            take N   the first N rows;  skip N   leaves out the first N.
              Order | sort total desc | take 20
              Order | sort total desc | skip 20 | take 20
            take N by KEY, …   the first N rows of each distinct key, in the order of
            the last `sort` (required):
              Order | sort total desc | take 2 by customerId
            """),
        Topic(name: "group", aliases: ["aggregate", "groupby", "count"], summary: "one row per key, with aggregates", text: """
            group by KEY, … aggregate NAME: agg(…), …   one row per distinct key tuple;
            keys may be named (`month: trunc(orderDate, "month")`).
              Order | group by status aggregate n: count(), value: sum(total)
            aggregate NAME: agg(…), …   one row over all rows.  count   one row, `count`.
            Aggregates: count() count(e) count_distinct(e) sum avg min max median
            percentile(e, p) stddev; each takes `where`:
              Order | aggregate done: sum(total where status == FULFILLED)
            Over no rows sum/avg/min/max are null: write `sum(x) ?? 0`.
            """),
        Topic(name: "functions", aliases: ["function", "func", "operators"], summary: "functions and operators in expressions", text: """
            Text: lower upper length trim starts_with ends_with string(x) `a + b`
            Numbers: round(x) round(x, n) abs(x), + - * / % (division is exact)
            Dates: now() today() date(x) trunc(x, "month") year month day quarter week
              weekday hour age(x) days_between(a, b); durations `30 days`, `2 weeks`
            Nulls: coalesce(a, b, …) and `a ?? b`
            Conditions: case when c then v … else v end
            Collections (a to-many relation): count(rel) count(rel where e) any(rel where
              e) all(rel where e) sum|avg|min|max(rel.field)
            Aggregates: see `\\help group`; windows: see `\\help windows`.
            """),
        Topic(name: "windows", aliases: ["window", "over", "rank", "derive"], summary: "ranks, running totals, share of total", text: """
            f(args) over (by KEY, … sort KEY [asc|desc], … rows N)   every part optional;
            `over ()` is the whole result. f is row_number() rank() dense_rank()
            percent_rank() ntile(n) lag(x [, n]) lead(x [, n]) first(x) last(x), or an
            aggregate: without `sort` it covers the partition, with `sort` it is running.
              OrderLine | group by product.category aggregate revenue: sum(quantity)
                | derive rank: rank() over (sort revenue desc),
                         share: round(revenue / sum(revenue) over (), 4)
            Windows may appear in `select` and `derive`; a later `where` filters on them.
            """),
        Topic(name: "paths", aliases: ["path", "relations", "relation", "joins", "join"], summary: "following relations with `.`", text: """
            A to-one relation is followed with `.`: customer.salesRep.fullName (a LEFT
            JOIN: null when a link is null). A to-many relation is a collection, used only
            inside count(…), any(…), all(…), sum|avg|min|max(rel.field) or a shape:
              Customer | select name, orders: count(orders), spent: sum(orders.total)
              Customer | select name, units: sum(orders.lines.quantity)
            Collections never multiply rows: each related row counts once.
            `\\d Model` lists a model's fields and relations.
            """),
        Topic(name: "let", aliases: ["definitions", "reuse", "append"], summary: "name a query and reuse it", text: """
            let NAME = QUERY   names a query; later statements start from the name.
              let recent = Order | where orderDate >= today() - 30 days
              recent | count
            append Q   the rows of Q (a `let` name or a parenthesized query) after these.
              x in (QUERY)   membership in a one-column query.
            At the prompt a `let` lasts for the session.
            """),
        Topic(name: "param", aliases: ["params", "parameters", "parameter", "$"], summary: "typed parameters `$name`", text: """
            param NAME: Type [= default]   declares `$NAME`; a query uses it as `$NAME`.
              param since: DateTime = today() - 90 days
              Order | where orderDate >= $since | count
            Values: `lql run report.lql --param since=2025-06-01`; at the prompt
            `\\set since 2025-06-01`, or answer the question a query asks (the value is
            checked against the type as you type it, and asked again when it is wrong).
            A value is always a bind parameter, never part of the SQL text.
            """),
        Topic(name: "types", aliases: ["type", "literals", "literal", "values"], summary: "types and literals", text: """
            Types: String Int BigInt Float Decimal Boolean DateTime Json Bytes, the
            schema's enums, lists (`String[]`, tested with `has`), optional fields.
            Literals: "text" or 'text'; 42, 1_000; 3.14 (exact decimal); true false null;
            dates @2025-01-01; timestamps @2025-01-01T09:30:00Z; durations 30 days;
            lists [a, b]; ranges a..b.  Booleans print as true / false.
            """),
        Topic(name: "tenants", aliases: ["tenant", "scope", "security"], summary: "how every query is scoped to one tenant", text: """
            Every query runs for one tenant, in one read-only transaction scoped to it,
            as the application does. The prompt shows the tenant; `\\tenant SLUG`
            switches, `\\tenants [PATTERN]` lists the slugs and names you may see.
            References to `tenantId`, `tenant` or a @sensitive field are errors.
            """),
    ]
}
