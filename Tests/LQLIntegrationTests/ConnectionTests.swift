import Foundation
import LQLPostgres
import Testing

@Suite struct ConnectionTests {
    @Test func connectsAndReportsStatus() throws {
        let test = try TestCluster.shared()
        let db = try Connection(test.readerURL)
        #expect(db.isConnected)
        #expect(db.user == "lql_reader")
        #expect(try db.currentUser() == "lql_reader")
        #expect(db.database == "postgres")
        #expect(db.serverVersionNumber / 10000 == test.cluster.binaries.majorVersion)
        #expect(db.serverVersion.hasPrefix("\(test.cluster.binaries.majorVersion)."))
        #expect(db.host == test.cluster.socketDirectory)
    }

    @Test func executeWithBindsReturnsTextValues() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        let r = try db.execute("SELECT $1::int + 1 AS n, $2::text AS t, NULL::numeric AS d, 1.50::numeric(5,2) AS m", ["41", "héllo"])
        #expect(r.columns.map(\.name) == ["n", "t", "d", "m"])
        #expect(r.columns.map(\.typeOID) == [23, 25, 1700, 1700])
        #expect(r.rows == [["42", "héllo", nil, "1.50"]])
        #expect(r.commandTag == "SELECT 1")
    }

    @Test func aBindIsNeverSQL() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        let nasty = "x'); DROP TABLE tenants; --"
        #expect(try db.execute("SELECT $1::text", [nasty]).scalar == nasty)
        #expect(try db.execute("SELECT count(*) FROM tenants").scalar == "3")
    }

    @Test func streamsManyRowsOneAtATime() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        var columns: [Column] = []
        var count = 0
        var sum = 0
        let summary = try db.stream("SELECT g AS n, 'row ' || g AS label FROM generate_series(1, $1::int) g", ["100000"],
                                    columns: { columns = $0 },
                                    row: { row in
                                        #expect(columns.count == 2)  // metadata arrived before the first row
                                        count += 1
                                        sum += Int(row[0]!)!
                                    })
        #expect(columns.map(\.name) == ["n", "label"])
        #expect(count == 100_000)
        #expect(sum == 100_000 * 100_001 / 2)
        #expect(summary.rowCount == 100_000)
        #expect(summary.commandTag == "SELECT 100000")
    }

    @Test func emptyResultStillHasColumns() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        let stream = try db.query("SELECT 1 AS a, 'x'::text AS b WHERE false")
        #expect(stream.columns.map(\.name) == ["a", "b"])
        #expect(try stream.next() == nil)
        #expect(stream.commandTag == "SELECT 0")
    }

    @Test func abandoningAStreamLeavesTheConnectionUsable() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        let stream = try db.query("SELECT g FROM generate_series(1, 1000000) g")
        #expect(try stream.next()?[0] == "1")
        stream.close()
        #expect(try db.execute("SELECT 'next'").scalar == "next")
        // Starting another statement while a stream is open closes the stream first.
        let second = try db.query("SELECT g FROM generate_series(1, 1000000) g")
        _ = try second.next()
        #expect(try db.execute("SELECT 2").scalar == "2")
        #expect(try second.next() == nil)
    }

    @Test func callbackErrorCancelsAndIsRethrown() throws {
        struct Stop: Error {}
        let db = try Connection(try TestCluster.shared().ownerURL)
        var seen = 0
        #expect(throws: Stop.self) {
            try db.stream("SELECT g FROM generate_series(1, 1000000) g", columns: { _ in }, row: { _ in
                seen += 1
                if seen == 10 { throw Stop() }
            })
        }
        #expect(seen == 10)
        #expect(try db.execute("SELECT 3").scalar == "3")
    }

    @Test func resetReconnectsAfterTheBackendIsKilled() throws {
        let test = try TestCluster.shared()
        let db = try Connection(test.ownerURL)
        let admin = try Connection(test.ownerURL)
        let oldPID = db.backendPID
        try admin.execute("SELECT pg_terminate_backend($1::int)", [String(oldPID)])
        let error = #expect(throws: PostgresError.self) { try db.execute("SELECT 1") }
        #expect(error?.kind == .connectionLost)
        #expect(error?.description.contains("\n") == false)
        #expect(!db.isConnected)
        #expect(try db.reconnectIfNeeded())
        #expect(db.backendPID != oldPID)
        #expect(try db.execute("SELECT 1").scalar == "1")
    }

    @Test func noticesAreCollectedNotPrinted() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        try db.execute("DO $$ BEGIN RAISE NOTICE 'hello %', 42; END $$")
        let notices = db.takeNotices()
        #expect(notices.map(\.message) == ["hello 42"])
        #expect(notices.first?.severity == "NOTICE")
        #expect(db.takeNotices().isEmpty)
    }

    @Test func trustedScriptsRunSeveralStatements() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        let last = try db.executeScript("""
            CREATE TEMP TABLE script_t (n int);
            INSERT INTO script_t VALUES (1), (2);
            SELECT sum(n) FROM script_t;
            """)
        #expect(last.scalar == "3")
        let error = #expect(throws: PostgresError.self) { try db.executeScript("SELECT 1; SELEC 2;") }
        #expect(error?.sqlState == "42601")
        #expect(error?.position == 11)
        #expect(db.transactionStatus == .idle)
    }
}
