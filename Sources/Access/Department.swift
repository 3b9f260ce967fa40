/// Government departments that take part in property supervision at some level: the housing bureau
/// leads, the others answer escalated cases (Jinan Lixia: 网格吹哨、部门报到).
public enum Department: String, CaseIterable, Codable, Sendable {
    case housing
    case urbanManagement = "urban_management"
    case marketRegulation = "market_regulation"
    case publicSecurity = "public_security"
    case fireRescue = "fire_rescue"
    case naturalResources = "natural_resources"

    public var chineseName: String {
        switch self {
        case .housing: "住房和城乡建设局"
        case .urbanManagement: "城市管理局"
        case .marketRegulation: "市场监督管理局"
        case .publicSecurity: "公安局"
        case .fireRescue: "消防救援大队"
        case .naturalResources: "自然资源局"
        }
    }
}
