#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import ArgumentParser
import LQL
import LQLConfig
import LQLSystem

/// `lql init [--schema PATH] [--print]`: reads the schema and writes a commented `lql.toml`
/// proposing the tenancy (configuration.md). Never overwrites a file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Propose an lql.toml for this schema: root, key, lookup, through paths, secrets.")

    @Option(name: .long, help: "Path of the Prisma schema (else LQL_SCHEMA, prisma/schema.prisma, schema.prisma).")
    var schema: String?

    @Flag(name: .long, help: "Write the proposal to stdout instead of lql.toml.")
    var print = false

    func run() throws {
        let environment = CommandEnvironment()
        guard let path = SchemaLocator.locate(explicit: schema, environment: environment.variables,
                                              workingDirectory: environment.workingDirectory) else {
            throw CommandFailure(.usage, "lql: no Prisma schema found: pass --schema PATH, set LQL_SCHEMA, or run where prisma/schema.prisma or schema.prisma exists")
        }
        let target = FilePath.join(environment.workingDirectory, LQLConfiguration.fileName)
        if !print && FileSystem.exists(target) {
            throw CommandFailure(.usage, "lql: \(target) exists; lql init never overwrites it (--print shows the proposal)")
        }
        let loaded: (catalog: Catalog?, source: SourceFile, diagnostics: [Diagnostic])
        do {
            loaded = try PrismaSchemaReader.load(path: path)
        } catch let d as Diagnostic {
            throw CommandFailure(.usage, "lql: cannot read the schema \(path): \(d.message)")
        }
        guard let catalog = loaded.catalog else {
            StandardStreams.error(DiagnosticRenderer(useColor: environment.useColorOnStderr).render(loaded.diagnostics, in: loaded.source))
            throw CommandFailure(.compileError, "lql: the schema \(path) has errors")
        }
        let proposal = ConfigurationProposal(catalog: catalog)
        let text = ConfigurationFileWriter.render(proposal, schemaPath: InitCommand.relative(path, to: environment.workingDirectory))
        if print {
            StandardStreams.write(text)
            return
        }
        guard InitCommand.createNew(target, contents: Array(text.utf8)) else {
            throw CommandFailure(.usage, "lql: cannot create \(target) (it may have appeared meanwhile; lql init never overwrites)")
        }
        StandardStreams.error("lql: wrote \(target); review it, then `lql schema` shows every model's scope\n")
    }

    /// Creates `path` only if it does not exist (O_EXCL: no race with another writer).
    static func createNew(_ path: String, contents: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var offset = 0
        while offset < contents.count {
            let n = contents[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    static func relative(_ path: String, to directory: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
