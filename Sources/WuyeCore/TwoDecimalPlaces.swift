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

    /// One pass over the UTF-8 bytes: an import reads 2.8M areas, and splitting and padding
    /// substrings took longer than checking the rest of the row.
    private static func parseUnsigned(_ text: Substring) -> Result<Int64, Failure> {
        var value: Int64 = 0
        var wholeDigits = 0
        var fractionDigits = 0
        var sawPoint = false
        var overflow = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return .failure(.malformed) }
            if sawPoint { fractionDigits += 1 } else { wholeDigits += 1 }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            overflow = overflow || overflow1 || overflow2
            value = next
        }
        // Both "12." and ".5" are rejected: the forms people type on a receipt always have a
        // whole part and never a dangling point.
        if wholeDigits == 0 { return .failure(text.isEmpty ? .empty : .malformed) }
        if sawPoint, fractionDigits == 0 { return .failure(.malformed) }
        if fractionDigits > 2 { return .failure(.tooManyDecimals) }
        for _ in fractionDigits..<2 {
            let (times10, overflowed) = value.multipliedReportingOverflow(by: 10)
            overflow = overflow || overflowed
            value = times10
        }
        return overflow ? .failure(.overflow) : .success(value)
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
