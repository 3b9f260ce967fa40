/// Plain proleptic Gregorian day arithmetic for birth dates and contract dates.
///
/// Pure integer maths (H. Hinnant's days-from-civil algorithms) rather than Foundation's Calendar:
/// it is much faster per call, needs no time zone, and cannot vary with the host's settings.
enum DemoCalendar {
    struct Day: Equatable {
        let year: Int
        let month: Int
        let day: Int

        /// "YYYY-MM-DD".
        var text: String {
            let month = self.month < 10 ? "0\(self.month)" : "\(self.month)"
            let day = self.day < 10 ? "0\(self.day)" : "\(self.day)"
            return "\(year)-\(month)-\(day)"
        }
    }

    /// Days since 1970-01-01.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func day(ordinal: Int) -> Day {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return Day(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The day before the first of the given month: the last day of a term that ends there.
    static func dayBefore(year: Int, month: Int) -> Day {
        day(ordinal: ordinal(year: year, month: month, day: 1) - 1)
    }
}
