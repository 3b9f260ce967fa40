import WuyeCore

/// Day arithmetic for the demo's birth dates and contract dates, on WuyeCore's CivilDate.
enum DemoCalendar {
    /// Days since 1970-01-01.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        guard let date = CivilDate(year: year, month: month, day: day) else {
            preconditionFailure("demo dates are real days: \(year)-\(month)-\(day)")
        }
        return date.daysSince1970
    }

    static func day(ordinal: Int) -> CivilDate { CivilDate(daysSince1970: ordinal) }

    static func monthStart(year: Int, month: Int) -> CivilDate {
        day(ordinal: ordinal(year: year, month: month, day: 1))
    }

    /// The day before the first of the given month: the last day of a term that ends there.
    static func dayBefore(year: Int, month: Int) -> CivilDate {
        day(ordinal: ordinal(year: year, month: month, day: 1) - 1)
    }
}
