import Foundation
import LQLPostgres
import Testing

@Suite struct ErrorTests {
    @Test func serverErrorKeepsEveryField() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        let error = #expect(throws: PostgresError.self) {
            try db.execute("SELECT nope FROM tenants WHERE slug = $1", ["secret-value"])
        }
        #expect(error?.kind == .server)
        #expect(error?.sqlState == "42703")
        #expect(error?.severity == "ERROR")
        #expect(error?.message == "column \"nope\" does not exist")
        #expect(error?.position == 8)
        #expect(error?.statement == "SELECT nope FROM tenants WHERE slug = $1")
        #expect(error?.parameters == nil)
        #expect(error?.description == "ERROR:  column \"nope\" does not exist (SQLSTATE 42703)")
        #expect(error?.description.contains("secret-value") == false)
    }

    @Test func detailHintAndContextArrive() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        let error = #expect(throws: PostgresError.self) {
            try db.execute("DO $$ BEGIN RAISE EXCEPTION 'boom' USING DETAIL = 'the detail', HINT = 'the hint', ERRCODE = 'P0001'; END $$")
        }
        #expect(error?.sqlState == "P0001")
        #expect(error?.detail == "the detail")
        #expect(error?.hint == "the hint")
        #expect(error?.context?.contains("PL/pgSQL") == true)
        #expect(error?.fullDescription == """
            ERROR:  boom (SQLSTATE P0001)
            DETAIL:  the detail
            HINT:  the hint
            CONTEXT:  \(error?.context ?? "")
            """)
    }

    @Test func bindValuesShowOnlyWhenVerbose() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        db.verboseErrors = true
        let error = #expect(throws: PostgresError.self) { try db.execute("SELECT $1::int", ["not-a-number"]) }
        #expect(error?.sqlState == "22P02")
        #expect(error?.parameters == ["not-a-number"])
        #expect(error?.description.hasSuffix("[parameters: 'not-a-number']") == true)
    }

    @Test func errorMidStreamIsThrownAndConnectionStaysUsable() throws {
        let db = try Connection(try TestCluster.shared().ownerURL)
        var rows = 0
        let error = #expect(throws: PostgresError.self) {
            try db.stream("SELECT 10 / (5 - g) FROM generate_series(1, 10) g", columns: { _ in }, row: { _ in rows += 1 })
        }
        #expect(error?.sqlState == "22012")
        #expect(rows == 4)
        #expect(try db.execute("SELECT 'ok'").scalar == "ok")
    }

    @Test func unreachableServerIsAClearOneLineError() throws {
        let dir = NSTemporaryDirectory() + "lql-nowhere-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let error = #expect(throws: PostgresError.self) {
            _ = try Connection("postgresql:///postgres?host=\(dir)&port=5999&connect_timeout=2")
        }
        #expect(error?.kind == .connection)
        #expect(error?.description.contains("\n") == false)
        #expect(error?.description.contains("\(dir)/.s.PGSQL.5999") == true)
        #expect(error?.description.contains("No such file or directory") == true)
        #expect(error?.hint?.contains("Is the server running locally") == true)
    }

    @Test func badConninfoIsAConnectionError() throws {
        let error = #expect(throws: PostgresError.self) { _ = try Connection("postgresql://[bad") }
        #expect(error?.kind == .connection)
        #expect(error?.description.isEmpty == false)
    }
}
