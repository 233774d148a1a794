import Foundation
import LQLPostgres
import LQLCluster

/// A hot standby of a local cluster: `pg_basebackup -R` (streaming WAL, `standby.signal` and
/// `primary_conninfo` written) into a new data directory, started on its own socket directory.
/// Call `destroy()` to stop and remove it.
public final class HotStandby: Sendable {
    public let cluster: LocalCluster

    public init(of primary: LocalCluster) throws {
        let root = try ServiceUser.makeDirectory(in: throwawayClusterBase(), prefix: "lql-standby-")
        try ThrowawayClusters.markOwned(root)
        do {
            try ServiceUser.run(primary.binaries.directory + "/pg_basebackup",
                                ["-D", root + "/data", "-R", "-X", "stream", "-c", "fast",
                                 "-h", primary.socketDirectory, "-p", String(primary.port), "-U", "postgres"])
            cluster = try LocalCluster(dataDirectory: root + "/data", socketDirectory: root + "/run", port: primary.port,
                                       binaries: primary.binaries)
            try cluster.start()
        } catch {
            try? FileManager.default.removeItem(atPath: root)
            throw error
        }
    }

    public func destroy() {
        cluster.destroy()
        try? FileManager.default.removeItem(atPath: (cluster.dataDirectory as NSString).deletingLastPathComponent)
    }
}
