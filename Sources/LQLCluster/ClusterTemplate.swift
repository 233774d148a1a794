import Foundation

/// The cached, initdb'd data directory new clusters are copied from.
enum ClusterTemplate {
    /// One template per major version (and per user when not root, so nobody copies a
    /// directory they cannot read).
    static func path(for binaries: PostgresBinaries) -> String {
        let owner = ClusterCommandRunner.isRoot ? "" : "-uid\(getuid())"
        return "/tmp/lql-pg-template-\(binaries.majorVersion)\(owner)"
    }

    /// Returns the template's path, creating it if missing. Safe when several processes race:
    /// each builds in its own directory and only one rename wins.
    static func ensure(binaries: PostgresBinaries) throws -> String {
        let target = path(for: binaries)
        let fm = FileManager.default
        if fm.fileExists(atPath: target + "/PG_VERSION") { return target }
        let building = "\(target).building-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? fm.removeItem(atPath: building) }
        try initdb(binaries: binaries, into: building)
        if rename(building, target) != 0 {
            // Another process won (or a broken leftover is in the way: replace it).
            if !fm.fileExists(atPath: target + "/PG_VERSION") {
                try? fm.removeItem(atPath: target)
                if rename(building, target) != 0 {
                    throw LocalClusterError("cannot create the cluster template \(target): \(String(cString: strerror(errno)))")
                }
            }
        }
        return target
    }

    /// initdb as lql wants it: trust auth (the socket is private), UTF-8, C.UTF-8 collation,
    /// superuser `postgres`; then the settings every lql cluster shares.
    static func initdb(binaries: PostgresBinaries, into directory: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try ClusterCommandRunner.chownToServiceUser(directory)
        chmod(directory, 0o700)
        try ClusterCommandRunner.run(binaries.initdb, [
            "-D", directory, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "-U", "postgres", "--no-sync",
        ])
        let settings = """

            # lql: a private cluster reached only through its unix socket.
            listen_addresses = ''
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            include_if_exists = 'lql.conf'

            """
        guard let handle = FileHandle(forWritingAtPath: directory + "/postgresql.conf") else {
            throw LocalClusterError("cannot write \(directory)/postgresql.conf")
        }
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(Data(settings.utf8))
    }
}
