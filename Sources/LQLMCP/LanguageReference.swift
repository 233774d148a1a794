/// The language reference an assistant reads (`lql://reference`): one concise page, kept here
/// as the only copy so the binary serves it wherever it is installed. Every example in it is
/// compiled against the Leora schema by a test (LQLMCPTests), so the page cannot drift from the
/// compiler.
public enum LanguageReference {
    public static let uri = "lql://reference"

    public static let text = #"""
# LQL in one page

LQL is a read-only, typed pipeline query language over the models of a Prisma schema. A query
starts from a model and flows through stages separated by `|`. It is type-checked, then compiled
to ONE parameterized PostgreSQL SELECT that runs read-only inside the server's tenant. You never
write the tenant: `tenantId`, `tenant` and fields documented `@sensitive` are refused everywhere.
SQL is not accepted: the text is only ever parsed as LQL.

Call `describe_schema` for the models, fields, relations and enums; `check_query` to get
diagnostics (each with a position and hints); `compile_query` to see the SQL; `run_query` to get rows.

## Queries and stages
```lql
Order
| where status == PENDING and orderDate >= @2025-01-01
| select number, customer.name, total, orderDate
| sort orderDate desc
| take 20
```
| stage | meaning |
|---|---|
| `where e` | keep rows where `e` is true (several `where` stages AND together) |
| `select item, …` | output columns: `expr`, `name: expr`, or a shape `rel { item, … }` |
| `sort key [asc\|desc], …` | order (default asc, nulls last) |
| `take n` / `skip n` | limit / offset |
| `group by k, … aggregate a: agg(…), …` | one row per distinct key tuple; keys may be named `name: expr` |
| `aggregate a: agg(…), …` | one row over all rows |
| `count` | one row, one column `count` |
| `distinct` | drop duplicate rows |

Stages apply in the order written; after `select` or `group by` only their output columns exist.
Without `select` a query returns the model's scalar fields. Statements are separated by newlines
or `;`; a line starting with `|` (or ending in an operator, `,` or an open bracket) continues.
Comments are `--` to the end of the line.

## Values and operators
- Literals: `"text"` or `'text'`, `42`, `1_000`, `3.14` (exact decimal), `true`, `false`, `null`,
  dates `@2025-01-01`, timestamps `@2025-01-01T09:30:00Z`, durations `30 days`
  (second minute hour day week month year, singular or plural), lists `[a, b]`,
  half-open ranges `a..b` (only after `in`).
- Operators, loosest first: `or`; `and`; `not`; `== != < <= > >= ~ in` and `is null` / `is not null`;
  `??` (first non-null); `+ -`; `* / %`; unary `-`.
- `name ~ "bistro"` is a case-insensitive substring match (`%` and `_` are literal).
- Write `x is null`, never `x == null`. `!=` does not match nulls.
- Enum values are bare (`status == PENDING`, `status in [CONFIRMED, FULFILLED]`) or qualified
  (`OrderStatus.PENDING`). Scalar lists: `tags has "vip"`.

## Relations
- A to-one path is followed with dots: `customer.salesRep.fullName` (null when a link is missing).
- A to-many relation is a collection, usable only inside `count(rel)`, `count(rel where e)`,
  `sum|avg|min|max(rel.field)`, `any(rel where e)`, `all(rel where e)` or a shape. Counting is
  exact (no join fan-out); `sum` over no rows is null, write `?? 0`.
```lql
Customer
| where name ~ "bistro"
| select name, tier, orders: count(orders), open: count(orders where status == PENDING),
         lastOrder: max(orders.orderDate), atRisk: any(healthSnapshots where riskLevel == HIGH)
```
- Shapes nest related records: to-one gives an object, to-many an array.
```lql
Order | where number == "WC-10042"
| select number, status, customer { name, email }, lines { product.name, quantity, unitPrice }
```

## Grouping
```lql
OrderLine
| where order.status in [CONFIRMED, FULFILLED] and order.orderDate in @2025-01-01..@2026-01-01
| group by product.category, month: trunc(order.orderDate, "month")
  aggregate revenue: sum(quantity * unitPrice - discount), orders: count_distinct(orderId)
| sort month, revenue desc
```
Aggregates: `count()`, `count(e)` (non-null values), `count_distinct(e)`, `sum`, `avg`, `min`, `max`.
An aggregate outside `group by … aggregate` / `aggregate` is an error.

## Functions
`lower upper length trim starts_with(s, prefix) ends_with(s, suffix) coalesce round(x[, digits]) abs
now() today() date(ts) trunc(ts, "day"|"week"|"month"|"quarter"|"year") year month day age(ts)`.
Date arithmetic: `today() - 90 days`, `orderDate >= now() - 2 weeks`.

## Parameters and reuse
```lql
param since: DateTime = today() - 90 days
param minBalance: Decimal = 0
Invoice
| where status in [OPEN, OVERDUE] and dueAt < $since and balanceDue > $minBalance
| select number, customer.name, balanceDue, dueAt
| sort balanceDue desc
```
Give values with the tool's `params` argument (`{"since": "2025-06-01"}`; a list as a JSON array).
`let name = query` names a query for later statements:
```lql
let recent = Order | where orderDate >= today() - 30 days
recent | group by status aggregate n: count(), value: sum(total)
```
`run_query` runs one output query (any number of `let` and `param` before it); `compile_query`
and `check_query` take whole reports.

## Results
`run_query` returns rows as JSON objects keyed by column name: integers and floats are numbers,
decimals are strings (exact), booleans are booleans, shapes are nested JSON, dates and
timestamps are PostgreSQL's text. At most `limit` rows (default 200); `truncated: true` says
there were more: add `where`, `sort … | take n`, or aggregate instead of paging through rows.
"""#
}
