import Foundation

/// The five tiers of administrative division a residential compound sits in.
///
/// Declared from the largest to the smallest so that `<` means "higher up the tree".
public enum DivisionLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case province
    case city
    case district
    case subdistrict
    case community

    /// The usual Chinese name of the tier (县级 units are shown as 区县 because both occur).
    public var chineseName: String {
        switch self {
        case .province: "省"
        case .city: "市"
        case .district: "区县"
        case .subdistrict: "街道"
        case .community: "社区"
        }
    }

    /// The tier directly below, or nil for a community.
    public var childLevel: DivisionLevel? {
        switch self {
        case .province: .city
        case .city: .district
        case .district: .subdistrict
        case .subdistrict: .community
        case .community: nil
        }
    }

    private var rank: Int {
        DivisionLevel.allCases.firstIndex(of: self) ?? 0
    }

    public static func < (lhs: DivisionLevel, rhs: DivisionLevel) -> Bool {
        lhs.rank < rhs.rank
    }
}
