import LQLSystem
import ArgumentParser
import Foundation
import LQL
import LQLPostgres
import LQLDoctor
import LQLTenancy

/// `lql doctor`: checks that the database keeps tenants apart the way lql relies on, that the
/// connected role is read-only, and that the tables match the Prisma schema.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the database's tenant isolation, the connected role and drift from the Prisma schema.",
        discussion: "Exit codes: 0 no failures (warnings allowed), 1 at least one failure, 2 usage, 3 connection or server error.")

    @Option(name: .long, help: "Database URL (else DATABASE_URL, else libpq's PG* variables).")
    var db: String?

    @OptionGroup var schema: SchemaOptions

    func run() throws {
        let environment = CommandEnvironment()
        let frontEnd = try CompilerFrontEnd(schema: schema, environment: environment)
        let (catalog, schemaPath) = (frontEnd.catalog, frontEnd.schemaPath)
        let connection: Connection
        do {
            connection = try Connection(db ?? environment["DATABASE_URL"])
        } catch {
            throw CommandFailure(.serverError, "lql doctor: \(error)")
        }
        let findings: [DoctorFinding]
        do {
            findings = try Doctor(catalog: catalog,
                                  migrationsDirectory: SchemaPerTenantLayout.migrationsDirectory(besideSchema: schemaPath)).examine(connection)
        } catch {
            throw CommandFailure(.serverError, "lql doctor: \(error)")
        }
        for finding in findings { StandardStreams.write(finding.description + "\n") }
        let failures = findings.filter { $0.severity == .failure }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        let who = "\(connection.user)@\(connection.database), PostgreSQL \(connection.serverVersion)"
        StandardStreams.write("\(failures) failure\(failures == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") (\(who))\n")
        if failures > 0 { throw CommandFailure(ExitStatus(rawValue: 1)!, nil) }
    }
}
