import Foundation

extension String {
    /// The string without surrounding white space. Registry files have millions of fields that
    /// need no trimming: those come back as they are, without Foundation's UTF-16 round trip
    /// (which was 39% of a city import's time). Unicode white space (U+3000 from Chinese input
    /// methods, U+00A0 from Excel) is trimmed like ASCII space.
    public var trimmedWhitespace: String {
        // Most fields start and end with a printable ASCII byte: decide on the bytes alone,
        // since looking up Unicode properties was 8% of an import.
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        if firstByte > 0x20, firstByte < 0x7F, lastByte > 0x20, lastByte < 0x7F { return self }
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.isWhitespaceLike, !last.isWhitespaceLike { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property by value, without the property table look-up that names
    /// (a Chinese character at either end) would otherwise pay for.
    fileprivate var isWhitespaceLike: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
