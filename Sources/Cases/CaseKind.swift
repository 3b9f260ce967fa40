/// What a case is about. Owners report the first five; grid workers' patrols and stewards' reports
/// add the rest; hotline tickets take any of them.
public enum CaseKind: String, CaseIterable, Codable, Sendable {
    case payment, consultation, repair, complaint, suggestion
    case propertyMatter = "property_matter", dispute, hazard
    case illegalConstruction = "illegal_construction", environment

    public var chineseName: String {
        switch self {
        case .payment: "缴费"
        case .consultation: "咨询"
        case .repair: "报修"
        case .complaint: "投诉"
        case .suggestion: "建议"
        case .propertyMatter: "物业管理问题"
        case .dispute: "邻里纠纷"
        case .hazard: "安全隐患"
        case .illegalConstruction: "违法建设"
        case .environment: "环境卫生"
        }
    }

    /// Matters the property company handles under its contract; the rest go to the grid worker.
    public var isPropertyMatter: Bool {
        switch self {
        case .payment, .consultation, .repair, .propertyMatter, .environment: true
        case .complaint, .suggestion, .dispute, .hazard, .illegalConstruction: false
        }
    }
}

/// The levels a case climbs when it is not solved in time: the property company (and the steward of
/// the grid), the grid worker, the subdistrict, the district department (网格吹哨、部门报到).
public enum CaseLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case company, grid, subdistrict, department

    public var above: CaseLevel? {
        switch self {
        case .company: .grid
        case .grid: .subdistrict
        case .subdistrict: .department
        case .department: nil
        }
    }

    public var chineseName: String {
        switch self {
        case .company: "物业服务企业"
        case .grid: "网格"
        case .subdistrict: "街道"
        case .department: "区职能部门"
        }
    }

    public static func < (lhs: CaseLevel, rhs: CaseLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
