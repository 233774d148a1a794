import Foundation
import LQLPostgres
import LQLTestSupport
import Testing

/// Test threads block SIGINT (libdispatch workers), so the signal goes to the process and
/// another thread runs the handler: wait until it has.
private func sendInterruptAndWait() {
    kill(getpid(), SIGINT)
    let deadline = ContinuousClock.now + .seconds(2)
    while !Interrupts.pending, ContinuousClock.now < deadline { usleep(1000) }
}

/// Serialized, and each test under ProcessSignals: the SIGINT handler and its cancel slot are
/// process-wide (other suites send SIGINT too).
@Suite(.serialized) struct CancelTests {
    @Test func cancelFromAnotherThreadGives57014AndTheConnectionStaysUsable() throws {
        try ProcessSignals.exclusively { try cancelFromAnotherThreadGives57014AndTheConnectionStaysUsableBody() }
    }

    func cancelFromAnotherThreadGives57014AndTheConnectionStaysUsableBody() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        let handle = try #require(db.cancelHandle())
        let start = ContinuousClock.now
        Thread {
            Thread.sleep(forTimeInterval: 0.3)
            try? handle.cancel()
        }.start()
        let error = #expect(throws: PostgresError.self) { try db.execute("SELECT pg_sleep(20)") }
        #expect(error?.sqlState == "57014")
        #expect(error?.kind == .cancelled)
        #expect(error?.isQueryCanceled == true)
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(try db.execute("SELECT 'after'").scalar == "after")
    }

    @Test func sigintCancelsTheRunningQueryThroughTheCHandler() throws {
        try ProcessSignals.exclusively { try sigintCancelsTheRunningQueryThroughTheCHandlerBody() }
    }

    func sigintCancelsTheRunningQueryThroughTheCHandlerBody() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        try Interrupts.installHandler()
        db.cancelsOnInterrupt = true
        defer { db.cancelsOnInterrupt = false }
        let sentBefore = Interrupts.cancelRequestsSent
        let start = ContinuousClock.now
        Thread {
            Thread.sleep(forTimeInterval: 0.3)
            kill(getpid(), SIGINT)
        }.start()
        let error = #expect(throws: PostgresError.self) { try db.execute("SELECT pg_sleep(20)") }
        #expect(error?.sqlState == "57014")
        #expect(ContinuousClock.now - start < .seconds(10))
        // The handler runs on another thread and counts only after PQcancel returns, which can
        // be a moment after the server's error reached us.
        let deadline = ContinuousClock.now + .seconds(2)
        while Interrupts.cancelRequestsSent == sentBefore, ContinuousClock.now < deadline { usleep(1000) }
        #expect(Interrupts.cancelRequestsSent == sentBefore + 1)
        #expect(Interrupts.take())  // the flag is there for the prompt to see
        #expect(try db.execute("SELECT 'after'").scalar == "after")
    }

    @Test func sigintBetweenStreamedRowsStopsTheStream() throws {
        try ProcessSignals.exclusively { try sigintBetweenStreamedRowsStopsTheStreamBody() }
    }

    func sigintBetweenStreamedRowsStopsTheStreamBody() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        try Interrupts.installHandler()
        db.cancelsOnInterrupt = true
        defer { db.cancelsOnInterrupt = false }
        let sentBefore = Interrupts.cancelRequestsSent
        var rows = 0
        let error = #expect(throws: PostgresError.self) {
            try db.stream("SELECT g FROM generate_series(1, 1000000) g", columns: { _ in }, row: { _ in
                rows += 1
                if rows == 10 { sendInterruptAndWait() }
            })
        }
        #expect(error?.isQueryCanceled == true)
        #expect(rows == 10)
        // The query was running, so the handler sent a cancel too; let it finish counting.
        let deadline = ContinuousClock.now + .seconds(2)
        while Interrupts.cancelRequestsSent == sentBefore, ContinuousClock.now < deadline { usleep(1000) }
        #expect(try db.execute("SELECT 'after'").scalar == "after")
    }

    @Test func sigintWithNoQueryRunningOnlySetsTheFlag() throws {
        try ProcessSignals.exclusively { try sigintWithNoQueryRunningOnlySetsTheFlagBody() }
    }

    func sigintWithNoQueryRunningOnlySetsTheFlagBody() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        try Interrupts.installHandler()
        db.cancelsOnInterrupt = true
        defer { db.cancelsOnInterrupt = false }
        _ = Interrupts.take()
        let sentBefore = Interrupts.cancelRequestsSent
        sendInterruptAndWait()
        #expect(Interrupts.pending)
        #expect(Interrupts.take())
        #expect(!Interrupts.pending)
        #expect(Interrupts.cancelRequestsSent == sentBefore)
        #expect(try db.execute("SELECT 1").scalar == "1")
    }

    @Test func theCancelKeyIsRefreshedAfterReset() throws {
        try ProcessSignals.exclusively { try theCancelKeyIsRefreshedAfterResetBody() }
    }

    func theCancelKeyIsRefreshedAfterResetBody() throws {
        let test = try TestCluster.shared()
        let db = try Connection(test.ownerURL)
        try Interrupts.installHandler()
        db.cancelsOnInterrupt = true
        defer { db.cancelsOnInterrupt = false }
        try Connection(test.ownerURL).execute("SELECT pg_terminate_backend($1::int)", [String(db.backendPID)])
        #expect(throws: PostgresError.self) { try db.execute("SELECT 1") }
        try db.reset()
        Thread {
            Thread.sleep(forTimeInterval: 0.3)
            kill(getpid(), SIGINT)
        }.start()
        let error = #expect(throws: PostgresError.self) { try db.execute("SELECT pg_sleep(20)") }
        #expect(error?.sqlState == "57014")
        _ = Interrupts.take()
    }
}
