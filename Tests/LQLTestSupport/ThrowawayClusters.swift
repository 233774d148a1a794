import Foundation
import LQLPostgres
import LQLCluster

/// Every throwaway cluster a test process makes: in tmpfs when there is one, marked with the
/// process's pid (`owner.pid`), so the next test process can stop and remove what a crashed one
/// left behind (a dead test process cannot stop its servers, and each holds shared memory).
public enum ThrowawayClusters {
    /// `/dev/shm` when writable (initdb and a fsync-free start are faster there), else the temp dir.
    public static var base: String {
        FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    }

    /// A new cluster directory under `base` (not yet initialized or started).
    public static func make(prefix: String) throws -> LocalCluster {
        sweepOnce
        let cluster = try LocalCluster.temporary(in: base, prefix: prefix)
        try markOwned(root(of: cluster))
        return cluster
    }

    /// Writes this process's pid into `root`, for `sweep`.
    public static func markOwned(_ root: String) throws {
        try String(getpid()).write(toFile: root + "/owner.pid", atomically: true, encoding: .utf8)
    }

    public static func root(of cluster: LocalCluster) -> String {
        (cluster.dataDirectory as NSString).deletingLastPathComponent
    }

    private static let sweepOnce: Void = sweep()

    /// Stops and removes `lql-*` cluster directories whose owner process is gone.
    public static func sweep() {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: base)) ?? [] where name.hasPrefix("lql-") {
            let root = base + "/" + name
            guard let text = try? String(contentsOfFile: root + "/owner.pid", encoding: .utf8),
                  let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            if let binaries = try? PostgresBinaries.locate(),
               let stale = try? LocalCluster(dataDirectory: root + "/data", socketDirectory: root + "/run", binaries: binaries) {
                try? stale.stop()
            }
            try? fm.removeItem(atPath: root)
        }
    }
}
