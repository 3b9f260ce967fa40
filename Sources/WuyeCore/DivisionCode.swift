import Foundation

/// An administrative division code: province, city, district, subdistrict or community.
///
/// GB/T 2260: the first six digits are two each for province, prefecture and county.
/// NBS 统计用区划代码 (statistical division codes) extend them to 6+3+3: three digits for the
/// township/subdistrict and three for the village/community committee.
public struct DivisionCode: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public let level: DivisionLevel

    public init(_ raw: String) throws(DomainError) {
        let code = raw.trimmedWhitespace
        guard DigitText.isDigits(code) else {
            throw Self.invalid("区划代码只能包含数字", "Division code must contain digits only")
        }
        guard let level = Self.level(of: code) else {
            throw Self.invalid(
                "区划代码应为 6 位（省市区县）、9 位（街道）或 12 位（社区），且各级段不能为 000",
                "Division code must be 6 (province/city/district), 9 (subdistrict) or 12 (community) digits "
                    + "with no all-zero segment"
            )
        }
        self.rawValue = code
        self.level = level
    }

    public init?(rawValue: String) {
        guard let code = try? DivisionCode(rawValue) else { return nil }
        self = code
    }

    /// The level a well-formed code denotes, or nil when the code is not well-formed.
    private static func level(of code: String) -> DivisionLevel? {
        level(of: Array(code.utf8)[...])
    }

    /// Works on the ASCII digits' bytes: a registry import classifies three codes per row.
    private static func level(of digits: ArraySlice<UInt8>) -> DivisionLevel? {
        let zero = UInt8(ascii: "0")
        func isZero(_ range: Range<Int>) -> Bool {
            range.allSatisfy { digits[digits.startIndex + $0] == zero }
        }
        switch digits.count {
        case 6:
            // GB/T 2260: province codes run from 11 to 82; "00" is never assigned.
            guard !isZero(0..<2) else { return nil }
            if isZero(2..<4) {
                // GB/T 2260: a county always belongs to a prefecture-level unit (or its
                // 直辖 placeholder such as 4290), so "PP00DD" is not a code.
                return isZero(4..<6) ? .province : nil
            }
            return isZero(4..<6) ? .city : .district
        case 9, 12:
            // NBS: each 3-digit tier below the county is numbered from 001.
            guard !isZero((digits.count - 3)..<digits.count) else { return nil }
            guard let parentLevel = level(of: digits.dropLast(3)) else { return nil }
            if digits.count == 12 { return parentLevel == .subdistrict ? .community : nil }
            // NBS: towns sit under a county, or directly under a prefecture-level city that has
            // no districts (东莞 441900, 中山 442000, 儋州 460400, 嘉峪关 620200); never under a province.
            return parentLevel == .province ? nil : .subdistrict
        default:
            return nil
        }
    }

    private static func invalid(_ message: String, _ english: String) -> DomainError {
        DomainError(code: "invalid_division_code", message: message, english: english)
    }

    /// The enclosing division, or nil for a province.
    public var parent: DivisionCode? {
        let parentRaw: String
        switch level {
        case .province: return nil
        case .city: parentRaw = String(rawValue.prefix(2)) + "0000"
        case .district: parentRaw = String(rawValue.prefix(4)) + "00"
        case .subdistrict: parentRaw = String(rawValue.prefix(6))
        case .community: parentRaw = String(rawValue.prefix(9))
        }
        return DivisionCode(rawValue: parentRaw)
    }

    /// True when `self` is `other` or one of its ancestors.
    public func contains(_ other: DivisionCode) -> Bool {
        var current: DivisionCode? = other
        while let code = current {
            if code == self { return true }
            current = code.parent
        }
        return false
    }

    /// The leading digits every code under the division shares: 3702 for Qingdao (370200), 370202
    /// for 市南区; a subdistrict's or community's whole code. `LIKE prefix%` finds what lies inside.
    public var sharedPrefix: String {
        switch level {
        case .province: String(rawValue.prefix(2))
        case .city: String(rawValue.prefix(4))
        default: rawValue
        }
    }

    /// The six-digit GB/T 2260 county-level prefix, for districts and everything below them.
    public var districtCode: DivisionCode? {
        guard level >= .district else { return nil }
        return DivisionCode(rawValue: String(rawValue.prefix(6)))
    }

    /// Checks that `child` sits directly under `parent`, e.g. before creating a subdistrict
    /// under a chosen district.
    ///
    /// "Directly under" means `child.parent == parent`: the child starts with the parent's
    /// significant digits (6 for a district, 9 for a subdistrict) and is one tier below it —
    /// except that towns of a city without districts (东莞) hang straight off the city code.
    public static func requireChild(_ child: DivisionCode, of parent: DivisionCode) throws(DomainError) {
        guard child.parent == parent else {
            throw DomainError(
                code: "division_code_mismatch",
                message: "区划代码 \(child.rawValue) 不属于上级区划 \(parent.rawValue)",
                english: "Division \(child.rawValue) is not directly under \(parent.rawValue)"
            )
        }
    }

    public var description: String {
        rawValue
    }

    // Ordering by the digits puts every division right after its parent.
    public static func < (lhs: DivisionCode, rhs: DivisionCode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public static func == (lhs: DivisionCode, rhs: DivisionCode) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
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
