/// The Open311 GeoReport v2 service list: one service per kind of case (reference §6.4). Clients
/// pick a `service_code`, read its definition when `metadata` is true, and post requests with it.
public struct Open311Service: Sendable, Equatable {
    public let kind: CaseKind

    public init(kind: CaseKind) {
        self.kind = kind
    }

    public var code: String { kind.rawValue }
    public var name: String { kind.chineseName }
    /// GeoReport's `group`: property matters go to the company, the rest to the grid.
    public var group: String { kind.isPropertyMatter ? "物业服务" : "网格治理" }

    public var description: String {
        switch kind {
        case .payment: "物业费、公共收益等缴费问题"
        case .consultation: "物业服务、业主大会等政策咨询"
        case .repair: "房屋、设施设备的维修（水、电、电梯、门禁等）"
        case .complaint: "对物业服务企业或他人的投诉"
        case .suggestion: "对小区管理的意见建议"
        case .propertyMatter: "物业管理范围内的问题（卫生、绿化、秩序、公共设施）"
        case .dispute: "邻里之间的纠纷，由网格员调解"
        case .hazard: "消防通道堵塞、电动车违规充电等安全隐患"
        case .illegalConstruction: "私搭乱建、破坏房屋承重结构"
        case .environment: "垃圾堆放、污水外溢等环境卫生问题"
        }
    }

    public var keywords: String {
        switch kind {
        case .payment: "物业费, 缴费"
        case .consultation: "咨询, 政策"
        case .repair: "报修, 漏水, 电梯"
        case .complaint: "投诉"
        case .suggestion: "建议"
        case .propertyMatter: "物业, 公共设施"
        case .dispute: "纠纷, 调解"
        case .hazard: "隐患, 消防"
        case .illegalConstruction: "违建, 私搭乱建"
        case .environment: "垃圾, 卫生"
        }
    }

    /// Every service has one optional attribute, whether the matter is urgent (a burst pipe, a
    /// trapped lift), which sets the 2-hour deadline; so `metadata` is true for each.
    public static let urgentAttribute = Attribute(
        code: "urgent", datatype: "singlevaluelist", required: false, order: 1,
        description: "是否紧急（如水管爆裂、电梯困人），紧急事项按 2 小时时限处理",
        values: [("yes", "紧急"), ("no", "不紧急")])

    public struct Attribute: Sendable, Equatable {
        public let code: String
        public let datatype: String
        public let required: Bool
        public let order: Int
        public let description: String
        public let values: [(key: String, name: String)]

        public static func == (lhs: Attribute, rhs: Attribute) -> Bool {
            lhs.code == rhs.code && lhs.values.map(\.key) == rhs.values.map(\.key)
        }
    }

    public static let all = CaseKind.allCases.map(Open311Service.init(kind:))

    public static func named(_ code: String) -> Open311Service? { CaseKind(rawValue: code).map(Open311Service.init(kind:)) }
}
