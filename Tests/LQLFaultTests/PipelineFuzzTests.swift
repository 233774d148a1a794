import Foundation
import LQL
import LQLPostgres
import LQLTenancy
import LQLTestSupport
import Testing

/// Issue 18 item 9's fuzzer: random well-typed pipelines over the Leora schema
/// (PipelineGenerator), each compiled and run as `lql_reader` in a tenant scope on the demo data
/// in a throwaway cluster. Every one must run, or stop with a compile error; none may reach the
/// server and fail there (an unused bind was 42P18 in 110 of 1,300 such queries). Seeded:
/// LQL_PIPELINE_FUZZ_SEED / LQL_PIPELINE_FUZZ_COUNT replay or widen a run.
@Suite struct PipelineFuzzTests {
    static var count: Int { ProcessInfo.processInfo.environment["LQL_PIPELINE_FUZZ_COUNT"].flatMap(Int.init) ?? 400 }
    static var seed: UInt64 { ProcessInfo.processInfo.environment["LQL_PIPELINE_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x9_1BE5 }

    @Test func randomPipelinesRunOrFailToCompileNeverAtTheServer() throws {
        let db = try LeoraCluster.shared()
        let catalog = db.catalog
        guard case .rowLevel(let rowLevel) = catalog.tenancy else { Issue.record("Leora is row-level"); return }
        let scope = TenantScope(strategy: .rowLevel(rowLevel, catalog: catalog))
        let reader = try Connection(db.readerURL)
        var generator = PipelineGenerator(catalog: catalog, seed: Self.seed)
        print("pipeline fuzz: seed \(Self.seed), \(Self.count) pipelines")
        var ran = 0, refused = 0, nonEmpty = 0
        var refusals: [String: Int] = [:]
        for i in 0..<Self.count {
            let source = generator.pipeline()
            if let trace = ProcessInfo.processInfo.environment["LQL_PIPELINE_FUZZ_TRACE"] {
                try? "\(i)\t\(source)\n".write(toFile: trace, atomically: false, encoding: .utf8)
            }
            let result = LQLCompiler.compile(source: SourceFile(name: "fuzz.lql", text: source), catalog: catalog)
            guard let statement = result.program?.statements.first, !result.hasErrors else {
                refused += 1
                for d in result.diagnostics where d.isError { refusals[d.code.code, default: 0] += 1 }
                continue
            }
            let tenant = LeoraCluster.tenants[i % LeoraCluster.tenants.count]
            do {
                let rows = try scope.withTenant(tenant, on: reader) { tx in try tx.execute(statement.sql).rows }
                ran += 1
                if !rows.isEmpty { nonEmpty += 1 }
                #expect(rows.first.map { $0.count == statement.sql.columnNames.count } ?? true, "pipeline \(i): \(source)")
            } catch {
                Issue.record("pipeline \(i) (seed \(Self.seed)) compiled but failed at the server: \(error)\n\(source)\n\(statement.sql.text)\n\(statement.sql.binds)")
            }
        }
        print("pipeline fuzz: \(ran) ran (\(nonEmpty) with rows), \(refused) refused by the compiler \(refusals.sorted { $0.key < $1.key })")
        // The generator is meant to write valid queries: most must get to the server.
        #expect(ran >= Self.count * 3 / 4, "only \(ran) of \(Self.count) compiled; refusals \(refusals)")
        #expect(nonEmpty >= ran / 4)
    }
}
