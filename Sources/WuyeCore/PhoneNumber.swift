import Foundation

/// A mainland China phone number: a mobile number or a landline with its area code.
///
/// Stored normalised ("13812345678", "0532-88886666") so the same number typed two ways
/// compares equal and de-duplicates.
public struct PhoneNumber: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ raw: String) throws(DomainError) {
        // Most numbers arrive as a plain 11-digit mobile: accept those without copying.
        let bytes = raw.utf8
        if bytes.count == 11, bytes.first == UInt8(ascii: "1"), bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }),
           let second = bytes.dropFirst().first, second >= UInt8(ascii: "3") {
            self.rawValue = raw
            return
        }
        // People paste numbers with spaces ("138 1234 5678"); they carry no meaning.
        var text = String(raw.filter { !$0.isWhitespace })
        // E.164: +86 is China's country code; drop it only before an 11-digit mobile, because
        // international landline format also drops the trunk "0" and would need re-adding.
        if text.hasPrefix("+86"), Self.isMobile(text.dropFirst(3)) {
            text = String(text.dropFirst(3))
        } else if text.hasPrefix("86"), text.count == 13, Self.isMobile(text.dropFirst(2)) {
            text = String(text.dropFirst(2))
        }
        if Self.isMobile(text[...]) {
            self.rawValue = text
        } else if let landline = Self.landline(text) {
            self.rawValue = landline
        } else {
            throw DomainError(
                code: "invalid_phone",
                message: "电话号码无效：手机号应为 11 位（1 开头），固定电话应为区号加 7–8 位号码，如 0532-88886666",
                english: "Phone number must be an 11-digit mobile starting with 1, or an area code plus a 7–8 digit "
                    + "number such as 0532-88886666"
            )
        }
    }

    public init?(rawValue: String) {
        guard let phone = try? PhoneNumber(rawValue) else { return nil }
        self = phone
    }

    /// MIIT numbering plan (电信网编号计划): mobile numbers are 11 digits, 1[3-9]xxxxxxxxx.
    private static func isMobile(_ text: Substring) -> Bool {
        let digits = Array(text)
        guard digits.count == 11, DigitText.isDigits(digits), digits[0] == "1" else { return false }
        return (3...9).contains(DigitText.value(of: digits[1]) ?? 0)
    }

    /// MIIT numbering plan: area codes are 010 and 020–029 (three digits with the trunk 0) or
    /// 03xx–09xx (four digits); local numbers are 7 or 8 digits.
    private static func landline(_ text: String) -> String? {
        let area: String
        let local: String
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        switch parts.count {
        case 2:
            area = String(parts[0])
            local = String(parts[1])
        case 1:
            // Without a dash the area code's length follows from its first digits.
            let shortArea = text.hasPrefix("010") || text.hasPrefix("02")
            area = String(text.prefix(shortArea ? 3 : 4))
            local = String(text.dropFirst(area.count))
        default:
            return nil
        }
        guard DigitText.isDigits(area), DigitText.isDigits(local), (7...8).contains(local.count) else { return nil }
        let isShortArea = area == "010" || (area.count == 3 && area.hasPrefix("02"))
        let isLongArea = area.count == 4 && area.hasPrefix("0") && !area.hasPrefix("00") && !area.hasPrefix("01")
            && !area.hasPrefix("02")
        guard isShortArea || isLongArea else { return nil }
        return area + "-" + local
    }

    public var isMobile: Bool {
        !rawValue.contains("-")
    }

    /// For notices and lists: mobile "138****1234"; landline "0532-****6666".
    public var masked: String {
        if isMobile {
            return String(rawValue.prefix(3)) + "****" + String(rawValue.suffix(4))
        }
        let area = rawValue.prefix { $0 != "-" }
        return area + "-****" + String(rawValue.suffix(4))
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
