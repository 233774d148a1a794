/// The entries of the prompt's history, oldest first: one per statement (line breaks kept),
/// limited in size, with no entry repeating the one before it.
public struct CommandHistory: Sendable, Hashable {
    public private(set) var entries: [String]
    public let limit: Int

    public static let defaultLimit = 2_000

    public init(entries: [String] = [], limit: Int = CommandHistory.defaultLimit) {
        self.limit = max(1, limit)
        self.entries = []
        for entry in entries { add(entry) }
    }

    /// Adds an entry; returns false when it is blank or repeats the previous one.
    @discardableResult
    public mutating func add(_ entry: String) -> Bool {
        guard entry.contains(where: { !$0.isWhitespace }) else { return false }
        guard entry != entries.last else { return false }
        entries.append(entry)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        return true
    }
}
