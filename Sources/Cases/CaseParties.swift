import Access
import WuyeCore

/// Where a case stands, as far as deciding who acts on it: the level it sits at, the grid and
/// company it was routed to, its department at the top, and who reported it.
public struct CaseSite: Sendable, Equatable {
    /// The case's community (its compound's).
    public let community: DivisionCode
    public let compoundID: Int64
    public let gridID: Int64?
    /// The property company it was routed to, if its first level was the company.
    public let companyID: Int64?
    public let department: Department
    public let level: CaseLevel
    public let reporterAccountID: Int64?

    public init(community: DivisionCode, compoundID: Int64, gridID: Int64?, companyID: Int64?, department: Department,
                level: CaseLevel, reporterAccountID: Int64?) {
        self.community = community
        self.compoundID = compoundID
        self.gridID = gridID
        self.companyID = companyID
        self.department = department
        self.level = level
        self.reporterAccountID = reporterAccountID
    }
}

/// Who plays which part on a case. The level a case sits at receives, handles and verifies it; the
/// level above supervises (approves extensions). Staff of a level: the company's staff, the grid's
/// worker, the subdistrict office, the district department of the case's category.
public enum CaseParties {
    public static func capacities(of principal: Principal, on site: CaseSite) -> Set<CaseCapacity> {
        var capacities: Set<CaseCapacity> = []
        if let reporter = site.reporterAccountID, reporter == principal.accountID { capacities.insert(.reporter) }
        if principal.roles.contains(where: { isStaff($0, of: site.level, site) }) {
            capacities.formUnion([.intake, .handler, .verifier])
        }
        if principal.roles.contains(where: { supervises($0, site) }) { capacities.insert(.supervisor) }
        return capacities
    }

    /// May the account see the case: its reporter, staff of any level it can reach, the offices
    /// above it, and the compound's committee (which supervises its property service).
    public static func mayView(_ principal: Principal, _ site: CaseSite) -> Bool {
        if let reporter = site.reporterAccountID, reporter == principal.accountID { return true }
        return principal.roles.contains { role in
            switch role.kind {
            case .committeeChair, .committeeViceChair, .committeeMember: role.compoundID == site.compoundID
            case .companyAdministrator, .companyManager, .steward, .gridWorker: isStaff(role, of: role.kind == .gridWorker ? .grid : .company, site)
            case .administrationStaff: role.division?.contains(site.community) ?? false
            case .departmentStaff: site.level == .department && isStaff(role, of: .department, site)
            case .owner, .platformAdministrator: false
            }
        }
    }

    /// Is `role` staff of `level` for this case?
    public static func isStaff(_ role: Role, of level: CaseLevel, _ site: CaseSite) -> Bool {
        switch level {
        case .company:
            return role.kind.portal == .company && role.companyID != nil && role.companyID == site.companyID
        case .grid:
            return role.kind == .gridWorker && role.gridID != nil && role.gridID == site.gridID
        case .subdistrict:
            guard role.kind == .administrationStaff, let division = role.division else { return false }
            return division.level == .subdistrict && division.contains(site.community)
        case .department:
            guard role.kind == .departmentStaff, role.department == site.department, let division = role.division else { return false }
            return division.level <= .district && division.contains(site.community)
        }
    }

    /// The level above supervises: the grid over the company, the subdistrict over the grid, the
    /// department over the subdistrict; the district office over its departments.
    static func supervises(_ role: Role, _ site: CaseSite) -> Bool {
        if let above = site.level.above { return isStaff(role, of: above, site) }
        guard role.kind == .administrationStaff, let division = role.division else { return false }
        return division.level == .district && division.contains(site.community)
    }
}
