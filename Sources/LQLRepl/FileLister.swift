#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists a directory for `\i` completion; tests give it a temporary directory.
public struct FileLister: Sendable {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var isDirectory: Bool
        public init(name: String, isDirectory: Bool) {
            self.name = name
            self.isDirectory = isDirectory
        }
    }

    private let list: @Sendable (String) -> [Entry]

    public init(_ list: @escaping @Sendable (String) -> [Entry]) {
        self.list = list
    }

    /// The entries of `directory` (relative to the working directory unless absolute), without
    /// `.` and `..`; none when it cannot be read.
    public func entries(in directory: String) -> [Entry] { list(directory) }

    public static let system = FileLister { directory in
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var result: [Entry] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) {
                var info = stat()
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                if stat(path, &info) == 0 { isDirectory = (info.st_mode & S_IFMT) == S_IFDIR }
            }
            result.append(Entry(name: name, isDirectory: isDirectory))
        }
        return result
    }

    public static let empty = FileLister { _ in [] }
}
