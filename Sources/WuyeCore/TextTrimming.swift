import Foundation

extension String {
    /// The string without surrounding white space. Registry files have millions of fields that
    /// need no trimming: those come back as they are, without Foundation's UTF-16 round trip
    /// (which was 39% of a city import's time).
    public var trimmedWhitespace: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if Self.isPlainByte(first), Self.isPlainByte(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An ASCII byte that is not white space, or a byte inside a multi-byte character other
    /// than the lead bytes of U+00A0 (C2) and U+3000 (E3), the non-ASCII spaces seen in Excel exports.
    private static func isPlainByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, 0xC2, 0xE3, 0x80...0xBF: false
        default: true
        }
    }
}
