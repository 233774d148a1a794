import Foundation
import LQLPostgres
import LQLTenancy

/// Applies a Prisma migrations directory (`<name>/migration.sql`, in name order) to one tenant
/// schema, the way the schema-per-tenant app migrates: each migration in its own transaction
/// with `search_path` set to that schema, then recorded in the schema's own `_prisma_migrations`
/// (checksum = sha256 of the file, as Prisma computes it). Used to load the supply-chain example.
public struct TenantSchemaMigrator: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Migration names in apply order: the subdirectories holding a `migration.sql`.
    public static func migrationNames(in directory: String) -> [String] {
        PrismaMigrations.names(in: directory)
    }

    public var migrationNames: [String] { TenantSchemaMigrator.migrationNames(in: directory) }

    /// Applies the migrations not yet recorded in `schema`, in order, stopping after `upTo` if
    /// given (to build a tenant that lags behind). Returns the names applied.
    @discardableResult
    public func migrate(schema: String, on db: Connection, upTo last: String? = nil) throws -> [String] {
        var applied: [String] = []
        for name in migrationNames {
            let path = "\(directory)/\(name)/migration.sql"
            guard let sql = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw PostgresError(kind: .client, message: "cannot read \(path)")
            }
            try db.execute("BEGIN")
            do {
                // quote_ident on the server: the schema name reaches SQL text only as a bind.
                try db.execute("SELECT set_config('search_path', quote_ident($1), true)", [schema])
                if try db.execute("SELECT 1 FROM \"_prisma_migrations\" WHERE migration_name = $1", [name]).rowCount > 0 {
                    try db.execute("ROLLBACK")
                    if name == last { break }
                    continue
                }
                try db.executeScript(sql)
                try db.execute("""
                    INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
                    VALUES (md5($1 || '/' || $2)::uuid::text, encode(sha256(convert_to($3, 'UTF8')), 'hex'), now(), $2, now(), 1)
                    """, [schema, name, sql])
                try db.execute("COMMIT")
            } catch {
                _ = try? db.execute("ROLLBACK")
                throw error
            }
            applied.append(name)
            if name == last { break }
        }
        return applied
    }
}
