import LQLDiagnostics
import LQLSystem

/// Prisma's multi-file schema (GA in Prisma 6.7): every `.prisma` file in a folder and its
/// subfolders is one schema. lql reads them as one text, in path order, so spans, relations and
/// names work across files; a diagnostic gains a note naming the file and line it came from.
struct SchemaFolder {
    struct Part { var path: String; var start: Int; var firstLine: Int }
    var text = ""
    var parts: [Part] = []

    /// Nil when the folder holds no `.prisma` file. Throws (E0516) when one is too large, or all
    /// of them together are over `FileSystem.sourceSizeLimit`.
    static func read(_ folder: String) throws(Diagnostic) -> SchemaFolder? {
        var folderText = SchemaFolder()
        var line = 1
        for path in prismaFiles(under: folder, depth: 0) {
            let bytes: [UInt8]
            switch FileSystem.read(path) {
            case .success(let b): bytes = b
            case .failure(.tooLarge(let limit)): throw tooLarge(path, limit)
            case .failure: continue
            }
            if folderText.text.utf8.count + bytes.count > FileSystem.sourceSizeLimit { throw tooLarge(folder, FileSystem.sourceSizeLimit) }
            var text = String(decoding: SourceBytes.withoutByteOrderMark(bytes), as: UTF8.self)
            if !text.hasSuffix("\n") { text += "\n" }
            folderText.parts.append(Part(path: path, start: folderText.text.utf8.count, firstLine: line))
            folderText.text += text
            line += text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        }
        return folderText.parts.isEmpty ? nil : folderText
    }

    private static func tooLarge(_ path: String, _ limit: Int) -> Diagnostic {
        Diagnostic(.schemaUnreadable, "the Prisma schema `\(path)` cannot be read: \(FileSystem.ReadFailure.tooLarge(limit: limit))", at: .at(0))
    }

    private static func prismaFiles(under folder: String, depth: Int) -> [String] {
        guard depth < 8, let names = FileSystem.directoryEntries(folder) else { return [] }
        var files: [String] = []
        for name in names where !name.hasPrefix(".") && name != "node_modules" && name != "migrations" {
            let path = FilePath.join(folder, name)
            switch FileSystem.kind(of: path) {
            case .file where name.hasSuffix(".prisma"): files.append(path)
            case .directory: files += prismaFiles(under: path, depth: depth + 1)
            default: break
            }
        }
        return files
    }

    /// `diagnostic` with a note naming the file and line its span falls in.
    func locate(_ diagnostic: Diagnostic, in source: SourceFile) -> Diagnostic {
        guard let part = parts.last(where: { $0.start <= diagnostic.span.start }) else { return diagnostic }
        let line = source.location(of: diagnostic.span.start).line - part.firstLine + 1
        return Diagnostic(diagnostic.code, diagnostic.message, at: diagnostic.span, severity: diagnostic.severity,
                          hints: diagnostic.hints, notes: [DiagnosticNote("in `\(part.path)`, line \(line)")] + diagnostic.notes,
                          fixIts: diagnostic.fixIts)
    }
}
