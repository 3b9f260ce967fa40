import Foundation

/// An amount of money in fen (分, 0.01 yuan).
///
/// Stored as an integer so that sums of fees and payments are exact; floating point cannot
/// represent 0.1 yuan and would drift over a year of monthly charges.
public struct Fen: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    public var rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(_ fen: Int64) {
        self.rawValue = fen
    }

    public init(integerLiteral value: Int64) {
        self.rawValue = value
    }

    public static let zero = Fen(0)

    /// Reads an amount typed in yuan: "12", "12.3", "12.34".
    ///
    /// Negative amounts are refused here: refunds and adjustments are recorded as their own
    /// kind of entry, never as a typed minus sign.
    public static func parse(yuan text: String) throws(DomainError) -> Fen {
        switch TwoDecimalPlaces.parse(text) {
        case .success(let fen):
            return Fen(fen)
        case .failure(.empty):
            throw invalid("金额不能为空", "Amount is required")
        case .failure(.negative):
            throw invalid("金额不能为负数", "Amount must not be negative")
        case .failure(.malformed):
            throw invalid("金额格式无效，应为数字，例如 12.34", "Amount must be a number such as 12.34")
        case .failure(.tooManyDecimals):
            throw invalid("金额最多两位小数", "Amount has at most 2 decimal places")
        case .failure(.overflow):
            throw invalid("金额过大", "Amount is too large")
        }
    }

    private static func invalid(_ message: String, _ english: String) -> DomainError {
        DomainError(code: "invalid_amount", message: message, english: english)
    }

    /// Yuan with exactly two decimals, e.g. "1234.50", "-0.05".
    public var description: String {
        TwoDecimalPlaces.format(rawValue)
    }

    public static func < (lhs: Fen, rhs: Fen) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public static func + (lhs: Fen, rhs: Fen) -> Fen {
        Fen(lhs.rawValue + rhs.rawValue)
    }

    public static func - (lhs: Fen, rhs: Fen) -> Fen {
        Fen(lhs.rawValue - rhs.rawValue)
    }

    public static func += (lhs: inout Fen, rhs: Fen) {
        lhs = lhs + rhs
    }

    public static func -= (lhs: inout Fen, rhs: Fen) {
        lhs = lhs - rhs
    }

    // Encoded as a bare integer so stored JSON and database columns hold fen, not an object.
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
