import Foundation
import LQL
import LQLTestSupport
import Testing

/// Every `Golden/helpdesk/NAME.lql` compiles against the helpdesk example (its schema folder and
/// lql.toml's tenancy: Organization with uuid ids, Message through its ticket, implicit
/// many-to-many tables) to exactly `Golden/helpdesk/NAME.sql`.
/// `LQL_RECORD=1 swift test --filter HelpdeskGoldenTests` rewrites the expectations.
struct HelpdeskGoldenTests {
    static let directory = Fixtures.goldenDirectory.appendingPathComponent("helpdesk")
    static let catalog: Catalog = {
        do { return try HelpdeskFixture.catalog() } catch { fatalError("\(error)") }
    }()

    static var names: [String] { GoldenTests.names(in: directory) }

    @Test func corpusHasTheManyToManyCases() {
        #expect(Self.names.filter { $0.hasPrefix("m2m_") }.count >= 10)
    }

    @Test(arguments: HelpdeskGoldenTests.names)
    func golden(_ name: String) throws {
        try GoldenTests.check(name, in: Self.directory, catalog: Self.catalog)
    }
}
