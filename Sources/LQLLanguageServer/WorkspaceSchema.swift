import Foundation
import LQLDiagnostics
import LQLSchema
import LQLSystem

/// The workspace's Prisma schema: `--schema`, `LQL_SCHEMA` (relative to the workspace root),
/// `prisma/schema.prisma` or `schema.prisma`, found as the other commands find it. It is read
/// again when its modification time changes (checked before each request, a single `stat`) or
/// when the client reports a change.
struct WorkspaceSchema {
    var explicitPath: String?
    var environment: [String: String]
    var root: String
    private(set) var path: String?
    private(set) var catalog: Catalog?
    /// The schema's text, for locations in it (go to definition of a model or field).
    private(set) var document: TextDocument?
    /// Why there is no catalog, for the log.
    private(set) var problem: String?
    private var modified: Stamp?

    init(explicitPath: String?, environment: [String: String], root: String) {
        self.explicitPath = explicitPath
        self.environment = environment
        self.root = root
    }

    /// Re-locates and (re)loads the schema when it changed; true when the catalog changed.
    @discardableResult
    mutating func refresh(force: Bool = false) -> Bool {
        let located = SchemaLocator.locate(explicit: explicitPath, environment: environment, workingDirectory: root)
        let stamp = located.flatMap(Self.stamp)
        if !force, located == path, stamp == modified { return false }
        path = located
        modified = stamp
        document = nil
        guard let located else {
            catalog = nil
            problem = "no Prisma schema found in \(root) (prisma/schema.prisma, schema.prisma or LQL_SCHEMA)"
            return true
        }
        do {
            let loaded = try PrismaSchemaReader.load(path: located)
            catalog = loaded.catalog
            document = TextDocument(uri: URL(fileURLWithPath: located).absoluteString, version: 0, text: loaded.source.text)
            problem = loaded.catalog == nil ? "the schema \(located) has errors: " + loaded.diagnostics.map(\.message).joined(separator: "; ") : nil
        } catch let d as Diagnostic {
            catalog = nil
            problem = d.message
        } catch {
            catalog = nil
            problem = "cannot read the schema \(located): \(error)"
        }
        return true
    }

    /// What tells a changed file: its modification time and size.
    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
        return Stamp(seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, size: Int64(info.st_size))
        #else
        return Stamp(seconds: info.st_mtimespec.tv_sec, nanoseconds: info.st_mtimespec.tv_nsec, size: Int64(info.st_size))
        #endif
    }
}
