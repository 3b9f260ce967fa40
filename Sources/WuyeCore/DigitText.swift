import Foundation

/// Character helpers shared by the identifier parsers.
///
/// `Character.isNumber` accepts full-width and other Unicode digits ("１", "٣"), which none of
/// the national standards allow, so every check here is restricted to ASCII.
enum DigitText {
    /// The value 0...9 of an ASCII digit, or nil.
    static func value(of character: Character) -> Int? {
        guard let ascii = character.asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
    }

    /// True when `text` is non-empty and made only of ASCII digits.
    static func isDigits(_ text: some Collection<Character>) -> Bool {
        !text.isEmpty && text.allSatisfy { value(of: $0) != nil }
    }

    /// The same for a String, over its UTF-8 bytes: no grapheme breaking on the hot path.
    static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// The value of ASCII digit bytes, for parsers that work on UTF-8.
    static func integer(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 * 10 + Int($1) - 48 }
    }

    /// The integer spelled by an all-digit string short enough not to overflow.
    static func integer(_ text: some Collection<Character>) -> Int? {
        guard isDigits(text), text.count <= 18 else { return nil }
        return text.reduce(0) { $0 * 10 + (value(of: $1) ?? 0) }
    }
}
