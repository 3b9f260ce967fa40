import WuyeCore

/// The roles an account can hold. Each is held inside a scope (see `Role`); one person may hold
/// several, e.g. a steward who is also a part-time grid worker (Qingdao: 3,500 company staff are).
public enum RoleKind: String, CaseIterable, Codable, Sendable {
    case owner
    case committeeChair = "committee_chair"
    case committeeViceChair = "committee_vice_chair"
    case committeeMember = "committee_member"
    case companyAdministrator = "company_administrator"
    case companyManager = "company_manager"
    case steward
    case gridWorker = "grid_worker"
    case administrationStaff = "administration_staff"
    case departmentStaff = "department_staff"
    case platformAdministrator = "platform_administrator"

    public var chineseName: String {
        switch self {
        case .owner: "业主"
        case .committeeChair: "业委会主任"
        case .committeeViceChair: "业委会副主任"
        case .committeeMember: "业委会委员"
        case .companyAdministrator: "物业企业管理员"
        case .companyManager: "项目经理"
        case .steward: "物业管家"
        case .gridWorker: "网格员"
        case .administrationStaff: "行政管理人员"
        case .departmentStaff: "部门工作人员"
        case .platformAdministrator: "平台管理员"
        }
    }

    /// The portal an account enters to act in this role.
    public var portal: Portal {
        switch self {
        case .owner: .owner
        case .committeeChair, .committeeViceChair, .committeeMember: .committee
        case .companyAdministrator, .companyManager, .steward: .company
        case .gridWorker, .administrationStaff, .departmentStaff, .platformAdministrator: .administration
        }
    }

    /// What the role's scope is made of: the fields a `Role` of this kind must carry.
    public var scopeKind: ScopeKind {
        switch self {
        case .owner, .committeeChair, .committeeViceChair, .committeeMember: .compound
        case .companyAdministrator, .companyManager, .steward: .company
        case .gridWorker: .grid
        case .administrationStaff: .division
        case .departmentStaff: .department
        case .platformAdministrator: .platform
        }
    }

    public enum ScopeKind: String, Sendable {
        case compound, company, grid, division, department, platform
    }
}

/// The four portals of the platform (shared/domain.md, "Four portals").
public enum Portal: String, CaseIterable, Codable, Sendable {
    case owner, committee, company, administration

    public var chineseName: String {
        switch self {
        case .owner: "业主之家"
        case .committee: "业委会工作台"
        case .company: "物业企业工作台"
        case .administration: "行政管理工作台"
        }
    }
}
