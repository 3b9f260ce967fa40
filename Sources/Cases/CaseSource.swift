import Access
import WuyeCore

/// Who brought a case in, which fixes what kinds they may report (issue 4, intake).
public enum CaseSource: String, CaseIterable, Codable, Sendable {
    /// An owner, from their phone.
    case owner
    /// A grid worker's patrol finding.
    case patrol
    /// A steward's report to the grid worker of a matter the company cannot settle (a dispute, a hazard).
    case steward
    /// A 12345 hotline ticket entered by administration staff (Jinan 12345 regulation Art. 22).
    case hotline
    /// A request from an Open311 GeoReport v2 client.
    case open311

    public var chineseName: String {
        switch self {
        case .owner: "业主报事"
        case .patrol: "网格巡查"
        case .steward: "管家上报"
        case .hotline: "12345 热线"
        case .open311: "Open311"
        }
    }

    public var kinds: [CaseKind] {
        switch self {
        case .owner: [.repair, .complaint, .consultation, .payment, .suggestion]
        case .patrol: [.propertyMatter, .dispute, .hazard, .illegalConstruction, .environment]
        case .steward: [.dispute, .hazard, .illegalConstruction]
        case .hotline, .open311: CaseKind.allCases
        }
    }

    /// The source a role reports as; nil for roles that do not report cases.
    public static func of(_ role: Role) -> CaseSource? {
        switch role.kind {
        case .owner: .owner
        case .gridWorker: .patrol
        case .companyAdministrator, .companyManager, .steward: .steward
        case .administrationStaff: .hotline
        default: nil
        }
    }

    public func check(_ kind: CaseKind) throws(DomainError) {
        guard kinds.contains(kind) else {
            throw DomainError(code: "kind_not_for_source", message: "“\(chineseName)”不能上报“\(kind.chineseName)”类事项",
                              english: "a \(rawValue) report cannot be of kind \(kind.rawValue)", field: "kind")
        }
    }
}
