import Foundation

/// A unified social credit code (统一社会信用代码), GB 32100-2015.
///
/// Layout: registration authority (1) + organisation type (1) + registering division (6)
/// + organisation code per GB 11714 (9, the last being its own check) + check character (1).
public struct CreditCode: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// GB 32100-2015: the 31 code characters; I, O, Z, S and V are left out because they are
    /// easily confused with 1, 0, 2, 5 and U. A character's value is its index.
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// GB 32100-2015: weight of position i (from 0) is 3^i mod 31.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    /// GB 11714-1997: weights of the eight body characters of an organisation code.
    static let organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    public init(_ raw: String) throws(DomainError) {
        // Codes are printed in capitals; people often type them in lower case.
        let code = raw.trimmedWhitespace.uppercased()
        let chars = Array(code)
        guard chars.count == 18 else {
            throw Self.invalid("统一社会信用代码应为 18 位", "Unified social credit code must be 18 characters long")
        }
        if let bad = chars.first(where: { Self.value(of: $0) == nil }) {
            throw Self.invalid(
                "统一社会信用代码含有无效字符“\(bad)”（不使用 I、O、Z、S、V）",
                "Unified social credit code contains the invalid character \"\(bad)\" (I, O, Z, S, V are never used)"
            )
        }
        guard Self.checkCharacter(forFirst17: String(chars[0..<17])) == chars[17] else {
            throw Self.invalid("统一社会信用代码校验位错误", "Unified social credit code check character is wrong")
        }
        self.rawValue = code
    }

    public init?(rawValue: String) {
        guard let code = try? CreditCode(rawValue) else { return nil }
        self = code
    }

    /// For generators that have already built a correct code.
    init(validated: String) {
        self.rawValue = validated
    }

    static func value(of character: Character) -> Int? {
        alphabet.firstIndex(of: character)
    }

    /// GB 32100-2015 check character: C = 31 − (Σ v_i·W_i mod 31), with 31 written as "0".
    public static func checkCharacter(forFirst17 characters: some StringProtocol) -> Character {
        let values = characters.compactMap(value(of:))
        precondition(values.count == 17 && characters.count == 17, "checkCharacter needs 17 code characters")
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// GB 11714-1997 organisation code check character for the 8 body characters:
    /// digits count as 0–9 and letters A–Z as 10–35; C = 11 − (Σ v_i·W_i mod 11),
    /// with 10 written as "X" and 11 as "0".
    public static func organisationCheckCharacter(forFirst8 characters: some StringProtocol) -> Character {
        let values = characters.compactMap(organisationValue(of:))
        precondition(values.count == 8 && characters.count == 8, "organisationCheckCharacter needs 8 digits or letters")
        let sum = zip(values, organisationWeights).reduce(0) { $0 + $1.0 * $1.1 }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let digit: return Character(String(digit))
        }
    }

    private static func organisationValue(of character: Character) -> Int? {
        if let digit = DigitText.value(of: character) { return digit }
        guard let ascii = character.asciiValue, ascii >= 65, ascii <= 90 else { return nil }
        return Int(ascii) - 55
    }

    private static func invalid(_ message: String, _ english: String) -> DomainError {
        DomainError(code: "invalid_credit_code", message: message, english: english)
    }

    public var description: String {
        rawValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do throws(DomainError) {
            try self.init(raw)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.english)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
