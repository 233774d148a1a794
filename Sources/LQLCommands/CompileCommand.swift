import LQLSystem
import ArgumentParser
import Foundation
import LQL

/// `lql compile FILE | -e 'query'`: the SQL and binds, no database.
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile", abstract: "Print the SQL and bind parameters of each output statement; no database.")
    @OptionGroup var schema: SchemaOptions
    @Option(name: .short, help: "A query given on the command line.") var e: String?
    @Option(name: .long, help: "A parameter value, name=value (repeatable).") var param: [String] = []
    @Flag(name: .long, help: "One JSON object per statement: {\"sql\": …, \"binds\": […]} (the tenant bind is null).")
    var json = false
    @Argument(help: "An LQL file.") var file: String?

    func run() throws {
        let frontEnd = try CompilerFrontEnd(schema: schema)
        let source = try SourceArgument.read(file: file, expression: e)
        let program = try frontEnd.compile(source, parameters: try ParameterArguments.parse(param), requireValues: false)
        var out = ""
        for (i, statement) in program.statements.enumerated() {
            if json {
                out += CompileJSON.line(statement.sql) + "\n"
            } else {
                if i > 0 { out += "\n" }
                out += PrintedSQL.script(statement.sql, title: program.statements.count > 1 ? statement.title : nil)
            }
        }
        StandardStreams.write(out)
    }
}

enum CompileJSON {
    static func line(_ sql: SQLStatement) -> String {
        let binds: [Any] = sql.binds.map { bind -> Any in
            switch bind {
            case .tenant: return NSNull()
            case .value(let v, _): return v.map { $0 as Any } ?? NSNull()
            }
        }
        let object: [String: Any] = ["sql": sql.text, "binds": binds, "columns": sql.columnNames]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
