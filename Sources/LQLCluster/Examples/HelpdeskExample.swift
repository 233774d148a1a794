import LQLPostgres
import Foundation

/// Loads `examples/helpdesk` into an empty database, as its README describes: the migration, the
/// row-level security policies, the read-only role, the seed function, then the seed. The same
/// steps for `lql demo --example helpdesk` and the tests.
public struct HelpdeskExample: Sendable {
    /// The `examples/helpdesk` directory.
    public let directory: String
    public static let tenants = ["northwind", "blue-harbor", "cinder-labs"]
    /// Trusted SQL files, run in order as the owner, each as one text.
    public static let files = ["migrations/0001_init/migration.sql", "rls.sql", "roles.sql", "seed.sql"]
    /// Seeds at the scale given as `$1`.
    public static let seedCall = "SELECT helpdesk_seed($1::int)"

    public init(directory: String) {
        self.directory = directory
    }

    /// Runs as the owner (a superuser in the example) on an empty database.
    public func load(on db: Connection, scale: Int) throws {
        for name in Self.files {
            let path = directory + "/" + name
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw PostgresError(kind: .client, message: "cannot read \(path)")
            }
            try db.executeScript(text)
        }
        try db.execute(Self.seedCall, [String(scale)])
        try db.executeScript("ANALYZE")
    }
}
