import LQL
import LQLSystem

/// `-e 'query'` or a file (or `-` for stdin).
enum SourceArgument {
    static func read(file: String?, expression: String?) throws -> SourceFile {
        switch (file, expression) {
        case (nil, let e?): return try CompilerFrontEnd.source(name: "<command line>", bytes: Array(e.utf8))
        case ("-"?, nil): return try CompilerFrontEnd.source(name: "<stdin>", bytes: try standardInput())
        case (let f?, nil): return try CompilerFrontEnd.readSource(path: f)
        case (_?, _?): throw CommandFailure(.usage, "lql: give a FILE or -e 'query', not both")
        case (nil, nil): throw CommandFailure(.usage, "lql: give a FILE or -e 'query'")
        }
    }

    private static func standardInput() throws -> [UInt8] {
        switch FileSystem.read(fileDescriptor: 0) {
        case .success(let bytes): return bytes
        case .failure(let why): throw CommandFailure(.usage, "lql: cannot read standard input: \(why)")
        }
    }
}
