import Foundation
import WuyeCore

/// What must be published in a compound (三公开, reference §4): the property company's notice-board
/// items (Qingdao 物业管理条例 Art. 60; Civil Code Art. 943) and the committee's own (Art. 36, 44,
/// 78). Each is kept current: an item older than its refresh interval is stale.
public enum DisclosureItem: String, CaseIterable, Codable, Sendable {
    case licenceAndContacts = "licence_and_contacts"
    case servicesAndFees = "services_and_fees"
    case maintenanceContractors = "maintenance_contractors"
    case contractPerformance = "contract_performance"
    case commonRevenue = "common_revenue"
    case committeeContacts = "committee_contacts"
    case rulesAndDecisions = "rules_and_decisions"
    case commonFundAccounts = "common_fund_accounts"

    public enum Party: String, Sendable { case company, committee }

    public var party: Party {
        switch self {
        case .licenceAndContacts, .servicesAndFees, .maintenanceContractors, .contractPerformance, .commonRevenue: .company
        case .committeeContacts, .rulesAndDecisions, .commonFundAccounts: .committee
        }
    }

    public var chineseName: String {
        switch self {
        case .licenceAndContacts: "营业执照、联系方式与投诉电话"
        case .servicesAndFees: "服务事项、服务标准、收费项目与标准"
        case .maintenanceContractors: "电梯、消防等设施设备维保单位及应急预案"
        case .contractPerformance: "物业服务合同履行情况"
        case .commonRevenue: "共有部分经营收益"
        case .committeeContacts: "业主委员会成员、办公地点与联系方式"
        case .rulesAndDecisions: "管理规约、议事规则与业委会决定"
        case .commonFundAccounts: "业主共有资金收支情况"
        }
    }

    public var citation: String {
        switch self {
        case .licenceAndContacts: "《青岛市物业管理条例》第六十条第（一）项"
        case .servicesAndFees: "《青岛市物业管理条例》第六十条第（二）项"
        case .maintenanceContractors: "《青岛市物业管理条例》第六十条第（三）项"
        case .contractPerformance: "《青岛市物业管理条例》第六十条第（四）项"
        case .commonRevenue: "《青岛市物业管理条例》第六十条第（五）项；《民法典》第九百四十三条"
        case .committeeContacts: "《青岛市物业管理条例》第三十六条"
        case .rulesAndDecisions: "《青岛市物业管理条例》第三十二条、第四十四条"
        case .commonFundAccounts: "《青岛市物业管理条例》第七十八条"
        }
    }

    /// Days after which a publication is stale (no period is fixed by law; reference §4's
    /// suggestion): notice-board items yearly, common revenue and fund accounts quarterly.
    public var refreshDays: Int {
        switch self {
        case .commonRevenue, .commonFundAccounts: 92
        default: 365
        }
    }

    public static func items(of party: Party) -> [DisclosureItem] { allCases.filter { $0.party == party } }
}

/// Where one item stands in a compound.
public enum DisclosureStatus: String, Sendable {
    case current, stale, missing

    public var chineseName: String {
        switch self {
        case .current: "已公开"
        case .stale: "已过期未更新"
        case .missing: "未公开"
        }
    }

    /// An item last published at `published` (nil: never), judged at `now`.
    public static func of(_ item: DisclosureItem, published: Date?, now: Date) -> DisclosureStatus {
        guard let published else { return .missing }
        return now.timeIntervalSince(published) > Double(item.refreshDays) * 86_400 ? .stale : .current
    }
}

/// A publication as written: title and text, and how long it stays up — at least 3 days
/// (Qingdao Art. 92).
public struct DisclosureDraft: Sendable, Equatable {
    public static let minimumDays = 3
    public let title: String
    public let body: String
    public let keptDays: Int

    public init(title raw: String, body rawBody: String, keptDays: Int) throws(DomainError) {
        let title = raw.trimmedWhitespace, body = rawBody.trimmedWhitespace
        guard (1...100).contains(title.count) else {
            throw DomainError(code: "invalid_title", message: "请填写标题（100 字以内）", english: "a title of 1 to 100 characters", field: "title")
        }
        guard (1...10_000).contains(body.count) else {
            throw DomainError(code: "invalid_body", message: "请填写公开内容（1 万字以内）", english: "the text is 1 to 10,000 characters", field: "body")
        }
        guard (Self.minimumDays...3_650).contains(keptDays) else {
            throw DomainError(code: "kept_too_short", message: "公示期不少于 3 日（《青岛市物业管理条例》第九十二条）",
                              english: "a publication stays up at least 3 days", field: "kept_days")
        }
        self.title = title
        self.body = body
        self.keptDays = keptDays
    }
}

/// A compound's completeness: current items over required ones, and the coverage rate over
/// compounds — Qingdao's "95 % of projects disclosing online".
public enum DisclosureCoverage {
    public static func completeness(_ statuses: [DisclosureStatus]) -> Int? {
        Permille.of(statuses.count { $0 == .current }, statuses.count)
    }
}
