/// What a motion decides: the matters of Civil Code Art. 278 para 1, items (1)–(9). The item fixes
/// the threshold, so a motion's majority follows from its type and cannot be chosen by hand.
public enum MotionMatter: Int, CaseIterable, Codable, Sendable {
    case rulesOfProcedure = 1       // (1) 制定和修改业主大会议事规则
    case covenant = 2               // (2) 制定和修改管理规约
    case committeeElection = 3      // (3) 选举业主委员会或者更换业主委员会成员
    case hireOrDismissManager = 4   // (4) 选聘和解聘物业服务企业或者其他管理人
    case useMaintenanceFund = 5     // (5) 使用建筑物及其附属设施的维修资金
    case raiseMaintenanceFund = 6   // (6) 筹集建筑物及其附属设施的维修资金
    case rebuild = 7                // (7) 改建、重建建筑物及其附属设施
    case changeUseOfCommonParts = 8 // (8) 改变共有部分的用途或者利用共有部分从事经营活动
    case otherMajorMatter = 9       // (9) 有关共有和共同管理权利的其他重大事项

    /// Civil Code Art. 278 para 2: items (6)–(8) need three quarters of the participants' area and
    /// headcount; all others more than half. *Using* the fund (5) is ordinary; *raising* it (6) is special.
    public var threshold: Threshold { (6...8).contains(rawValue) ? .special : .ordinary }

    public var chineseName: String {
        switch self {
        case .rulesOfProcedure: "制定和修改业主大会议事规则"
        case .covenant: "制定和修改管理规约"
        case .committeeElection: "选举业主委员会或者更换业主委员会成员"
        case .hireOrDismissManager: "选聘和解聘物业服务企业或者其他管理人"
        case .useMaintenanceFund: "使用维修资金"
        case .raiseMaintenanceFund: "筹集维修资金"
        case .rebuild: "改建、重建建筑物及其附属设施"
        case .changeUseOfCommonParts: "改变共有部分的用途或者利用共有部分从事经营活动"
        case .otherMajorMatter: "有关共有和共同管理权利的其他重大事项"
        }
    }

    /// The article the rule comes from, for pages and exports.
    public var citation: String { "《民法典》第二百七十八条第一款第（\(rawValue)）项" }

    public enum Threshold: String, Codable, Sendable {
        /// 过半数: strictly more than half (Civil Code Art. 1259: "过半数" excludes the half).
        case ordinary
        /// 四分之三以上: three quarters or more (Art. 1259: "以上" includes the bound).
        case special
    }
}
