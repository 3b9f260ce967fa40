import WuyeCore

/// 小区类型. Scorecards and service standards differ by type (Jinan Lixia scores open, closed and
/// commercial compounds on different sheets), so the type is part of the registry, not a label.
public enum CompoundType: String, Codable, Sendable, CaseIterable {
    case closed      // 封闭式
    case open        // 开放式 (old open neighbourhoods)
    case commercial  // 商务楼宇

    public var chineseName: String {
        switch self {
        case .closed: "封闭式"
        case .open: "开放式"
        case .commercial: "商务楼宇"
        }
    }

    /// Accepts the English key or the Chinese label, as the registry import format allows.
    public init?(label: String) {
        let trimmed = label.trimmedWhitespace
        if let type = CompoundType(rawValue: trimmed.lowercased()) {
            self = type
        } else if let type = CompoundType.allCases.first(where: { $0.chineseName == trimmed }) {
            self = type
        } else {
            return nil
        }
    }
}
