import Foundation

/// The test binary is one process and suites run in parallel, so a SIGINT one test sends to
/// itself reaches whatever query another test has registered for Ctrl-C (an interactive session,
/// `cancelsOnInterrupt`). Tests that send SIGINT to this process, or run code that reacts to it,
/// do so under this lock.
public enum ProcessSignals {
    // Recursive: a test holding it may call a helper that takes it too.
    private static let lock = NSRecursiveLock()

    public static func exclusively<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
