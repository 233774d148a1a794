// libFuzzer harness for the parser and checker (scripts/fuzz.sh builds and runs it; not CI).
// Any input: it must compile to a program or to diagnostics whose spans lie in the source.
import Foundation
import LQL
import LQLDiagnostics

private let catalog: Catalog = {
    let path = ProcessInfo.processInfo.environment["LQL_FUZZ_SCHEMA"] ?? "examples/leora/schema.prisma"
    guard let catalog = try? PrismaSchemaReader.load(path: path).catalog else { fatalError("cannot read \(path)") }
    return catalog
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCompile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = LQLCompiler.compile(source: SourceFile(name: "fuzz.lql", text: text), catalog: catalog, parameters: [:])
    if result.program == nil && !result.hasErrors { fatalError("rejected without an error diagnostic") }
    let bytes = text.utf8.count
    for d in result.diagnostics where d.span.start < 0 || d.span.end > bytes || d.span.start > d.span.end {
        fatalError("diagnostic span \(d.span) outside 0...\(bytes)")
    }
    _ = DiagnosticRenderer(useColor: false).render(result.diagnostics, in: SourceFile(name: "fuzz.lql", text: text))
    return 0
}
