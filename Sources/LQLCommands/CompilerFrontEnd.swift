import LQL
import LQLConfig
import LQLOutput
import LQLSystem

/// The steps every command shares before anything touches a database: find and read the
/// schema, read the source, compile, and print diagnostics like a compiler.
struct CompilerFrontEnd {
    let environment: CommandEnvironment
    let catalog: Catalog
    let schemaPath: String
    /// The user said the database holds no tenants (`--tenancy none`, `style = "none"`): queries
    /// may run unscoped. Without it, a catalog with no tenancy is refused at run time.
    let allowsUnscopedRuns: Bool

    /// `lql.toml`, when one was found (or named by `--config` / `LQL_CONFIG`).
    let configuration: LQLConfiguration?

    /// `useConfiguration: false` for the demos, whose schemas are lql's own, not the app's
    /// in the working directory.
    init(schema: SchemaOptions, environment: CommandEnvironment = CommandEnvironment(), useConfiguration: Bool = true) throws {
        self.environment = environment
        let configuration = useConfiguration ? try CompilerFrontEnd.loadConfiguration(schema, environment) : nil
        self.configuration = configuration
        if let f = configuration?.defaultFormat, OutputFormat(rawValue: f) == nil {
            throw CommandFailure(.usage, "lql: \(configuration!.path): [defaults] format must be one of "
                + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ") + ", not \"\(f)\"")
        }
        // Order: --schema, LQL_SCHEMA, lql.toml's schema, then Prisma's usual places.
        let explicit = schema.schema ?? (environment["LQL_SCHEMA"] == nil ? configuration?.schema : nil)
        guard let path = SchemaLocator.locate(explicit: explicit, environment: environment.variables,
                                              workingDirectory: environment.workingDirectory) else {
            throw CommandFailure(.usage, "lql: no Prisma schema found: pass --schema PATH, set LQL_SCHEMA, or run where prisma/schema.prisma or schema.prisma exists")
        }
        let loaded: (catalog: Catalog?, source: SourceFile, diagnostics: [Diagnostic])
        do {
            loaded = try PrismaSchemaReader.load(path: path, configuration: configuration?.tenancy)
        } catch let d as Diagnostic {
            throw CommandFailure(.usage, "lql: cannot read the schema \(path): \(d.message)")
        } catch {
            throw CommandFailure(.usage, "lql: cannot read the schema \(path): \(error)")
        }
        let renderer = DiagnosticRenderer(useColor: environment.useColorOnStderr)
        if !loaded.diagnostics.isEmpty {
            StandardStreams.error(renderer.render(loaded.diagnostics, in: loaded.source))
        }
        guard var catalog = loaded.catalog else {
            throw CommandFailure(.compileError, "lql: the schema \(path) has errors")
        }
        if let choice = schema.tenancy { catalog = try CompilerFrontEnd.override(catalog, with: choice, path: path) }
        self.catalog = catalog
        self.schemaPath = path
        self.allowsUnscopedRuns = schema.tenancy == TenancyChoice.none
            || (schema.tenancy == nil && configuration?.tenancy.style == TenancyConfiguration.Style.none)
    }

    /// `[defaults] format`, used when `--format` is not given.
    var defaultFormat: OutputFormat? { configuration?.defaultFormat.flatMap(OutputFormat.init(rawValue:)) }

    static func loadConfiguration(_ schema: SchemaOptions, _ environment: CommandEnvironment) throws -> LQLConfiguration? {
        guard let path = LQLConfigurationLoader.locate(explicit: schema.config, environment: environment.variables,
                                                      workingDirectory: environment.workingDirectory) else { return nil }
        do {
            return try LQLConfigurationLoader.load(path: path)
        } catch {
            throw CommandFailure(.usage, "lql: \(error)")
        }
    }

