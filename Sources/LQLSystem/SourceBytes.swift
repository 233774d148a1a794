/// Bytes read from a source file (a report, a schema, an `\i` file, a script) made into text the
/// same way everywhere: a UTF-8 byte-order mark at the start is dropped (editors on Windows write
/// one; it is not part of the text), anything that is not UTF-8 is refused with where it starts.
public enum SourceBytes {
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public static func startsWithByteOrderMark<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        bytes.starts(with: byteOrderMark)
    }

    /// `bytes` without a leading byte-order mark.
    public static func withoutByteOrderMark(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        startsWithByteOrderMark(bytes) ? bytes[3...] : bytes[...]
    }

    /// The text, or a reason it is not text ("not valid UTF-8 text (byte 12)").
    public static func text(_ bytes: [UInt8]) -> Result<String, NotText> {
        let body = withoutByteOrderMark(bytes)
        if let text = String(validating: body, as: UTF8.self) { return .success(text) }
        return .failure(NotText(offset: firstInvalidOffset(body)))
    }

    public struct NotText: Error, Sendable, Equatable, CustomStringConvertible {
        /// 0-based offset in the file of the first byte that is not UTF-8.
        public var offset: Int
        public var description: String { "not valid UTF-8 text (byte \(offset + 1))" }
    }

    /// Where the first ill-formed sequence starts, counted from the start of the file (a slice
    /// of the file's array keeps the file's indices).
    static func firstInvalidOffset(_ body: ArraySlice<UInt8>) -> Int {
        var iterator = body.makeIterator()
        var decoder = UTF8()
        var good = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { good += UTF8.width(scalar) }
        return body.startIndex + good
    }
}
