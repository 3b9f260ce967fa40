import Cases
import Foundation
import Testing
import WuyeCore

struct WorkingCalendarTests {
    /// A China-time instant.
    func at(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        let days = CivilDate(year: year, month: month, day: day)!.daysSince1970
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 - 8 * 3600))
    }

    let calendar = WorkingCalendar()

    @Test func anHourFromMidMorningStaysInTheMorning() {
        // Monday 2026-11-23 10:00 + 60 working minutes = 11:00.
        #expect(calendar.adding(workingMinutes: 60, to: at(2026, 11, 23, 10, 0)) == at(2026, 11, 23, 11, 0))
    }

    @Test func lunchIsSkipped() {
        // 11:30 + 60 min: 30 before noon, 30 after 13:30 = 14:00.
        #expect(calendar.adding(workingMinutes: 60, to: at(2026, 11, 23, 11, 30)) == at(2026, 11, 23, 14, 0))
    }

    @Test func fridayEveningRunsIntoMonday() {
        // Friday 2026-11-27 17:00 + 60 min: 30 on Friday, 30 from Monday 08:30 = 09:00.
        #expect(calendar.adding(workingMinutes: 60, to: at(2026, 11, 27, 17, 0)) == at(2026, 11, 30, 9, 0))
    }

    @Test func holidaysAreSkippedAndMakeUpDaysWorked() {
        let holiday = CivilDate(year: 2026, month: 11, day: 30)!
        let makeUp = CivilDate(year: 2026, month: 11, day: 29)!  // a Sunday declared a working day
        var calendar = WorkingCalendar(holidays: [holiday])
        #expect(calendar.adding(workingMinutes: 60, to: at(2026, 11, 27, 17, 0)) == at(2026, 12, 1, 9, 0))
        calendar.extraWorkingDays = [makeUp]
        #expect(calendar.adding(workingMinutes: 60, to: at(2026, 11, 27, 17, 0)) == at(2026, 11, 29, 9, 0))
    }

    @Test func fiveWorkingDaysFromAMondayMorningEndFridayEvening() {
        let due = CaseDeadlines().handlingDue(kind: .complaint, urgent: false, from: at(2026, 11, 23, 8, 30), calendar: calendar)
        #expect(due == at(2026, 11, 27, 17, 30))
        #expect(calendar.minutesPerDay == 450)
    }
}

struct EscalationTests {
    let calendar = WorkingCalendar()
    let deadlines = CaseDeadlines()
    let start = Date(timeIntervalSince1970: 1_795_393_800)  // Monday 2026-11-23, 08:30 in China

    @Test func anOverdueCaseClimbsOneLevelWithNewDeadlinesAndOnlyOnce() throws {
        let open = OpenCase(id: 1, kind: .repair, urgent: false, level: .company, state: .handling, due: start)
        #expect(Escalation.step(for: open, now: start.addingTimeInterval(-1), deadlines: deadlines, calendar: calendar) == nil)
        let step = try #require(Escalation.step(for: open, now: start, deadlines: deadlines, calendar: calendar))
        #expect(step.to == .grid)
        #expect(step.reason == .overdue)
        #expect(step.acknowledgeBy == calendar.adding(workingMinutes: 60, to: start))
        // Stored: the case is now at the grid with the new deadlines, so the same sweep finds nothing.
        let climbed = OpenCase(id: 1, kind: .repair, urgent: false, level: step.to, state: .handling, due: step.due,
                               acknowledgeBy: step.acknowledgeBy, acknowledged: false)
        #expect(Escalation.step(for: climbed, now: start, deadlines: deadlines, calendar: calendar) == nil)
    }

    @Test func aLevelThatDoesNotAcknowledgeInTimeIsPassedOver() throws {
        let open = OpenCase(id: 2, kind: .dispute, urgent: false, level: .subdistrict, state: .dispatched,
                            due: start.addingTimeInterval(86_400 * 3), acknowledgeBy: start, acknowledged: false)
        let step = try #require(Escalation.step(for: open, now: start.addingTimeInterval(60), deadlines: deadlines, calendar: calendar))
        #expect(step.to == .department)
        #expect(step.reason == .notAcknowledged)
    }

    @Test func theTopLevelFinishedAndSuspendedCasesDoNotClimb() {
        let top = OpenCase(id: 3, kind: .hazard, urgent: true, level: .department, state: .handling, due: start)
        #expect(Escalation.step(for: top, now: start, deadlines: deadlines, calendar: calendar) == nil)
        let suspended = OpenCase(id: 4, kind: .repair, urgent: false, level: .grid, state: .suspended, due: start)
        #expect(Escalation.step(for: suspended, now: start, deadlines: deadlines, calendar: calendar) == nil)
        let closed = OpenCase(id: 5, kind: .repair, urgent: false, level: .grid, state: .closed, due: start)
        #expect(Escalation.step(for: closed, now: start, deadlines: deadlines, calendar: calendar) == nil)
    }

    @Test func propertyMattersStartWithTheCompanyAndTheRestWithTheGrid() {
        #expect(CaseKind.repair.isPropertyMatter)
        #expect(!CaseKind.dispute.isPropertyMatter)
        #expect(CaseLevel.company.above == .grid && CaseLevel.subdistrict.above == .department)
    }
}

struct CaseRatingTests {
    @Test func twoStarsOrFewerSendTheCaseBack() throws {
        #expect(try CaseRating(stars: 2, comment: "没修好").isDissatisfied)
        #expect(!(try CaseRating(stars: 3, comment: "")).isDissatisfied)
        #expect(throws: DomainError.self) { try CaseRating(stars: 6, comment: "") }
    }

    @Test func theOnTimeRateCountsOpenOverdueCasesAgainstIt() {
        // 195 of 230: 84.8 %, as in the Lixia reports' style.
        #expect(OnTimeRate.permille(closedOnTime: 195, closed: 220, openOverdue: 10) == 848)
        #expect(OnTimeRate.permille(closedOnTime: 1, closed: 2, openOverdue: 1) == 333)
        #expect(OnTimeRate.permille(closedOnTime: 0, closed: 0, openOverdue: 0) == nil)
    }
}
