import Foundation

/// A floor area in hundredths of a square metre (0.01 m²).
///
/// Property certificates (不动产权证书) state building area to two decimals, and fees are
/// charged per square metre, so the area is kept as an exact integer rather than a Double.
public struct CentiSquareMetres: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    CustomStringConvertible, ExpressibleByIntegerLiteral
{
    public var rawValue: Int64

    /// The largest area accepted from input, 10000 m²: no single unit in a residential
    /// compound is larger, so a bigger number is a typing mistake.
    public static let maximum = CentiSquareMetres(1_000_000)

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(_ centiSquareMetres: Int64) {
        self.rawValue = centiSquareMetres
    }

    public init(integerLiteral value: Int64) {
        self.rawValue = value
    }

    public static let zero = CentiSquareMetres(0)

    /// Reads an area typed in square metres: "89", "89.4", "89.37".
    public static func parse(squareMetres text: String) throws(DomainError) -> CentiSquareMetres {
        switch TwoDecimalPlaces.parse(text) {
        case .success(let value) where value <= 0:
            throw invalid("面积必须大于 0", "Area must be greater than 0")
        case .success(let value) where value > maximum.rawValue:
            throw tooLarge
        case .success(let value):
            return CentiSquareMetres(value)
        case .failure(.empty):
            throw invalid("面积不能为空", "Area is required")
        case .failure(.negative):
            throw invalid("面积必须大于 0", "Area must be greater than 0")
        case .failure(.malformed):
            throw invalid("面积格式无效，应为数字，例如 89.37", "Area must be a number such as 89.37")
        case .failure(.tooManyDecimals):
            throw invalid("面积最多两位小数", "Area has at most 2 decimal places")
        case .failure(.overflow):
            throw tooLarge
        }
    }

    private static var tooLarge: DomainError {
        invalid("面积不能超过 10000 平方米", "Area must not exceed 10000 square metres")
    }

    private static func invalid(_ message: String, _ english: String) -> DomainError {
        DomainError(code: "invalid_area", message: message, english: english)
    }

    /// Square metres with exactly two decimals, e.g. "89.37".
    public var description: String {
        TwoDecimalPlaces.format(rawValue)
    }

    public static func < (lhs: CentiSquareMetres, rhs: CentiSquareMetres) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public static func + (lhs: CentiSquareMetres, rhs: CentiSquareMetres) -> CentiSquareMetres {
        CentiSquareMetres(lhs.rawValue + rhs.rawValue)
    }

    public static func += (lhs: inout CentiSquareMetres, rhs: CentiSquareMetres) {
        lhs = lhs + rhs
    }

    // Encoded as a bare integer, like Fen, so columns and JSON hold hundredths directly.
    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
