import Foundation

/// A calendar day (year, month, day) with no time or time zone, validated by Gregorian rules.
///
/// Birth dates in identity numbers are plain digits; checking them arithmetically avoids
/// DateFormatter's leniency (it rolls "0230" over to March 2) and its locale dependence.
public struct CivilDate: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the day exists in the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    static func isLeap(_ year: Int) -> Bool {
        // Gregorian rule: every 4th year, except centuries not divisible by 400 (1900 no, 2000 yes).
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The day `instant` falls on in China Standard Time.
    ///
    /// Identity documents are issued in China, so "born in the future" is judged by Beijing's
    /// calendar, not the server's. CST is UTC+8 with no daylight saving since 1991, so a fixed
    /// offset is exact and does not depend on the host having tzdata installed.
    public static func inChina(_ instant: Date) -> CivilDate {
        CivilDate(daysSince1970: Int(((instant.timeIntervalSince1970 + 8 * 3600) / 86_400).rounded(.down)))
    }

    /// The day a number of days after 1970-01-01, by pure arithmetic (Howard Hinnant's
    /// civil_from_days): no Calendar per call, since an import asks once per row.
    public init(daysSince1970: Int) {
        let shifted = daysSince1970 + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The instant the day begins in Beijing (00:00 +08:00).
    public var startInChina: Date {
        Date(timeIntervalSince1970: Double(daysSince1970 * 86_400 - 8 * 3600))
    }

    /// Days since 1970-01-01 (days_from_civil, the inverse of the initialiser above).
    public var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Parses "YYYY-MM-DD", as dates are stored; nil for anything else or a day that does not exist.
    public init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// "YYYY-MM": the month, as billing periods and statements are keyed.
    public var monthText: String { String(text.prefix(7)) }

    /// A day typed in a form that must not lie in the future (a payment, a filing, a ledger entry).
    public static func typed(_ raw: String, notAfter today: CivilDate, field: String = "day") throws(DomainError) -> CivilDate {
        guard let day = CivilDate(text: raw.trimmedWhitespace), day <= today else {
            throw DomainError(code: "invalid_date", message: "请按 年-月-日 填写日期，且不晚于今天", english: "a date is YYYY-MM-DD, not after today",
                              field: field)
        }
        return day
    }

    /// "YYYY-MM-DD", as dates are stored.
    public var text: String {
        (month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)") + (day < 10 ? "-0\(day)" : "-\(day)")
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// Times as people in China read them: Beijing time, to the minute ("2026-11-23 09:30"), or as a
/// W3C datetime with the zone for machine readers ("2026-11-23T09:30:00+08:00").
public enum BeijingTime {
    public static func text(_ date: Date) -> String {
        let (day, seconds) = parts(date)
        return day.text + " " + twoDigits(seconds / 3600) + ":" + twoDigits(seconds % 3600 / 60)
    }

    public static func w3c(_ date: Date) -> String {
        let (day, seconds) = parts(date)
        return day.text + "T" + twoDigits(seconds / 3600) + ":" + twoDigits(seconds % 3600 / 60) + ":" + twoDigits(seconds % 60) + "+08:00"
    }

    /// The Beijing calendar day and the seconds since its midnight.
    private static func parts(_ date: Date) -> (CivilDate, Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        let day = CivilDate(daysSince1970: Int((Double(seconds) / 86_400).rounded(.down)))
        return (day, ((seconds % 86_400) + 86_400) % 86_400)
    }

    private static func twoDigits(_ value: Int) -> String { (value < 10 ? "0" : "") + String(value) }
}
