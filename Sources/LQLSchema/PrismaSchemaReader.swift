import LQLDiagnostics
import LQLSystem

/// What reading a schema gave: the catalog (nil when errors make it untrustworthy) and every
/// diagnostic, errors and warnings, in source order.
public struct SchemaReadResult: Sendable {
    public var catalog: Catalog?
    public var diagnostics: [Diagnostic]
    public init(catalog: Catalog?, diagnostics: [Diagnostic]) {
        self.catalog = catalog
        self.diagnostics = diagnostics
    }
}

/// Reads a Prisma schema (`schema.prisma`) into a `Catalog`.
public enum PrismaSchemaReader {
    /// Never traps, whatever the text. A schema with errors yields no catalog: queries compiled
    /// against half-resolved relations or tenancy could reach the wrong rows.
    /// `configuration` is what `lql.toml` says about tenancy (read by LQLConfig); nil for none.
    public static func read(_ source: SourceFile, configuration: TenancyConfiguration? = nil) -> SchemaReadResult {
        var sink = SchemaDiagnosticSink()
        let tokens = PSLLexer.tokenize(source, into: &sink)
        let tree = PSLParser.parse(tokens, sink: &sink)
        var builder = CatalogBuilder(schema: tree, sink: sink)
        builder.configuration = configuration
        let catalog = builder.build()
        sink = builder.sink
        var bag = DiagnosticBag()
        bag.add(contentsOf: sink.diagnostics)
        if sink.dropped > 0 {
            bag.add(Diagnostic(.schemaUnexpectedToken, "\(sink.dropped) more problems in the schema not shown",
                               at: .at(source.bytes.count), severity: .note))
        }
        return SchemaReadResult(catalog: sink.hasErrors ? nil : catalog, diagnostics: bag.sorted)
    }

    /// Reads the schema file at `path`. Throws only when the file cannot be read (the error is a
    /// `Diagnostic` with code E0516); schema problems come back as diagnostics.
    public static func load(path: String, configuration: TenancyConfiguration? = nil) throws -> (catalog: Catalog?, source: SourceFile, diagnostics: [Diagnostic]) {
        if FileSystem.kind(of: path) == .directory, let folder = try SchemaFolder.read(path) {
            let source = SourceFile(name: path, text: folder.text)
            let result = read(source, configuration: configuration)
            return (result.catalog, source, result.diagnostics.map { folder.locate($0, in: source) })
        }
        let data: [UInt8]
        switch FileSystem.read(path) {
        case .success(let bytes): data = bytes
        case .failure(let failure):
            let why = switch failure {
            case .missing: "does not exist"
            case .directory: "is a folder with no `.prisma` file"
            case .tooLarge, .system: "cannot be read: \(failure)"
            }
            throw Diagnostic(.schemaUnreadable, "the Prisma schema `\(path)` \(why)", at: .at(0),
                             hints: ["pass `--schema PATH`, set `LQL_SCHEMA`, or run lql where `prisma/schema.prisma` or `schema.prisma` is"])
        }
        let source = SourceFile(name: path, text: String(decoding: SourceBytes.withoutByteOrderMark(data), as: UTF8.self))
        let result = read(source, configuration: configuration)
        return (result.catalog, source, result.diagnostics)
    }
}

/// Finds the schema file the way the Prisma CLI users expect.
public enum SchemaLocator {
    /// In order: `explicit` (`--schema`), `LQL_SCHEMA`, `prisma/schema.prisma`, `schema.prisma`.
    /// An explicit path or `LQL_SCHEMA` is returned even if missing, so the reader reports it.
    public static func locate(explicit: String?, environment: [String: String], workingDirectory: String) -> String? {
        func absolute(_ p: String) -> String {
            p.hasPrefix("/") ? p : FilePath.join(workingDirectory, p)
        }
        if let explicit, !explicit.isEmpty { return absolute(explicit) }
        if let env = environment["LQL_SCHEMA"], !env.isEmpty { return absolute(env) }
        if let configured = PrismaConfig.schemaPath(inDirectory: workingDirectory) { return absolute(configured) }
        for candidate in ["prisma/schema.prisma", "schema.prisma"] {
            let path = absolute(candidate)
            if FileSystem.exists(path) { return path }
        }
        // Prisma's multi-file layout: a `prisma/schema/` folder of `.prisma` files.
        if FileSystem.kind(of: absolute("prisma/schema")) == .directory { return absolute("prisma/schema") }
        return nil
    }
}
