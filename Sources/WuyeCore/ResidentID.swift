import Foundation

/// A citizen identity number (公民身份号码), GB 11643-1999.
///
/// Layout: 6-digit address code (GB/T 2260), 8-digit birth date YYYYMMDD, 3-digit sequence
/// (odd for men, even for women), and one check character.
public struct ResidentID: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// GB 11643-1999: ISO 7064 MOD 11-2 weights for positions 1–17 (2^(18−i) mod 11).
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    /// GB 11643-1999: check character indexed by the weighted sum mod 11.
    static let checkCharacters = Array("10X98765432")
    /// GB/T 2260 province codes; the first two digits of every address code are one of these.
    static let provinceCodes: Set<Int> = Set(provinces.compactMap { Int($0) })
    static let provinces: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ]

    /// Validates `raw`, judging "born in the future" against `today` in China Standard Time.
    public init(_ raw: String, today: Date = Date()) throws(DomainError) {
        // Forms often paste with spaces; GB 11643-1999 writes the check character as capital X.
        let trimmed = raw.trimmedWhitespace
        // Only a lower-case letter (an `x` check character) needs upper-casing; copying every
        // number showed up in a city import's profile.
        let id = trimmed.utf8.contains { $0 >= 0x61 && $0 <= 0x7A } ? trimmed.uppercased() : trimmed
        // Checked on the UTF-8 bytes: an import validates one of these per row.
        let bytes = Array(id.utf8)
        guard bytes.count == 18, id.count == 18 else {
            throw Self.invalid("身份证号应为 18 位", "Resident ID must be 18 characters long")
        }
        let first17 = bytes[0..<17]
        guard first17.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw Self.invalid("身份证号前 17 位只能是数字", "The first 17 characters of a resident ID must be digits")
        }
        let last = bytes[17]
        guard (last >= 48 && last <= 57) || last == UInt8(ascii: "X") else {
            throw Self.invalid("身份证号最后一位只能是数字或 X", "The last character of a resident ID must be a digit or X")
        }
        guard Self.provinceCodes.contains(DigitText.integer(first17[0..<2])) else {
            throw Self.invalid("身份证号地址码无效", "Resident ID address code is not a valid region")
        }
        let birthYear = DigitText.integer(first17[6..<10])
        guard let birth = CivilDate(
            year: birthYear, month: DigitText.integer(first17[10..<12]), day: DigitText.integer(first17[12..<14])
        ) else {
            throw Self.invalid("身份证号出生日期无效", "Resident ID birth date is not a real date")
        }
        // 18-digit numbers were introduced in 1999 for living citizens; an earlier century
        // is a typing error, not a centenarian.
        guard birthYear >= 1900 else {
            throw Self.invalid("身份证号出生年份不能早于 1900 年", "Resident ID birth year must be 1900 or later")
        }
        guard birth <= CivilDate.inChina(today) else {
            throw Self.invalid("身份证号出生日期不能晚于今天", "Resident ID birth date must not be in the future")
        }
        guard Self.checkByte(forFirst17: first17) == last else {
            throw Self.invalid("身份证号校验位错误", "Resident ID check character is wrong")
        }
        self.rawValue = id
    }

    public init?(rawValue: String) {
        guard let id = try? ResidentID(rawValue) else { return nil }
        self = id
    }

    /// For generators that have already built a correct number.
    init(validated: String) {
        self.rawValue = validated
    }

    /// The GB 11643-1999 check character for 17 digits: ISO 7064 MOD 11-2,
    /// "10X98765432"[Σ(a_i × W_i) mod 11].
    /// GB 11643-1999 check (ISO 7064 MOD 11-2) over ASCII digit bytes.
    static func checkByte(forFirst17 digits: ArraySlice<UInt8>) -> UInt8 {
        var sum = 0
        for (digit, weight) in zip(digits, weights) { sum += (Int(digit) - 48) * weight }
        return Array("10X98765432".utf8)[sum % 11]
    }

    public static func checkCharacter(forFirst17 digits: some StringProtocol) -> Character {
        let values = digits.compactMap(DigitText.value(of:))
        precondition(values.count == 17 && digits.count == 17, "checkCharacter needs exactly 17 ASCII digits")
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return checkCharacters[sum % 11]
    }

    private static func invalid(_ message: String, _ english: String) -> DomainError {
        DomainError(code: "invalid_resident_id", message: message, english: english)
    }

    private func number(_ range: Range<Int>) -> Int {
        let chars = Array(rawValue)
        return DigitText.integer(chars[range]) ?? 0
    }

    public var birthYear: Int { number(6..<10) }
    public var birthMonth: Int { number(10..<12) }
    public var birthDay: Int { number(12..<14) }

    /// GB 11643-1999: the sequence code is odd for men and even for women.
    public var isMale: Bool { number(14..<17) % 2 == 1 }

    /// The number with most digits hidden, per the audience (see `MaskAudience`).
    public func masked(for audience: MaskAudience) -> String {
        switch audience {
        case .publicNotice:
            // Shows no region and no birthday: nothing a passer-by could use.
            return String(rawValue.prefix(1)) + String(repeating: "*", count: 16) + String(rawValue.suffix(1))
        case .staff:
            // Region plus the last four, the common practice for matching a resident in person.
            return String(rawValue.prefix(6)) + String(repeating: "*", count: 8) + String(rawValue.suffix(4))
        }
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
