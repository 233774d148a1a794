import Foundation

/// A Prisma migrations directory: one subdirectory per migration holding a `migration.sql`,
/// applied in name order. The schema-per-tenant style checks each tenant schema against it;
/// the examples' migrator (LQLCluster) applies it.
public enum PrismaMigrations {
    /// Migration names in apply order: the subdirectories holding a `migration.sql`.
    public static func names(in directory: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return entries.filter { FileManager.default.fileExists(atPath: "\(directory)/\($0)/migration.sql") }.sorted()
    }
}
