import ArgumentParser

public struct LQLMain: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lql",
        abstract: "A tenant-aware query language over a Prisma schema, compiled to PostgreSQL."
    )
    public init() {}
    public func run() throws {}
}
