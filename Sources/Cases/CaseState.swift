/// Where a case stands, following the closed loop of 数字城管 (reference §6.2): reported → accepted →
/// registered or rejected → dispatched → handling → feedback → verifying → closed or returned; plus
/// suspended (an approved extension) and reopened (by the reporter within the reopening window).
public enum CaseState: String, CaseIterable, Codable, Sendable {
    case reported, accepted, registered, rejected, dispatched, handling, feedback, verifying, closed, returned, suspended, reopened

    public var chineseName: String {
        switch self {
        case .reported: "已上报"
        case .accepted: "已受理"
        case .registered: "已立案"
        case .rejected: "不予立案"
        case .dispatched: "已派遣"
        case .handling: "处置中"
        case .feedback: "已反馈"
        case .verifying: "核查中"
        case .closed: "已结案"
        case .returned: "已返工"
        case .suspended: "延期中"
        case .reopened: "已重新打开"
        }
    }

    /// Open311 GeoReport v2 has two statuses: everything but closed and rejected is `open`.
    public var open311Status: String { self == .closed || self == .rejected ? "closed" : "open" }

    public var isFinished: Bool { self == .closed || self == .rejected }
}

/// What moves a case, and in which capacity the actor must act.
public enum CaseEvent: String, CaseIterable, Codable, Sendable {
    case accept, register, reject, dispatch, sendBack = "send_back", startHandling = "start_handling"
    case reportBack = "report_back", startVerifying = "start_verifying", close, returnForRework = "return_for_rework"
    case suspend, resume, reopen

    /// The button's words.
    public var chineseName: String {
        switch self {
        case .accept: "受理"
        case .register: "立案"
        case .reject: "不予立案"
        case .dispatch: "派遣"
        case .sendBack: "退回重新派遣"
        case .startHandling: "开始处置"
        case .reportBack: "反馈处置结果"
        case .startVerifying: "开始核查"
        case .close: "核查通过，结案"
        case .returnForRework: "退回返工"
        case .suspend: "批准延期"
        case .resume: "恢复办理"
        case .reopen: "重新打开"
        }
    }
}

/// The part an actor plays on one case (decided by the access policy from their role and the case's place).
public enum CaseCapacity: String, CaseIterable, Codable, Sendable {
    /// The owner, grid worker or steward who reported it.
    case reporter
    /// The level that received it: the grid worker, the subdistrict or the district office.
    case intake
    /// Whoever it was dispatched to: the steward or company, the grid worker, a department.
    case handler
    /// The level that checks the result (the intake level, as in 数字城管's 核查).
    case verifier
    /// The level above, which approves extensions.
    case supervisor
}
