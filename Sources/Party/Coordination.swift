import WuyeCore

/// Coordination meetings (Lixia): the district's, subdistrict's and community's joint meetings
/// (联席会议), and the community's "three meetings" — a joint meeting on a matter (联席会), a
/// consultation with residents (恳谈会) and a mediation (调解会) — each with its agenda, who took part,
/// and decisions turned into tasks with an owner and a deadline.
public enum CoordinationKind: String, CaseIterable, Codable, Sendable {
    case joint, consultation, mediation

    public var chineseName: String {
        switch self {
        case .joint: "联席会议"
        case .consultation: "恳谈会"
        case .mediation: "调解会"
        }
    }
}

/// The sides a coordination meeting brings together.
public enum CoordinationParty: String, CaseIterable, Codable, Sendable {
    case departments, company, committee, residents, gridWorkers = "grid_workers", community

    public var chineseName: String {
        switch self {
        case .departments: "职能部门"
        case .company: "物业服务企业"
        case .committee: "业主委员会"
        case .residents: "居民代表"
        case .gridWorkers: "网格员"
        case .community: "社区"
        }
    }
}

public struct CoordinationMeetingDraft: Sendable, Equatable {
    public let kind: CoordinationKind
    public let title: String
    public let agenda: String
    public let heldOn: CivilDate
    public let parties: [CoordinationParty]
    public let minutes: String

    public init(kind: CoordinationKind, title raw: String, agenda rawAgenda: String, heldOn day: String, parties: [CoordinationParty], minutes rawMinutes: String,
                today: CivilDate) throws(DomainError) {
        title = raw.trimmedWhitespace
        guard (2...60).contains(title.count) else {
            throw DomainError(code: "title_required", message: "请填写会议名称（2–60 字）", english: "a title of 2 to 60 characters", field: "title")
        }
        agenda = rawAgenda.trimmedWhitespace
        guard (2...1000).contains(agenda.count) else {
            throw DomainError(code: "agenda_required", message: "请填写议题", english: "the agenda", field: "agenda")
        }
        // A joint meeting brings at least two sides together.
        guard Set(parties).count >= 2 else {
            throw DomainError(code: "parties_required", message: "请选择参会各方（至少两方）", english: "at least two sides take part", field: "parties")
        }
        self.kind = kind
        heldOn = try CivilDate.typed(day, notAfter: today, field: "held_on")
        self.parties = CoordinationParty.allCases.filter(parties.contains)
        minutes = rawMinutes.trimmedWhitespace
    }
}

/// A decision as a task: what, who, by when.
public struct CoordinationTaskDraft: Sendable, Equatable {
    public let description: String
    public let assignee: String
    public let dueOn: CivilDate

    public init(description raw: String, assignee rawAssignee: String, dueOn day: String, today: CivilDate) throws(DomainError) {
        description = raw.trimmedWhitespace
        guard (2...300).contains(description.count) else {
            throw DomainError(code: "task_required", message: "请填写议定事项", english: "what was decided", field: "task")
        }
        assignee = rawAssignee.trimmedWhitespace
        guard (2...60).contains(assignee.count) else {
            throw DomainError(code: "assignee_required", message: "请填写责任单位", english: "who carries it out", field: "assignee")
        }
        guard let due = CivilDate(text: day.trimmedWhitespace), due >= today else {
            throw DomainError(code: "invalid_due", message: "办结期限不能早于今天", english: "the deadline is today or later", field: "due_on")
        }
        dueOn = due
    }
}