    /// `--tenancy` forces a style; the facts it needs come from the schema's own conventions.
    static func override(_ catalog: Catalog, with choice: TenancyChoice, path: String) throws -> Catalog {
        var c = catalog
        switch (choice, catalog.tenancy) {
        case (.rls, .rowLevel), (.schema, .schemaPerTenant): break
        case (.none, _): c.tenancy = .none
        case (.rls, _):
            // Without a tenant column the statements would only fail on the server, table by table.
            let rls = RowLevelTenancy()
            guard catalog.models.contains(where: { $0.field(named: rls.tenantField) != nil }) else {
                throw CommandFailure(.usage, "lql: --tenancy rls needs a `\(rls.tenantField)` field on the tenant-scoped models, and \(path) has none"
                    + (Self.isSchemaPerTenant(catalog) ? " (it is schema-per-tenant: leave --tenancy out)" : ""))
            }
            c.tenancy = .rowLevel(rls)
        case (.schema, _): c.tenancy = .schemaPerTenant(SchemaTenancy())
        }
        return c
    }

    static func isSchemaPerTenant(_ catalog: Catalog) -> Bool {
        if case .schemaPerTenant = catalog.tenancy { return true }
        return false
    }

    /// Reads a source file as UTF-8; invalid bytes and NULs are refused with a clear message.
    static func readSource(path: String) throws -> SourceFile {
        switch FileSystem.read(path) {
        case .success(let data): return try source(name: path, bytes: data)
        case .failure(let why): throw CommandFailure(.usage, "lql: cannot read \(path): \(why)")
        }
    }

    /// A leading UTF-8 byte-order mark is skipped.
    static func source(name: String, bytes: [UInt8]) throws -> SourceFile {
        let text: String
        switch SourceBytes.text(bytes) {
        case .success(let t): text = t
        case .failure(let why): throw CommandFailure(.compileError, "\(name): \(why)")
        }
        if text.utf8.contains(0) { throw CommandFailure(.compileError, "\(name): contains a NUL byte") }
        return SourceFile(name: name, text: text)
    }

    /// Compiles and prints diagnostics; returns the program, or throws exit 1.
    func compile(_ source: SourceFile, parameters: [String: String], requireValues: Bool = true) throws -> CompiledProgram {
        let result = LQLCompiler.compile(source: source, catalog: catalog, parameters: parameters,
                                         requireParameterValues: requireValues)
        if !result.diagnostics.isEmpty {
            StandardStreams.error(DiagnosticRenderer(useColor: environment.useColorOnStderr).render(result.diagnostics, in: source))
        }
        guard let program = result.program, !result.hasErrors else {
            let n = result.diagnostics.filter(\.isError).count
            throw CommandFailure(.compileError, "\(source.name): \(n) error\(n == 1 ? "" : "s")")
        }
        try Self.rejectUndeclared(parameters, known: program.parameters.map(\.name), in: source)
        return program
    }

    /// A `--param` the source neither declares nor uses would be silently ignored, and the report
    /// would run with its default: a misspelled name is an error with the close names.
    static func rejectUndeclared(_ supplied: [String: String], known: [String], in source: SourceFile) throws {
        let unknown = supplied.keys.filter { !known.contains($0) }.sorted()
        guard let name = unknown.first else { return }
        let close = Suggestions.closest(to: name, among: known)
        let hint = close.isEmpty
            ? (known.isEmpty ? "it declares no parameters" : "its parameters: " + known.joined(separator: ", "))
            : "did you mean \(Suggestions.quotedList(close))?"
        throw CommandFailure(.compileError, "lql: --param \(name): \(source.name) has no parameter `\(name)`; \(hint)")
    }
}

/// `--param k=v` values.
enum ParameterArguments {
    static func parse(_ items: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for item in items {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw CommandFailure(.usage, "lql: --param takes name=value, got `\(item)`")
            }
            var name = String(item[..<eq])
            if name.hasPrefix("$") { name.removeFirst() }
            result[name] = String(item[item.index(after: eq)...])
        }
        return result
    }
}
