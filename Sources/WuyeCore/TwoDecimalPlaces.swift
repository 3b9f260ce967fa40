import Foundation

/// Parses and renders decimals with at most two places as integer hundredths.
///
/// Money (fen) and area (0.01 m²) are both hundredths of their display unit; parsing them
/// through `Double` would turn "0.29" into 28 fen, so the text is read digit by digit.
enum TwoDecimalPlaces {
    enum Failure: Error, Equatable {
        case empty
        case negative
        case malformed
        case tooManyDecimals
        case overflow
    }

    /// Reads "12", "12.3" or "12.34" (surrounding whitespace ignored) as hundredths.
    static func parse(_ text: String) -> Result<Int64, Failure> {
        let trimmed = text.trimmedWhitespace
        if trimmed.isEmpty { return .failure(.empty) }
        if trimmed.hasPrefix("-") {
            // Report the sign rather than "not a number" when the rest is a well-formed number,
            // because that tells the user exactly what to fix.
            switch parseUnsigned(trimmed.dropFirst()) {
            case .success, .failure(.overflow): return .failure(.negative)
            case .failure(let failure): return .failure(failure == .empty ? .malformed : failure)
            }
        }
        return parseUnsigned(Substring(trimmed))
    }

    private static func parseUnsigned(_ text: Substring) -> Result<Int64, Failure> {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        // Both "12." and ".5" are rejected: the forms people type on a receipt always have a
        // whole part and never a dangling point.
        guard DigitText.isDigits(whole), parts.count == 1 || DigitText.isDigits(fraction) else {
            return .failure(text.isEmpty ? .empty : .malformed)
        }
        guard fraction.count <= 2 else { return .failure(.tooManyDecimals) }
        var value: Int64 = 0
        for character in whole + fraction.padding(toLength: 2, withPad: "0", startingAt: 0) {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.addingReportingOverflow(Int64(DigitText.value(of: character) ?? 0))
            if overflow1 || overflow2 { return .failure(.overflow) }
            value = next
        }
        return .success(value)
    }

    /// Renders hundredths with exactly two decimals: 5 → "0.05", -5 → "-0.05".
    static func format(_ hundredths: Int64) -> String {
        // `magnitude` is UInt64, so even Int64.min renders without trapping.
        let magnitude = hundredths.magnitude
        let cents = magnitude % 100
        let sign = hundredths < 0 ? "-" : ""
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}

/// Numbers written to two decimals ("12", "2.5", "0.25") as integer hundredths — read and printed
/// exactly as money and areas are — for the figures that are neither, like complaints per 100 homes.
public enum Hundredths {
    /// Hundredths, or nil for anything that is not a non-negative number with at most two decimals.
    public static func parse(_ text: String) -> Int64? { try? TwoDecimalPlaces.parse(text).get() }

    /// "12.50"
    public static func text(_ hundredths: Int64) -> String { TwoDecimalPlaces.format(hundredths) }
}
