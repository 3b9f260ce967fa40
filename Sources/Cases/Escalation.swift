import Foundation

/// An open case as the escalation sweep sees it.
public struct OpenCase: Sendable, Equatable {
    public let id: Int64
    public let kind: CaseKind
    public let urgent: Bool
    public let level: CaseLevel
    public let state: CaseState
    /// When the current level must have finished.
    public let due: Date
    /// When an escalated case must be acknowledged by its new level, and whether it was.
    public let acknowledgeBy: Date?
    public let acknowledged: Bool

    public init(id: Int64, kind: CaseKind, urgent: Bool, level: CaseLevel, state: CaseState, due: Date,
                acknowledgeBy: Date? = nil, acknowledged: Bool = true) {
        self.id = id
        self.kind = kind
        self.urgent = urgent
        self.level = level
        self.state = state
        self.due = due
        self.acknowledgeBy = acknowledgeBy
        self.acknowledged = acknowledged
    }
}

/// What the sweep does with one case.
public struct EscalationStep: Sendable, Equatable {
    public let caseID: Int64
    public let from: CaseLevel
    public let to: CaseLevel
    public let acknowledgeBy: Date
    public let due: Date
    public let reason: Reason

    public enum Reason: String, Sendable {
        /// The level did not finish by its deadline.
        case overdue
        /// The level it climbed to did not acknowledge (报到) in time.
        case notAcknowledged = "not_acknowledged"
    }
}

/// 网格吹哨、部门报到: a case not finished by its deadline climbs one level; the level that receives
/// it must acknowledge within its own deadline or it climbs again. The top level (the district
/// department) has nowhere to go: it stays overdue and counts against the on-time rate.
public enum Escalation {
    /// Whether and where `open` climbs at `now`. Pure and idempotent: after the step is stored the
    /// case has a new level and deadlines, so running the sweep twice never climbs twice.
    public static func step(for open: OpenCase, now: Date, deadlines: CaseDeadlines, calendar: WorkingCalendar) -> EscalationStep? {
        guard !open.state.isFinished, open.state != .suspended, let next = open.level.above else { return nil }
        let reason: EscalationStep.Reason
        if !open.acknowledged, let by = open.acknowledgeBy, now >= by {
            reason = .notAcknowledged
        } else if now >= open.due {
            reason = .overdue
        } else {
            return nil
        }
        return EscalationStep(caseID: open.id, from: open.level, to: next,
                              acknowledgeBy: calendar.adding(workingMinutes: deadlines.acknowledge, to: now),
                              due: deadlines.handlingDue(kind: open.kind, urgent: open.urgent, from: now, calendar: calendar),
                              reason: reason)
    }
}
