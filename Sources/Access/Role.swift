import WuyeCore

/// A role held inside its scope. Which fields are set depends on `kind.scopeKind`; the
/// initialisers below are the only ways to make one, so a role never lacks its scope.
public struct Role: Hashable, Codable, Sendable, CustomStringConvertible {
    public let kind: RoleKind
    /// Owner and committee roles: the compound.
    public let compoundID: Int64?
    /// Owner roles: the homes the owner holds in that compound (from the registry's ownerships).
    public let homeIDs: Set<Int64>
    /// Company roles: the property company.
    public let companyID: Int64?
    /// Grid workers: their grid.
    public let gridID: Int64?
    /// Administration and department staff: their division; grid workers: their grid's community.
    public let division: DivisionCode?
    public let department: Department?

    private init(kind: RoleKind, compoundID: Int64? = nil, homeIDs: Set<Int64> = [], companyID: Int64? = nil,
                 gridID: Int64? = nil, division: DivisionCode? = nil, department: Department? = nil) {
        self.kind = kind
        self.compoundID = compoundID
        self.homeIDs = homeIDs
        self.companyID = companyID
        self.gridID = gridID
        self.division = division
        self.department = department
    }

    public static func owner(compound: Int64, homes: Set<Int64>) -> Role {
        Role(kind: .owner, compoundID: compound, homeIDs: homes)
    }

    public static func committee(_ kind: RoleKind, compound: Int64) throws(DomainError) -> Role {
        guard kind.portal == .committee else { throw Role.wrongKind(kind) }
        return Role(kind: kind, compoundID: compound)
    }

    public static func company(_ kind: RoleKind, company: Int64) throws(DomainError) -> Role {
        guard kind.portal == .company else { throw Role.wrongKind(kind) }
        return Role(kind: kind, companyID: company)
    }

    public static func gridWorker(grid: Int64, community: DivisionCode) throws(DomainError) -> Role {
        guard community.level == .community else {
            throw DomainError(code: "grid_not_in_community", message: "网格必须属于一个社区",
                              english: "a grid belongs to a community", field: "grid")
        }
        return Role(kind: .gridWorker, gridID: grid, division: community)
    }

    public static func administration(_ division: DivisionCode) throws(DomainError) -> Role {
        guard division.level >= .city else { throw Role.divisionTooHigh }
        return Role(kind: .administrationStaff, division: division)
    }

    public static func department(_ department: Department, division: DivisionCode) throws(DomainError) -> Role {
        guard division.level >= .city else { throw Role.divisionTooHigh }
        return Role(kind: .departmentStaff, division: division, department: department)
    }

    public static let platformAdministrator = Role(kind: .platformAdministrator)

    /// The same role with the owner's homes filled in (they come from the registry, not the account).
    public func holding(homes: Set<Int64>) -> Role {
        Role(kind: kind, compoundID: compoundID, homeIDs: homes, companyID: companyID, gridID: gridID,
             division: division, department: department)
    }

    public var description: String {
        let scope = [compoundID.map { "compound \($0)" }, companyID.map { "company \($0)" }, gridID.map { "grid \($0)" },
                     division.map { "division \($0.rawValue)" }, department?.rawValue].compactMap { $0 }
        return ([kind.rawValue] + scope).joined(separator: " ")
    }

    private static func wrongKind(_ kind: RoleKind) -> DomainError {
        DomainError(code: "invalid_role", message: "角色与范围不符：\(kind.chineseName)",
                    english: "role \(kind.rawValue) does not take this scope", field: "role")
    }

    private static let divisionTooHigh = DomainError(
        code: "division_too_high", message: "行政管理账号的范围最高为市级", english: "an administration scope is a city or below",
        field: "division")
}
