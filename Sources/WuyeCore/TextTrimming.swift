import Foundation

extension String {
    /// The string without surrounding white space. Registry files have millions of fields that
    /// need no trimming: those come back as they are, without Foundation's UTF-16 round trip
    /// (which was 39% of a city import's time). Unicode white space (U+3000 from Chinese input
    /// methods, U+00A0 from Excel) is trimmed like ASCII space.
    public var trimmedWhitespace: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.properties.isWhitespace, !last.properties.isWhitespace { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
