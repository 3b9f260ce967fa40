import Foundation
import WuyeCore

/// Working time in China: working days (Monday to Friday, less public holidays, plus the weekend days
/// the State Council's annual notice makes working days — 调休) and office hours within them. Case
/// deadlines are counted in it (reference §6.2). The holidays are data: each year's notice is loaded
/// as it is published; nothing is guessed.
public struct WorkingCalendar: Sendable, Equatable {
    /// Office hours as minutes after midnight, China time: 08:30–12:00 and 13:30–17:30 by default.
    public var periods: [ClosedRange<Int>]
    public var holidays: Set<CivilDate>
    public var extraWorkingDays: Set<CivilDate>

    public init(periods: [ClosedRange<Int>] = [510...720, 810...1050], holidays: Set<CivilDate> = [],
                extraWorkingDays: Set<CivilDate> = []) {
        self.periods = periods
        self.holidays = holidays
        self.extraWorkingDays = extraWorkingDays
    }

    /// Working minutes in one working day (450 by default).
    public var minutesPerDay: Int { periods.reduce(0) { $0 + $1.upperBound - $1.lowerBound } }

    public func isWorkingDay(_ day: CivilDate) -> Bool {
        if extraWorkingDays.contains(day) { return true }
        if holidays.contains(day) { return false }
        // 1970-01-01 was a Thursday: (days + 3) % 7 is 0 on Mondays.
        let weekday = ((day.daysSince1970 + 3) % 7 + 7) % 7
        return weekday < 5
    }

    /// The instant `minutes` of working time after `start`.
    public func adding(workingMinutes minutes: Int, to start: Date) -> Date {
        let offset = 8 * 3600.0  // China Standard Time, no daylight saving since 1991
        let local = start.timeIntervalSince1970 + offset
        var day = Int((local / 86_400).rounded(.down))
        var minute = Int(((local - Double(day) * 86_400) / 60).rounded(.down))
        var left = minutes
        while true {
            if isWorkingDay(CivilDate(daysSince1970: day)) {
                for period in periods where minute < period.upperBound {
                    let from = max(minute, period.lowerBound)
                    let available = period.upperBound - from
                    if left <= available {
                        let localSeconds = Double(day) * 86_400 + Double(from + left) * 60
                        return Date(timeIntervalSince1970: localSeconds - offset)
                    }
                    left -= available
                    minute = period.upperBound
                }
            }
            day += 1
            minute = 0
        }
    }
}
