import WuyeCore

/// The one authorization policy: who may do what, inside which scope. Every route asks it; the
/// access matrix test checks every route against it. Pure: the caller supplies the place.
public enum AccessPolicy {
    /// May an account holding `roles` do `action` at `place`?
    public static func decide(_ action: Action, at place: Place, roles: [Role]) -> AccessDecision {
        if roles.contains(where: { permits($0, action, place) }) { return .allowed }
        return roles.contains(where: { mayEver($0, action) }) ? .notFound : .forbidden
    }

    /// Could the role do `action` somewhere? Decides between 404 (outside the scope) and 403.
    public static func mayEver(_ role: Role, _ action: Action) -> Bool {
        switch action {
        case .viewRegistry: true
        case .viewPersonalData: personalDataKinds.contains(role.kind)
        case .manageAccounts: grantableKinds(by: role).isEmpty == false
        case .viewAuditLog: role.kind == .platformAdministrator || (role.kind == .administrationStaff && role.division?.level == .city)
        // The committee convenes (Qingdao Art. 27); the chair or vice-chair acts for it.
        // The subdistrict's or community's office, leading a preparatory group, convenes the first assembly.
        case .conveneMeeting:
            role.kind == .committeeChair || role.kind == .committeeViceChair
                || (role.kind == .administrationStaff && (role.division?.level ?? .city) >= .subdistrict)
        case .castBallot, .answerSurvey: role.kind == .owner
        case .enterPaperBallots: role.kind.portal == .committee
        case .reportCase: caseReporterKinds.contains(role.kind)
        // The fund is held by the district's or city's housing authority (165号令 Art. 10): its housing
        // department, or the district or city office.
        case .keepMaintenanceFund, .manageEvaluations:
            role.kind == .platformAdministrator
                || ((role.kind == .administrationStaff || (role.kind == .departmentStaff && role.department == .housing))
                    && (role.division?.level ?? .community) <= .district)
        case .manageOpen311Keys, .setStaffingNorm, .setCaseRoutes, .setCommitteeRules:
            role.kind == .platformAdministrator || (role.kind == .administrationStaff && (role.division?.level ?? .community) <= .district)
        case .billFees, .reportCommonRevenue, .discloseAsCompany: role.kind == .companyAdministrator || role.kind == .companyManager
        case .proposeMaintenanceUse:
            [.committeeChair, .committeeViceChair, .companyAdministrator, .companyManager].contains(role.kind)
        case .keepCommonFund, .discloseAsCommittee, .approveMaintenanceUse: role.kind == .committeeChair || role.kind == .committeeViceChair
        case .collectFees: role.kind == .companyAdministrator || role.kind == .companyManager || role.kind == .steward
        case .managePartyBuilding: role.kind == .platformAdministrator || role.kind == .administrationStaff
        case .claimServiceProject: role.kind == .companyAdministrator || role.kind == .companyManager
        case .manageCampaigns, .superviseCommittee, .superviseMeetings, .superviseCollection, .superviseCommonFunds, .superviseDisclosures:
            role.kind == .platformAdministrator || role.kind == .administrationStaff
        case .viewDashboard: [.platformAdministrator, .administrationStaff, .departmentStaff].contains(role.kind)
        case .superviseMaintenanceFunds, .inspectCompounds:
            role.kind == .platformAdministrator || role.kind == .administrationStaff || (role.kind == .departmentStaff && role.department == .housing)
        case .keepCommitteeRecords: role.kind == .committeeChair || role.kind == .committeeViceChair
        case .setWorkingCalendar: role.kind == .platformAdministrator || (role.kind == .administrationStaff && role.division?.level == .city)
        case .reportRectification: role.kind == .companyAdministrator || role.kind == .companyManager || role.kind == .steward
        case .manageGridTeams:
            [.platformAdministrator, .administrationStaff, .companyAdministrator, .companyManager].contains(role.kind)
        }
    }

