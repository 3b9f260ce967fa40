import WuyeCore

/// A use of the maintenance fund, after the fund is handed to the owners' assembly (165号令 Art. 23):
/// a plan → the affected owners vote (Civil Code Art. 278 para 1 item 5, counted by the assembly's
/// tally) → the committee approves and files it with the housing authority → the fund pays, shared
/// by area → the works are accepted → the use is published with every home's share (Art. 29).
/// An emergency (Art. 24; 建办房函〔2015〕52号) skips the vote and must still be published.
public enum MaintenanceUseStage: String, CaseIterable, Codable, Sendable {
    case proposed, voting, passed, rejected, approved, disbursed, accepted, published

    public var chineseName: String {
        switch self {
        case .proposed: "已提出方案"
        case .voting: "业主表决中"
        case .passed: "业主表决通过"
        case .rejected: "表决未通过"
        case .approved: "业委会已审核并报备"
        case .disbursed: "已划转支付"
        case .accepted: "已竣工验收"
        case .published: "已公示"
        }
    }

    /// The stages a use may move to from this one; an emergency goes from its plan straight to approval.
    public func next(emergency: Bool) -> Set<MaintenanceUseStage> {
        switch self {
        case .proposed: emergency ? [.approved] : [.voting]
        case .voting: [.passed, .rejected]
        case .passed: [.approved]
        case .rejected, .published: []
        case .approved: [.disbursed]
        case .disbursed: [.accepted]
        case .accepted: [.published]
        }
    }

    /// Stages from which `stage` can be reached.
    public static func before(_ stage: MaintenanceUseStage, emergency: Bool) -> [MaintenanceUseStage] {
        allCases.filter { $0.next(emergency: emergency).contains(stage) }
    }

    public var isOpen: Bool { self != .rejected && self != .published }
}

/// The six emergencies that may use the fund without the owners' vote (165号令 Art. 24;
/// 住房城乡建设部办公厅 建办房函〔2015〕52号).
public enum MaintenanceEmergency: String, CaseIterable, Codable, Sendable {
    case roofLeak = "roof_leak"
    case liftDanger = "lift_danger"
    case pumpFailure = "pump_failure"
    case facadeFalling = "facade_falling"
    case drainBurst = "drain_burst"
    case fireSystem = "fire_system"

    public var chineseName: String {
        switch self {
        case .roofLeak: "屋面防水损坏造成渗漏"
        case .liftDanger: "电梯故障危及人身安全"
        case .pumpFailure: "高层住宅水泵损坏导致供水中断"
        case .facadeFalling: "楼体单侧外立面有脱落危险"
        case .drainBurst: "专用排水设施因坍塌、堵塞、爆裂等造成功能障碍，危及人身财产安全"
        case .fireSystem: "消防系统出现功能障碍，消防管理部门要求对消防设施设备维修、更新、改造"
        }
    }

    public static let citation = "《住宅专项维修资金管理办法》第二十四条；建办房函〔2015〕52号"
}

/// Which homes a use benefits and shares the cost: a unit, a building or the whole compound.
public enum MaintenanceScope: Equatable, Sendable {
    case compound
    case building(Int64)
    case unit(Int64)

    public var kind: String {
        switch self {
        case .compound: "compound"
        case .building: "building"
        case .unit: "unit"
        }
    }

    public var id: Int64? {
        switch self {
        case .compound: nil
        case .building(let id), .unit(let id): id
        }
    }

    /// "building-12", "unit-40", "compound" as a form sends it.
    public init(form text: String) throws(DomainError) {
        let parts = text.split(separator: "-")
        switch (parts.first, parts.count == 2 ? Int64(parts[1]) : nil) {
        case ("compound", _) where parts.count == 1: self = .compound
        case ("building", let id?): self = .building(id)
        case ("unit", let id?): self = .unit(id)
        default:
            throw DomainError(code: "scope_required", message: "请选择受益范围（单元、楼栋或全小区）", english: "choose the homes that benefit", field: "scope")
        }
    }

    public init?(kind: String, id: Int64?) {
        switch (kind, id) {
        case ("compound", _): self = .compound
        case ("building", let id?): self = .building(id)
        case ("unit", let id?): self = .unit(id)
        default: return nil
        }
    }
}

/// The plan a proposal states (165号令 Art. 23 (1)): the project, its budget, the homes that
/// benefit, and for an emergency which of the six it is. The fund cannot pay for what Art. 25
/// excludes, so the proposer confirms the works are none of those.
public struct MaintenancePlan: Sendable, Equatable {
    public let title: String
    public let budget: Fen
    public let contractor: String
    public let scope: MaintenanceScope
    public let emergency: MaintenanceEmergency?

    public init(title raw: String, budget text: String, contractor raw2: String, scope: MaintenanceScope,
                emergency: MaintenanceEmergency?, notExcluded: Bool) throws(DomainError) {
        title = raw.trimmedWhitespace
        guard (2...100).contains(title.count) else {
            throw DomainError(code: "title_required", message: "请填写维修项目名称（2–100 字）", english: "a project title of 2 to 100 characters", field: "title")
        }
        do { budget = try Fen.parse(yuan: text) } catch { throw error.on(field: "budget") }
        guard budget > .zero else {
            throw DomainError(code: "invalid_amount", message: "预算须大于 0", english: "the budget is more than 0", field: "budget")
        }
        contractor = raw2.trimmedWhitespace
        guard (2...100).contains(contractor.count) else {
            throw DomainError(code: "contractor_required", message: "请填写施工单位", english: "name the contractor", field: "contractor")
        }
        guard notExcluded else {
            throw DomainError(code: "excluded_use", message: Self.exclusions, english: "confirm the works are not excluded by Art. 25", field: "not_excluded")
        }
        self.scope = scope
        self.emergency = emergency
    }

    public static let exclusions = "请确认本项目不属于不得从维修资金中列支的情形：保修期内应由建设单位或施工单位承担的维修；供水、供电、供气、供热、通讯、有线电视等单位负责的管线和设施设备；人为损坏；物业服务合同约定由物业服务企业承担的养护（《住宅专项维修资金管理办法》第二十五条）"
}
