import Access
import Storage
import WuyeCore

/// An administrator gives someone a role: a new account, or one more role for an existing account
/// (a steward who also becomes a grid worker). The policy decides whether the administrator may
/// grant that role there; the scope named must exist.
struct RoleGrant: Sendable {
    var mobile: String
    var name: String
    var password: String
    var kind: String
    var compoundID: Int64?
    var companyID: Int64?
    var gridID: Int64?
    var divisionCode: String?
    var department: String?

    struct Outcome: Sendable, Encodable {
        let accountID: Int64
        let created: Bool
    }

    func perform(by principal: Principal, actor: AuditActor, accounts: AccountStore, places: RegistryPlaces) async throws -> Outcome {
        guard let kind = RoleKind(rawValue: kind) else {
            throw DomainError(code: "invalid_role", message: "请选择角色", english: "choose a role", field: "kind")
        }
        let (role, division) = try await role(of: kind, places: places)
        switch AccessPolicy.decideGrant(role, targetDivision: division, roles: principal.roles) {
        case .allowed: break
        case .forbidden: throw AccessRefused(status: .forbidden)
        case .notFound:
            throw DomainError(code: "outside_scope", message: "您不能在这个范围内开通\(kind.chineseName)账号",
                              english: "you may not grant this role there", field: "kind")
        }
        if let existing = try await accounts.account(mobile: mobile.trimmedWhitespace) {
            try await accounts.grant(role, to: existing.id, by: actor)
            return Outcome(accountID: existing.id, created: false)
        }
        let id = try await accounts.create(NewAccount(mobile: mobile, name: name, password: password, roles: [role]), by: actor)
        return Outcome(accountID: id, created: true)
    }

    private func role(of kind: RoleKind, places: RegistryPlaces) async throws -> (Role, DivisionCode?) {
        switch kind.scopeKind {
        case .compound:
            guard kind != .owner else {
                throw DomainError(code: "owners_claim", message: "业主账号由业主本人认领房屋开通", english: "owners claim their own homes",
                                  field: "kind")
            }
            guard let id = compoundID, let place = try await places.place(ofCompound: id) else { throw missing("compound_id", "小区") }
            return (try Role.committee(kind, compound: id), place.division)
        case .company:
            guard let id = companyID, try await places.companyExists(id) else { throw missing("company_id", "物业企业") }
            return (try Role.company(kind, company: id), nil)
        case .grid:
            guard let id = gridID, let community = try await places.community(ofGrid: id) else { throw missing("grid_id", "网格") }
            return (try Role.gridWorker(grid: id, community: community), community)
        case .division, .department:
            guard let code = divisionCode.flatMap(DivisionCode.init(rawValue:)),
                  try await places.place(ofDivision: code) != nil else { throw missing("division_code", "行政区划") }
            if kind == .administrationStaff { return (try Role.administration(code), code) }
            guard let department = department.flatMap(Department.init(rawValue:)) else { throw missing("department", "部门") }
            return (try Role.department(department, division: code), code)
        case .platform:
            return (Role.platformAdministrator, nil)
        }
    }

    /// Where a held role's scope lies, for deciding who may revoke it: the same rule as granting.
    static func targetDivision(of role: Role, places: RegistryPlaces) async throws -> DivisionCode? {
        switch role.kind.scopeKind {
        case .compound: try await role.compoundID.asyncFlatMap(places.place(ofCompound:))?.division
        case .grid, .division, .department: role.division
        case .company, .platform: nil
        }
    }

    /// Revokes a role if the principal could have granted it; otherwise 404 (or 403 for accounts
    /// that manage no one).
    static func revoke(roleID: Int64, ofAccount accountID: Int64, by principal: Principal, actor: AuditActor,
                       accounts: AccountStore, places: RegistryPlaces) async throws {
        guard principal.mayEver(.manageAccounts) else { throw AccessRefused(status: .forbidden) }
        guard let role = try await accounts.role(roleID, ofAccount: accountID) else { throw AccessRefused(status: .notFound) }
        let division = try await targetDivision(of: role, places: places)
        guard AccessPolicy.decideGrant(role, targetDivision: division, roles: principal.roles) == .allowed else {
            throw AccessRefused(status: .notFound)
        }
        try await accounts.revoke(roleID: roleID, ofAccount: accountID, by: actor)
    }

    private func missing(_ field: String, _ what: String) -> DomainError {
        DomainError(code: "invalid_scope", message: "请填写存在的\(what)", english: "\(field) names nothing that exists", field: field)
    }
}
