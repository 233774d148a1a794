import LQL
import LQLOutput
import LQLPostgres
import LQLTenancy
import MCP

/// `run_query`'s answer: rows as objects keyed by column name in `structuredContent`, with the
/// column order and types beside them; the text is a one-line summary and the rows exactly as
/// `lql run --format json` prints them.
enum RunAnswer {
    static func make(_ result: TenantSession.Rows, statement: CompiledStatement, limit: Int, queryID: String, tenant: String) -> ToolAnswer {
        let names = result.columns.map(\.name)
        let kinds = result.columns.map { RowValues.kind(ofType: $0.typeOID) }
        let rows = result.rows.map { RowValues.object($0, names: names, kinds: kinds) }
        let columns: [Value] = result.columns.enumerated().map { i, c in
            let lqlType = i < statement.columns.count ? statement.columns[i].type.description : nil
            return .object(["name": .string(c.name), "type": lqlType.map(Value.string) ?? .null])
        }
        let structured: Value = .object([
            "columns": .array(columns), "rows": .array(rows), "rowCount": .int(rows.count),
            "truncated": .bool(result.truncated), "limit": .int(limit), "queryId": .string(queryID), "tenant": .string(tenant),
        ])
        let summary = "\(rows.count) row\(rows.count == 1 ? "" : "s")"
            + (result.truncated ? " (truncated at the limit of \(limit): there are more)" : "")
            + ", query id \(queryID)\n"
        let json = RowValues.jsonText(columns: result.columns.map { OutputColumn(name: $0.name, typeOID: $0.typeOID) }, rows: result.rows)
        return ToolAnswer(structured: structured, text: summary + json, isError: false)
    }
}
