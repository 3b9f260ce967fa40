import WuyeCore

/// The kind of a building — multi-storey without a lift, or with one — as the housing department records
/// it with the building's first maintenance-fund deposits. Deposit rates differ by it (建设部/财政部令第165号
/// Art. 7: the local authority sets an amount per m² for each kind), and so do service-fee standards
/// (Qingdao's guide prices for 多层 and 高层 homes).
public enum BuildingKind: String, CaseIterable, Codable, Sendable {
    case multiStorey = "multi_storey"
    case withLift = "with_lift"

    public var chineseName: String {
        switch self {
        case .multiStorey: "多层住宅（无电梯）"
        case .withLift: "高层住宅（有电梯）"
        }
    }
}
