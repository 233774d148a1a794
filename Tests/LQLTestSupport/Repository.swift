import Foundation

/// Where the repository and its examples are, found from this file's path so tests run from any
/// working directory.
public enum Repository {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    public static var leoraSchemaPath: String { path("examples/leora/schema.prisma") }

    /// The `lql` executable SwiftPM built next to the test bundle.
    public static var lqlBinary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("lql").path
    }
}
