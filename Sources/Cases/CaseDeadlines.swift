import Foundation

/// Time limits in working minutes, per kind and step (reference §6.2 defaults: accept, register and
/// dispatch within 1 working hour; urgent within 2; ordinary 1–5 working days; re-check within 1
/// hour of feedback; Jinan 12345 Art. 24: a reply within 5 working days). Configurable per district.
public struct CaseDeadlines: Sendable, Equatable {
    public var accept = 60
    public var dispatch = 60
    public var verify = 60
    /// How long a level that receives an escalated case has to acknowledge it (报到).
    public var acknowledge = 60
    public var urgent = 120
    /// Handling time per kind, in working days.
    public var handlingDays: [CaseKind: Int] = [
        .payment: 1, .consultation: 1, .repair: 2, .propertyMatter: 2, .environment: 2, .dispute: 3,
        .complaint: 5, .suggestion: 5, .illegalConstruction: 5, .hazard: 1,
    ]

    public init() {}

    /// When handling must be finished, counted from `start` (dispatch, or an escalation's arrival).
    public func handlingDue(kind: CaseKind, urgent isUrgent: Bool, from start: Date, calendar: WorkingCalendar) -> Date {
        let minutes = isUrgent ? urgent : (handlingDays[kind] ?? 5) * calendar.minutesPerDay
        return calendar.adding(workingMinutes: minutes, to: start)
    }
}
