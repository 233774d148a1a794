// Export benchmark helper (stands in for `lql run` until it is wired): compiles one LQL query
// against the Leora schema and streams it, inside the tenant's scope, to a CSV file.
//   lql-bench-export CONNINFO TENANT OUT.csv [QUERY] [SCHEMA]
import Foundation
import LQL
import LQLOutput
import LQLPostgres

let args = CommandLine.arguments
guard args.count >= 4 else {
    FileHandle.standardError.write("usage: lql-bench-export CONNINFO TENANT OUT.csv [QUERY] [SCHEMA]\n".data(using: .utf8)!)
    exit(2)
}
let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
let query = args.count > 4 ? args[4] : "Order | select number, customer.name, total, orderDate"
let schemaPath = args.count > 5 ? args[5] : here + "/../../examples/leora/schema.prisma"

guard let catalog = try PrismaSchemaReader.load(path: schemaPath).catalog else {
    FileHandle.standardError.write("cannot load \(schemaPath)\n".data(using: .utf8)!)
    exit(1)
}
let compiled = LQLCompiler.compile(source: SourceFile(name: "<bench>", text: query), catalog: catalog)
guard let statement = compiled.program?.statements.first?.sql else {
    FileHandle.standardError.write("does not compile: \(compiled.diagnostics.map(\.message))\n".data(using: .utf8)!)
    exit(1)
}
let connection = try Connection(args[1])
let sink = try AtomicFileSink(path: args[3])
let writer = makeWriter(.csv, to: sink)
let summary = try TenantScope().withTenant(args[2], on: connection) { tx in
    try tx.export(statement, to: writer)
}
try sink.commit()
FileHandle.standardError.write("rows: \(summary.rowCount)\n".data(using: .utf8)!)
