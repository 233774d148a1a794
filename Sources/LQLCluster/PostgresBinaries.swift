import LQLSystem
import Foundation

/// Where the PostgreSQL server tools (initdb, pg_ctl, postgres) are installed.
public struct PostgresBinaries: Sendable, Hashable {
    public var directory: String
    /// The major version (15).
    public var majorVersion: Int

    public init(directory: String, majorVersion: Int) {
        self.directory = directory
        self.majorVersion = majorVersion
    }

    public var initdb: String { directory + "/initdb" }
    public var pgCtl: String { directory + "/pg_ctl" }
    public var psql: String { directory + "/psql" }

    /// `$LQL_PG_BINDIR`, then `pg_config --bindir`, then the highest `/usr/lib/postgresql/*/bin`,
    /// then `initdb` on `PATH`. Only a directory that really holds `initdb` and `pg_ctl` counts:
    /// on Debian `pg_config` comes with libpq-dev and names a directory without a server.
    public static func locate() throws -> PostgresBinaries {
        var candidates: [String] = []
        if let dir = ProcessInfo.processInfo.environment["LQL_PG_BINDIR"], !dir.isEmpty { candidates.append(dir) }
        if let pgConfig = findOnPath("pg_config"),
           let out = try? ClusterCommandRunner.run(pgConfig, ["--bindir"], asServiceUser: false) {
            candidates.append(out.trimmingWhitespaceAndNewlines())
        }
        candidates += debianBinDirectories()
        if let initdb = findOnPath("initdb") { candidates.append((initdb as NSString).deletingLastPathComponent) }

        return try locate(searching: candidates)
    }

    /// The first of `directories` that holds a server, or the install hint.
    public static func locate(searching directories: [String]) throws -> PostgresBinaries {
        for dir in directories where isServerDirectory(dir) {
            if let version = majorVersion(of: dir) { return PostgresBinaries(directory: dir, majorVersion: version) }
        }
        throw LocalClusterError("PostgreSQL server binaries not found: install them with `apt-get install postgresql` (or `brew install postgresql`), or set LQL_PG_BINDIR to the directory holding initdb and pg_ctl")
    }

    static func isServerDirectory(_ dir: String) -> Bool {
        let fm = FileManager.default
        return fm.isExecutableFile(atPath: dir + "/initdb") && fm.isExecutableFile(atPath: dir + "/pg_ctl")
    }

    static func debianBinDirectories() -> [String] {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init)
        return versions.sorted(by: >).map { "\(root)/\($0)/bin" }
    }

    /// From a Debian path (`/usr/lib/postgresql/15/bin`) or else `initdb --version`.
    static func majorVersion(of dir: String) -> Int? {
        let parts = dir.split(separator: "/")
        if parts.count >= 2, parts.last == "bin", let v = Int(parts[parts.count - 2]) { return v }
        guard let out = try? ClusterCommandRunner.run(dir + "/initdb", ["--version"], asServiceUser: false) else { return nil }
        // "initdb (PostgreSQL) 16.2"
        let version = out.split(separator: " ").last.map(String.init)?.trimmingWhitespaceAndNewlines() ?? ""
        return Int(version.prefix(while: \.isNumber))
    }

    static func findOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
