import LQLSystem

/// `prisma.config.ts` may name the schema (`schema: "prisma/schema"`). lql reads that one string
/// and nothing else: the file is TypeScript, and running it is not lql's business.
enum PrismaConfig {
    static func schemaPath(inDirectory directory: String) -> String? {
        for name in ["prisma.config.ts", "prisma.config.mts", "prisma.config.js"] {
            guard let bytes = FileSystem.contents(of: FilePath.join(directory, name)) else { continue }
            return schemaValue(in: String(decoding: bytes, as: UTF8.self))
        }
        return nil
    }

    /// The string literal after the first `schema:` key outside `//` comments, e.g.
    /// `schema: 'db/schema'`. Bytes, not String searching: this is on every command's path.
    static func schemaValue(in text: String) -> String? {
        let key = Array("schema".utf8)
        for line in Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let bytes = Array(line)
            var end = bytes.count
            if let c = (0..<max(0, bytes.count - 1)).first(where: { bytes[$0] == 0x2F && bytes[$0 + 1] == 0x2F }) { end = c }
            var i = 0
            while i + key.count <= end {
                defer { i += 1 }
                guard Array(bytes[i..<(i + key.count)]) == key else { continue }
                var j = i + key.count
                while j < end, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                guard j < end, bytes[j] == UInt8(ascii: ":") else { continue }
                j += 1
                while j < end, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                guard j < end, [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`")].contains(bytes[j]) else { continue }
                let quote = bytes[j]
                guard let close = bytes[(j + 1)..<end].firstIndex(of: quote), close > j + 1 else { return nil }
                return String(decoding: bytes[(j + 1)..<close], as: UTF8.self)
            }
        }
        return nil
    }
}
