import WuyeCore

/// The case workflow as an explicit table: from a state, an event, made in a capacity, leads to a
/// state. Nothing else moves a case.
public enum CaseWorkflow {
    public struct Step: Equatable, Sendable {
        public let from: CaseState
        public let event: CaseEvent
        public let by: CaseCapacity
        public let to: CaseState
    }

    public static let steps: [Step] = [
        Step(from: .reported, event: .accept, by: .intake, to: .accepted),
        Step(from: .accepted, event: .register, by: .intake, to: .registered),
        Step(from: .accepted, event: .reject, by: .intake, to: .rejected),
        Step(from: .registered, event: .dispatch, by: .intake, to: .dispatched),
        // 退回: the handler sends a wrongly dispatched case back, to be dispatched again.
        Step(from: .dispatched, event: .sendBack, by: .handler, to: .registered),
        Step(from: .dispatched, event: .startHandling, by: .handler, to: .handling),
        Step(from: .returned, event: .startHandling, by: .handler, to: .handling),
        Step(from: .reopened, event: .startHandling, by: .handler, to: .handling),
        Step(from: .handling, event: .reportBack, by: .handler, to: .feedback),
        Step(from: .feedback, event: .startVerifying, by: .verifier, to: .verifying),
        Step(from: .verifying, event: .close, by: .verifier, to: .closed),
        Step(from: .verifying, event: .returnForRework, by: .verifier, to: .returned),
        // A dissatisfied rating sends it back too (Jinan 12345 Art. 27).
        Step(from: .closed, event: .returnForRework, by: .reporter, to: .returned),
        Step(from: .closed, event: .reopen, by: .reporter, to: .reopened),
    ]

    /// States that may be suspended (an approved extension) and resumed to where they were.
    public static let suspendable: Set<CaseState> = [.registered, .dispatched, .handling, .returned, .reopened]

    /// The state after `event` made by someone in `capacity`; a clear error otherwise.
    public static func next(_ state: CaseState, _ event: CaseEvent, by capacity: CaseCapacity,
                            resumingTo previous: CaseState? = nil) throws(DomainError) -> CaseState {
        switch event {
        case .suspend:
            guard suspendable.contains(state) else { throw notAllowed(state, event) }
            guard capacity == .supervisor else { throw wrongCapacity(event, .supervisor) }
            return .suspended
        case .resume:
            guard state == .suspended, let previous, suspendable.contains(previous) else { throw notAllowed(state, event) }
            guard capacity == .supervisor || capacity == .handler else { throw wrongCapacity(event, .handler) }
            return previous
        default:
            let candidates = steps.filter { $0.from == state && $0.event == event }
            guard !candidates.isEmpty else { throw notAllowed(state, event) }
            guard let step = candidates.first(where: { $0.by == capacity }) else { throw wrongCapacity(event, candidates[0].by) }
            return step.to
        }
    }

    /// The state after `event` made by someone holding `capacities` (one person may be intake,
    /// handler and verifier at once), and the capacity it was made in.
    public static func next(_ state: CaseState, _ event: CaseEvent, capacities: Set<CaseCapacity>,
                            resumingTo previous: CaseState? = nil) throws(DomainError) -> (state: CaseState, capacity: CaseCapacity) {
        for capacity in CaseCapacity.allCases where capacities.contains(capacity) {
            if let to = try? next(state, event, by: capacity, resumingTo: previous) { return (to, capacity) }
        }
        // Nobody's step here: is it someone else's, or nobody's at all in this state?
        let someone = CaseCapacity.allCases.first { (try? next(state, event, by: $0, resumingTo: previous)) != nil }
        if let someone { throw wrongCapacity(event, someone) }
        throw notAllowed(state, event)
    }

    /// The events someone holding `capacities` may make now.
    public static func events(from state: CaseState, capacities: Set<CaseCapacity>) -> [CaseEvent] {
        var seen: [CaseEvent] = []
        for capacity in CaseCapacity.allCases where capacities.contains(capacity) {
            for event in events(from: state, by: capacity) where !seen.contains(event) { seen.append(event) }
        }
        return seen
    }

    /// The events someone in `capacity` may make now: the buttons a page shows.
    public static func events(from state: CaseState, by capacity: CaseCapacity) -> [CaseEvent] {
        var events = steps.filter { $0.from == state && $0.by == capacity }.map(\.event)
        if suspendable.contains(state) && capacity == .supervisor { events.append(.suspend) }
        if state == .suspended && (capacity == .supervisor || capacity == .handler) { events.append(.resume) }
        return events
    }

    static func notAllowed(_ state: CaseState, _ event: CaseEvent) -> DomainError {
        DomainError(code: "transition_not_allowed", message: "案件“\(state.chineseName)”时不能进行此操作",
                    english: "a case that is \(state.rawValue) cannot \(event.rawValue)", field: "event")
    }

    static func wrongCapacity(_ event: CaseEvent, _ capacity: CaseCapacity) -> DomainError {
        DomainError(code: "not_your_step", message: "此操作不由您办理", english: "\(event.rawValue) is for the \(capacity.rawValue)",
                    field: "event")
    }
}