    /// Roles whose work needs owners' real names and numbers: stewards and managers serve owners under
    /// their contract, grid workers and subdistrict/community offices handle residents' matters,
    /// committee chairs keep the owners' register for assemblies (PIPL Art. 13 (2)(3); Qingdao Art. 39(5)).
    static let personalDataKinds: Set<RoleKind> = [
        .owner, .committeeChair, .committeeViceChair, .companyAdministrator, .companyManager, .steward,
        .gridWorker, .administrationStaff,
    ]

    /// Who reports cases: residents, the grid worker on patrol, property staff, and the offices that
    /// take hotline calls (Jinan 12345 regulation Art. 22–23). Departments and committees do not.
    static let caseReporterKinds: Set<RoleKind> = [
        .owner, .gridWorker, .companyAdministrator, .companyManager, .steward, .administrationStaff,
    ]

    static func permits(_ role: Role, _ action: Action, _ place: Place) -> Bool {
        guard mayEver(role, action) else { return false }
        switch action {
        case .viewRegistry: return covers(role, place)
        case .viewPersonalData:
            switch role.kind {
            case .owner: return place.homeID.map(role.homeIDs.contains) ?? false
            case .administrationStaff:
                // Only the offices that meet residents: subdistricts and communities.
                guard let division = role.division, division.level >= .subdistrict else { return false }
                return covers(role, place)
            default: return place.compoundID != nil && covers(role, place)
            }
        case .manageAccounts, .manageOpen311Keys, .setStaffingNorm, .manageCampaigns, .manageGridTeams, .setCaseRoutes,
             .setCommitteeRules, .superviseMeetings, .superviseCollection, .superviseCommonFunds, .superviseDisclosures,
             .keepMaintenanceFund, .superviseMaintenanceFunds, .manageEvaluations, .viewDashboard, .managePartyBuilding:
            return covers(role, place)
        case .inspectCompounds: return place.compoundID != nil && covers(role, place)
        // A project sits in a community: a company claims there when it serves a compound in it (checked by the store).
        case .claimServiceProject: return role.companyID != nil
        // A survey answer is for one of the owner's own homes.
        case .answerSurvey: return place.homeID.map(role.homeIDs.contains) ?? false
        case .billFees, .collectFees, .reportCommonRevenue, .discloseAsCompany, .proposeMaintenanceUse:
            return place.compoundID != nil && covers(role, place)
        case .superviseCommittee: return place.compoundID != nil && covers(role, place)
        case .setWorkingCalendar: return true
        case .reportRectification: return place.compoundID != nil && covers(role, place)
        case .reportCase: return place.compoundID != nil && covers(role, place)
        case .viewAuditLog: return true
        case .conveneMeeting where role.kind == .administrationStaff:
            return place.preparatoryGroup && place.compoundID != nil && covers(role, place)
        case .conveneMeeting, .castBallot, .enterPaperBallots, .keepCommitteeRecords, .keepCommonFund, .discloseAsCommittee, .approveMaintenanceUse:
            // Only inside the role's own compound; an owner votes for the compound, not one home.
            return place.compoundID != nil && place.compoundID == role.compoundID
        }
    }

    /// Is the place inside the role's scope?
    static func covers(_ role: Role, _ place: Place) -> Bool {
        switch role.kind {
        case .platformAdministrator:
            return true
        case .administrationStaff, .departmentStaff:
            guard let own = role.division, let division = place.division else { return false }
            return own.contains(division)
        case .gridWorker:
            guard let grid = role.gridID, place.compoundID != nil else { return false }
            return place.gridIDs.contains(grid)
        case .owner:
            guard let compound = place.compoundID, compound == role.compoundID else { return false }
            return place.homeID.map(role.homeIDs.contains) ?? true
        case .committeeChair, .committeeViceChair, .committeeMember:
            return place.compoundID != nil && place.compoundID == role.compoundID
        case .companyAdministrator, .companyManager, .steward:
            guard let company = role.companyID, place.compoundID != nil else { return false }
            return place.servingCompanyIDs.contains(company)
        }
    }
}
