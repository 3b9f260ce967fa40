import Foundation

extension String {
    /// The string without surrounding white space. Registry files have millions of fields that
    /// need no trimming: those come back as they are, without Foundation's UTF-16 round trip
    /// (which was 39% of a city import's time). Unicode white space (U+3000 from Chinese input
    /// methods, U+00A0 from Excel) is trimmed like ASCII space.
    public var trimmedWhitespace: String {
        // Most fields start and end with a printable ASCII byte or a Chinese character: decide
        // on the bytes alone, since looking up Unicode properties was 8% of an import (and even
        // `utf8.last` was 3%, hence the contiguous bytes).
        let mayHaveWhitespaceEnds = utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.isEmpty else { return false }
            var lastStart = bytes.count - 1
            while lastStart > 0, bytes[lastStart] & 0xC0 == 0x80 { lastStart -= 1 }
            return Self.mayStartWhitespace(bytes[0]) || Self.mayStartWhitespace(bytes[lastStart])
        }
        if mayHaveWhitespaceEnds == false { return self }
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.isWhitespaceLike, !last.isWhitespaceLike { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether a scalar whose UTF-8 starts with `byte` can be white space: ASCII space and
    /// controls 09–0D, or a lead byte of U+0085/U+00A0 (C2), U+1680 (E1), U+2000–U+205F (E2)
    /// or U+3000 (E3). Chinese characters (E4–E9) and printable ASCII cannot.
    private static func mayStartWhitespace(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, 0xC2, 0xE1, 0xE2, 0xE3: true
        default: false
        }
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
