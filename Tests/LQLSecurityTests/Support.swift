import Foundation
import LQL
import LQLPostgres

/// Paths, the Leora catalog, the audit script runner and one shared Leora cluster.
enum Security {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let goldenDirectory = root.appendingPathComponent("Tests/LQLCompileTests/Golden")
    static let auditScript = root.appendingPathComponent("scripts/sql_audit.py").path

    static let catalog: Catalog = {
        let path = root.appendingPathComponent("examples/leora/schema.prisma").path
        guard let catalog = try? PrismaSchemaReader.load(path: path).catalog else {
            fatalError("examples/leora/schema.prisma does not read into a catalog")
        }
        return catalog
    }()

    static func compile(_ text: String, parameters: [String: String] = [:], name: String = "test.lql") -> CompileResult {
        LQLCompiler.compile(source: SourceFile(name: name, text: text), catalog: catalog, parameters: parameters)
    }

    /// `python3 -c 'import pglast'` succeeds.
    static let hasPglast: Bool = (try? run(["python3", "-c", "import pglast"], stdin: Data()).status) == 0

    static func run(_ argv: [String], stdin: Data) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = argv
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = output
        try p.run()
        // Write and read concurrently so a large input cannot deadlock on full pipes.
        let writer = Thread { input.fileHandleForWriting.write(stdin); try? input.fileHandleForWriting.close() }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    struct AuditItem: Encodable {
        var name: String
        var sql: String
        var binds: Int
        var canaries: [String]
    }

    /// Pipes the items through scripts/sql_audit.py; returns its exit status and violations.
    static func audit(_ items: [AuditItem]) throws -> (status: Int32, output: String) {
        let encoder = JSONEncoder()
        var data = Data()
        for item in items {
            data.append(try encoder.encode(item))
            data.append(0x0A)
        }
        return try run(["python3", auditScript], stdin: data)
    }
}

/// One throwaway cluster per test process with the Leora example loaded at scale 1.
final class LeoraCluster: Sendable {
    let cluster: LocalCluster
    let ownerURL: String
    let readerURL: String
    static let tenants = ["well-crafted", "harbor-wines", "north-cellars"]

    private static let started: Result<LeoraCluster, any Error> = Result { try LeoraCluster() }
    static func shared() throws -> LeoraCluster { try started.get() }

    private init() throws {
        let base = FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        cluster = try LocalCluster.temporary(in: base, prefix: "lql-sec-")
        atexit { LeoraCluster.stopAtExit() }
        try cluster.start()
        ownerURL = cluster.url(user: "postgres", database: "postgres")
        readerURL = cluster.url(user: "lql_reader", database: "postgres")
        let db = try Connection(ownerURL)
        let dir = Security.root.appendingPathComponent("examples/leora")
        for file in ["migrations/0001_init/migration.sql", "rls.sql", "roles.sql", "seed.sql"] {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            _ = try db.executeScript(text)
        }
        try db.execute("SELECT leora_seed($1)", ["1"], types: [23])
        try db.execute("ANALYZE")
    }

    private static func stopAtExit() {
        if case .success(let c) = started { c.cluster.destroy() }
    }
}
