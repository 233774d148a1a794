import LQLSystem
import ArgumentParser
import LQL

/// `lql check FILE…`: parse and type-check saved reports without a database (for CI).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Parse and type-check LQL files against the schema; no database.")
    @OptionGroup var schema: SchemaOptions
    @Argument(help: "LQL files.") var files: [String]

    func run() throws {
        let frontEnd = try CompilerFrontEnd(schema: schema)
        var failed = 0
        for file in files {
            do {
                // A saved report's params get their values at run time: a missing value is fine here.
                _ = try frontEnd.compile(try CompilerFrontEnd.readSource(path: file), parameters: [:], requireValues: false)
            } catch let failure as CommandFailure {
                if failure.status == .usage { throw failure }
                failed += 1
                if let m = failure.message { StandardStreams.error(m) }
            }
        }
        if failed > 0 { throw CommandFailure(.compileError, "\(failed) of \(files.count) file\(files.count == 1 ? "" : "s") failed") }
        StandardStreams.error("\(files.count) file\(files.count == 1 ? "" : "s") checked: no errors")
    }
}
