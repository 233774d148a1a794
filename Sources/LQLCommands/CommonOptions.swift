import ArgumentParser
import LQLOutput
import LQLSystem

/// Where the schema comes from (`--schema`, else `LQL_SCHEMA`, else `prisma/schema.prisma`, else `schema.prisma`).
public struct SchemaOptions: ParsableArguments {
    @Option(name: .long, help: "Path of the Prisma schema (else LQL_SCHEMA, prisma/schema.prisma, schema.prisma).")
    public var schema: String?

    @Option(name: .long, help: "lql.toml to read (else LQL_CONFIG, else lql.toml here or in the nearest parent).")
    public var config: String?

    @Option(name: .long, help: "Tenancy style: rls, schema or none (default: lql.toml, else from the schema). none runs queries unscoped.")
    public var tenancy: TenancyChoice?

    public init() {}
}

public enum TenancyChoice: String, ExpressibleByArgument, Sendable {
    case rls, schema, none
}

/// Connection and tenant scope options shared by every command that touches the database.
public struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "Tenant slug or id (else LQL_TENANT, else DEFAULT_TENANT_SLUG).")
    public var tenant: String?

    @Option(name: .long, help: "Database URL (else DATABASE_URL, else libpq's PG* variables).")
    public var db: String?

    @Option(name: .long, help: "statement_timeout in seconds for each statement; 0 means no limit, and a positive value under 1 ms is 1 ms.")
    public var timeout: Double?

    @Flag(name: .long, help: "Show bind values in server error messages.")
    public var verbose = false

    @Option(name: .customLong("time-zone"), help: "Read dates in ZONE (like America/Los_Angeles), or `tenant` for the tenant's own zone (else LQL_TIME_ZONE; default UTC).")
    public var timeZone: String?

    @Flag(name: [.short, .long], help: "Print no warnings (e.g. about a role that row-level security does not apply to), and no banner at the prompt.")
    public var quiet = false

    public init() {}

    /// PostgreSQL's statement_timeout is an int of milliseconds: 0 (no limit) to 2147483647.
    public static let maximumTimeoutMilliseconds = 2_147_483_647
    static let timeoutRange = "0 to 2147483.647 seconds (PostgreSQL's statement_timeout range; 0 means no limit)"

    /// `--timeout` in milliseconds, or nil when it is not a finite number in PostgreSQL's range
    /// (checked here so nan, inf or 1e16 are a usage error, not a trap converting to Int). A
    /// positive value under half a millisecond is 1 ms, not 0, which would mean no limit.
    public static func timeoutMilliseconds(seconds: Double) -> Int? {
        guard seconds.isFinite, seconds >= 0 else { return nil }
        let ms = (seconds * 1000).rounded()
        guard ms <= Double(maximumTimeoutMilliseconds) else { return nil }
        return seconds > 0 ? max(1, Int(ms)) : 0
    }

    public var timeoutMilliseconds: Int? { timeout.flatMap(ConnectionOptions.timeoutMilliseconds(seconds:)) }

    public func validate() throws {
        if let timeout, ConnectionOptions.timeoutMilliseconds(seconds: timeout) == nil {
            throw ValidationError("--timeout must be a number from \(ConnectionOptions.timeoutRange), not \(timeout)")
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}

public struct OutputArguments: ParsableArguments {
    @Option(name: .long, help: "Output format: table, expanded, csv, json, ndjson, markdown or html (a self-contained page).")
    public var format: OutputFormat?

    @Option(name: [.short, .customLong("output")], help: "Write results to FILE (atomically: a failed run leaves no file).")
    public var output: String?

    @Flag(name: .long, help: "In JSON output, print decimals as numbers instead of strings.")
    public var decimalsAsNumbers = false

    public init() {}
}

/// The environment lql sees: the process environment, with `.env` in the working directory
/// filling in unset variables.
public struct CommandEnvironment: Sendable {
    public let variables: [String: String]
    public let workingDirectory: String

    public init() {
        let cwd = FileSystem.currentDirectory()
        self.workingDirectory = cwd
        self.variables = DotEnv.mergedEnvironment(directory: cwd, base: ProcessEnvironment.current())
    }

    public subscript(_ name: String) -> String? {
        guard let v = variables[name], !v.isEmpty else { return nil }
        return v
    }

    public var useColorOnStderr: Bool { Terminal.useColor(fd: 2, environment: variables) }
    public var useColorOnStdout: Bool { Terminal.useColor(fd: 1, environment: variables) }
}
