import WuyeCore

/// Who creates whose account: always someone of a higher level (issue 3, onboarding). Owners are
/// never created by others: they claim their homes themselves.
extension AccessPolicy {
    /// May an account holding `roles` grant `target`? `targetDivision` is where the target's scope
    /// lies: a compound's or grid's community, the division of an administration role; nil for
    /// company roles, which are not tied to one place.
    public static func decideGrant(_ target: Role, targetDivision: DivisionCode?, roles: [Role]) -> AccessDecision {
        if roles.contains(where: { mayGrant($0, target, targetDivision) }) { return .allowed }
        return roles.contains(where: { mayEver($0, .manageAccounts) }) ? .notFound : .forbidden
    }

    /// The kinds of role a role may grant somewhere.
    public static func grantableKinds(by role: Role) -> [RoleKind] {
        switch role.kind {
        case .platformAdministrator:
            return RoleKind.allCases.filter { $0 != .owner }
        case .administrationStaff:
            guard let level = role.division?.level else { return [] }
            var kinds: [RoleKind] = [.committeeChair, .committeeViceChair, .committeeMember, .gridWorker]
            if level < .community { kinds += [.administrationStaff, .departmentStaff] }
            // Companies register with the city or district housing authority.
            if level <= .district { kinds.append(.companyAdministrator) }
            return kinds
        case .departmentStaff:
            return role.division?.level == .community ? [] : [.departmentStaff]
        case .companyAdministrator:
            return [.companyManager, .steward]
        default:
            return []
        }
    }

    static func mayGrant(_ granter: Role, _ target: Role, _ targetDivision: DivisionCode?) -> Bool {
        guard grantableKinds(by: granter).contains(target.kind) else { return false }
        switch granter.kind {
        case .platformAdministrator:
            return true
        case .administrationStaff:
            guard let own = granter.division else { return false }
            if target.kind == .companyAdministrator { return true }
            guard let division = targetDivision, own.contains(division) else { return false }
            // Administration roles only strictly below one's own level.
            if target.kind == .administrationStaff || target.kind == .departmentStaff { return division != own }
            return true
        case .departmentStaff:
            guard let own = granter.division, let division = targetDivision else { return false }
            return target.department == granter.department && own.contains(division) && division != own
        case .companyAdministrator:
            return target.companyID != nil && target.companyID == granter.companyID
        default:
            return false
        }
    }
}
