import LQLHelp

/// The language reference an assistant reads (`lql://reference`): how to use this server's tools,
/// then the language help the prompt's `\help TOPIC` prints (LQLHelp, the one copy of the
/// language's documentation; docs/language-help.md is generated from it too).
public enum LanguageReference {
    public static let uri = "lql://reference"

    public static var text: String { usage + "\n" + LanguageHelp.markdown }

    /// What an assistant needs beyond the language: the tools, parameters and results. The
    /// examples are compiled against the Leora schema by a test (LQLMCPTests).
    static let usage = #"""
# Querying through lql's MCP server

You write LQL, a read-only, typed pipeline language over the models of a Prisma schema; the
server type-checks it and compiles it to ONE parameterized PostgreSQL SELECT that runs read-only
inside the server's tenant. You never write the tenant: `tenantId`, `tenant` and fields
documented `@sensitive` are refused everywhere. SQL is not accepted: the text is only parsed as LQL.

- `describe_schema`: the models, fields (LQL type, nullability, doc comment), relations
  (to-one: follow with a dot; to-many: use inside `count(…)`, `any(…)`, `sum(…)` or a shape) and enums.
- `check_query {query}`: diagnostics, each with a code, a line and column, and hints to repair it.
- `compile_query {query, params?}`: the SQL and binds (`$1` is the tenant), to explain a query.
- `run_query {query, params?, limit?}`: the rows, as JSON objects keyed by column name.

```lql
Customer
| where name ~ "bistro"
| select name, tier, orders: count(orders), open: count(orders where status == PENDING),
         lastOrder: max(orders.orderDate), atRisk: any(healthSnapshots where riskLevel == HIGH)
| sort name
| take 20
```

Parameters: declare them (`param since: DateTime = today() - 90 days`) or reference `$name`,
and give values in `params`: `{"since": "2025-06-01", "statuses": ["OPEN", "OVERDUE"]}`.
```lql
param since: DateTime = today() - 90 days
Invoice
| where status in [OPEN, OVERDUE] and dueAt < $since
| select number, customer.name, balanceDue, dueAt
| sort balanceDue desc
```
`run_query` runs one output query (with any `let` and `param` lines before it); `check_query`
and `compile_query` take whole reports. Rows: integers and floats are numbers, decimals strings
(exact), booleans booleans, shapes nested JSON, dates and timestamps PostgreSQL's text. At most
`limit` rows (default 200); `truncated: true` means there were more: filter, aggregate or
`sort … | take n` rather than paging. The example reports are resources `lql://reports/NAME.lql`.

"""#
}
