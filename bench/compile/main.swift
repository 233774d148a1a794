// Compile-speed benchmark: median microseconds per full LQL compile (parse + check + SQL) of
// each query in `queries.tsv`, against the Leora schema loaded once. Prints `name<TAB>median_us`.
import Foundation
import LQL

let args = CommandLine.arguments
let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
let queriesPath = args.count > 1 ? args[1] : here + "/queries.tsv"
let schemaPath = args.count > 2 ? args[2] : here + "/../../examples/leora/schema.prisma"
let iterations = args.count > 3 ? Int(args[3])! : 5000
let warmup = max(200, iterations / 10)

guard let catalog = try PrismaSchemaReader.load(path: schemaPath).catalog else {
    FileHandle.standardError.write("cannot load \(schemaPath)\n".data(using: .utf8)!)
    exit(1)
}

// queries.tsv: name<TAB>lql<TAB>prql (one query per line; `\n` inside a query is written `\\n`).
let lines = try String(contentsOfFile: queriesPath, encoding: .utf8).split(separator: "\n")
for line in lines where !line.hasPrefix("#") {
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
    let name = String(fields[0])
    let text = fields[1].replacingOccurrences(of: "\\n", with: "\n")
    let source = SourceFile(name: "<bench>", text: text)
    let first = LQLCompiler.compile(source: source, catalog: catalog)
    guard let program = first.program, !program.statements.isEmpty else {
        let rendered = first.diagnostics.map { "\($0.code): \($0.message)" }.joined(separator: "\n")
        FileHandle.standardError.write("\(name): does not compile:\n\(rendered)\n".data(using: .utf8)!)
        exit(1)
    }
    for _ in 0..<warmup { _ = LQLCompiler.compile(source: source, catalog: catalog) }
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    var sink = 0
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = LQLCompiler.compile(source: source, catalog: catalog)
        let end = DispatchTime.now().uptimeNanoseconds
        sink &+= result.program?.statements.first?.sql.text.utf8.count ?? 0  // keep the work observable
        samples.append(Double(end - start) / 1000)
    }
    samples.sort()
    let median = samples[samples.count / 2]
    print("\(name)\t\(String(format: "%.1f", median))\t\(sink == 0 ? "!" : "")")
}
