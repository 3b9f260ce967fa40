import Access
import SQLKit
import WuyeCore

/// The compounds an account's roles cover, as a SQL condition: for search and for the lists on
/// portal home pages. It says the same as `AccessPolicy.covers` does for one compound.
public struct CompoundScope: Sendable, Equatable {
    var everything = false
    var divisionPrefixes: [String] = []
    var compoundIDs: [Int64] = []
    var companyIDs: [Int64] = []
    var gridIDs: [Int64] = []

    public init(roles: [Role]) {
        for role in roles {
            switch role.kind {
            case .platformAdministrator: everything = true
            case .administrationStaff, .departmentStaff:
                if let division = role.division { divisionPrefixes.append(division.sharedPrefix) }
            case .owner, .committeeChair, .committeeViceChair, .committeeMember:
                if let compound = role.compoundID { compoundIDs.append(compound) }
            case .companyAdministrator, .companyManager, .steward:
                if let company = role.companyID { companyIDs.append(company) }
            case .gridWorker:
                if let grid = role.gridID { gridIDs.append(grid) }
            }
        }
    }

    /// Every compound: the platform's own tools (import checks, benchmarks).
    public static let everything = CompoundScope(roles: [.platformAdministrator])

    public var isEmpty: Bool {
        !everything && divisionPrefixes.isEmpty && compoundIDs.isEmpty && companyIDs.isEmpty && gridIDs.isEmpty
    }

    /// A condition on `compounds` aliased `c`; `today` decides which companies serve now.
    func condition(today: String) -> SQLQueryString {
        if everything { return "1 = 1" }
        var parts: [SQLQueryString] = []
        for prefix in divisionPrefixes { parts.append("c.community_code LIKE \(bind: prefix + "%")") }
        if !compoundIDs.isEmpty { parts.append("c.id IN (\(binds: compoundIDs))") }
        if !companyIDs.isEmpty {
            parts.append("""
                c.id IN (SELECT a.compound_id FROM service_arrangements a WHERE a.company_id IN (\(binds: companyIDs))
                         AND a.starts_on <= \(bind: today) AND (a.ends_on IS NULL OR a.ends_on > \(bind: today)))
                """)
        }
        if !gridIDs.isEmpty { parts.append("c.id IN (SELECT gb.compound_id FROM grid_buildings gb WHERE gb.grid_id IN (\(binds: gridIDs)))") }
        guard !parts.isEmpty else { return "1 = 0" }
        return "(\(parts.joined(separator: " OR ")))"
    }
}
