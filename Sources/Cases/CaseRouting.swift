import Access
import WuyeCore

/// Where a case of each kind goes first and which district department answers it at the top
/// (issue 4, routing): property matters to the compound's property company (and the steward of the
/// grid), disputes and other matters to the grid worker; the rest climbs grid → subdistrict →
/// department. The table is data per district; `standard` is used where a district has set none.
public struct CaseRouting: Sendable, Equatable {
    public struct Route: Sendable, Equatable {
        public var firstLevel: CaseLevel
        public var department: Department

        public init(firstLevel: CaseLevel, department: Department) {
            self.firstLevel = firstLevel
            self.department = department
        }
    }

    public var routes: [CaseKind: Route]

    public init(routes: [CaseKind: Route]) {
        self.routes = routes
    }

    public static let standard = CaseRouting(routes: Dictionary(uniqueKeysWithValues: CaseKind.allCases.map { kind in
        let department: Department = switch kind {
        case .payment, .consultation, .repair, .propertyMatter, .complaint, .suggestion: .housing
        case .dispute: .publicSecurity
        case .hazard: .fireRescue
        case .illegalConstruction, .environment: .urbanManagement
        }
        return (kind, Route(firstLevel: kind.isPropertyMatter ? .company : .grid, department: department))
    }))

    /// The first level and department of a case of `kind`. A compound with no property company
    /// (self-managed, or government-backstopped) sends property matters to the grid; a place in no
    /// grid goes straight to the subdistrict.
    public func route(_ kind: CaseKind, hasCompany: Bool, hasGrid: Bool) -> Route {
        var route = routes[kind] ?? Self.standard.routes[kind]!
        if route.firstLevel == .company && !hasCompany { route.firstLevel = .grid }
        if route.firstLevel == .grid && !hasGrid { route.firstLevel = .subdistrict }
        return route
    }

    /// Checks a district's edited row: a case starts at the company or the grid.
    public static func checkFirstLevel(_ level: CaseLevel) throws(DomainError) {
        guard level == .company || level == .grid else {
            throw DomainError(code: "invalid_first_level", message: "案件首先交由物业企业或网格办理",
                              english: "a case starts with the company or the grid", field: "first_level")
        }
    }
}
