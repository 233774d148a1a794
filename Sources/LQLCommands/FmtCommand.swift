import ArgumentParser
import Foundation
import LQL
import LQLFormat
import LQLSystem

/// `lql fmt [FILE|DIR…] [--check]`: the canonical layout. Files are rewritten in place
/// (directories: every `*.lql` below them); with no file, stdin is formatted to stdout.
/// `--check` changes nothing: it prints a diff for each file that is not formatted and exits 1.
struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt", abstract: "Format LQL files in place (stdin to stdout); --check only reports.")
    @Flag(help: "Change nothing; print a diff and exit 1 when a file is not formatted.") var check = false
    @Argument(help: "LQL files or directories (none: stdin).") var paths: [String] = []

    func run() throws {
        let renderer = DiagnosticRenderer(useColor: CommandEnvironment().useColorOnStderr)
        if paths.isEmpty || paths == ["-"] {
            guard let bytes = FileSystem.readToEnd(fileDescriptor: 0) else { throw CommandFailure(.usage, "lql: cannot read stdin") }
            let source = try CompilerFrontEnd.source(name: "<stdin>", bytes: bytes)
            let result = LQLFormatter.format(source)
            guard let text = result.text else {
                StandardStreams.error(renderer.render(result.diagnostics, in: source))
                throw CommandFailure(.compileError)
            }
            if check {
                let diff = TextDiff.unified(source.text, text, oldName: "<stdin>", newName: "<stdin> (formatted)")
                if !diff.isEmpty { StandardStreams.write(diff); throw CommandFailure(.compileError) }
            } else {
                StandardStreams.write(text)
            }
            return
        }
        let files = try Self.lqlFiles(in: paths)
        var unformatted = 0, failed = 0
        for file in files {
            let source = try CompilerFrontEnd.readSource(path: file)
            let result = LQLFormatter.format(source)
            guard let text = result.text else {
                StandardStreams.error(renderer.render(result.diagnostics, in: source))
                failed += 1
                continue
            }
            guard text != source.text else { continue }
            unformatted += 1
            if check {
                StandardStreams.write(TextDiff.unified(source.text, text, oldName: file, newName: file + " (formatted)"))
            } else {
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
                } catch {
                    throw CommandFailure(.usage, "lql: cannot write \(file): \(error.localizedDescription)")
                }
                StandardStreams.error("formatted \(file)")
            }
        }
        let noun = { (n: Int) in "\(n) file\(n == 1 ? "" : "s")" }
        if failed > 0 {
            throw CommandFailure(.compileError, "lql fmt: \(noun(failed)) of \(files.count) could not be formatted (syntax errors)")
        }
        if check, unformatted > 0 {
            throw CommandFailure(.compileError, "lql fmt --check: \(noun(unformatted)) of \(files.count) not formatted")
        }
    }

    /// The files named, and every `*.lql` under the directories named, sorted within each.
    static func lqlFiles(in paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            switch FileSystem.kind(of: path) {
            case .directory:
                guard let walker = FileManager.default.enumerator(atPath: path) else {
                    throw CommandFailure(.usage, "lql: cannot list \(path)")
                }
                var found: [String] = []
                while let entry = walker.nextObject() as? String {
                    if entry.hasSuffix(".lql") { found.append(FilePath.join(path, entry)) }
                }
                files += found.sorted()
            case .missing:
                throw CommandFailure(.usage, "lql: no such file or directory: \(path)")
            default:
                files.append(path)
            }
        }
        return files
    }
}
