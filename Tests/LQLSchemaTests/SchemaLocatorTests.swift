import Foundation
import Testing
@testable import LQLSchema

@Suite struct SchemaLocatorTests {
    func withTempDirectory(_ body: (String) throws -> Void) throws {
        let dir = NSTemporaryDirectory() + "lql-locator-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(dir)
    }

    @Test func order() throws {
        try withTempDirectory { dir in
            #expect(SchemaLocator.locate(explicit: nil, environment: [:], workingDirectory: dir) == nil)
            FileManager.default.createFile(atPath: dir + "/schema.prisma", contents: Data())
            #expect(SchemaLocator.locate(explicit: nil, environment: [:], workingDirectory: dir) == dir + "/schema.prisma")
            try FileManager.default.createDirectory(atPath: dir + "/prisma", withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: dir + "/prisma/schema.prisma", contents: Data())
            #expect(SchemaLocator.locate(explicit: nil, environment: [:], workingDirectory: dir) == dir + "/prisma/schema.prisma")
            #expect(SchemaLocator.locate(explicit: nil, environment: ["LQL_SCHEMA": "env.prisma"], workingDirectory: dir) == dir + "/env.prisma")
            #expect(SchemaLocator.locate(explicit: "/abs/x.prisma", environment: ["LQL_SCHEMA": "env.prisma"], workingDirectory: dir) == "/abs/x.prisma")
        }
    }
}
