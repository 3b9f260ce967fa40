import Disclosure
import Foundation
import Funds
import SQLKit
import WuyeCore

/// The demo compound's money and notices in the open: three months of its common fund (parking and
/// advertising income, a repair with its committee decision, one bank charge still waiting for its
/// approval) and its 三公开 board, complete for the company and for the committee; the next
/// compound's company has published only two items. Nothing is added when the compound has entries.
public enum DemoPublicAccounts {
    @discardableResult
    public static func seed(in database: WuyeDatabase, for accounts: [DemoAccounts.Account], now: Date = Date()) async throws -> Bool {
        guard let compound = accounts.first(where: { $0.portal == .owner })?.roles.first?.compoundID else { return false }
        let funds = CommonFunds(database: database, clock: FixedClock(now))
        guard try await funds.months(compound: compound).isEmpty else { return false }
        let today = CivilDate.inChina(now)
        func day(_ daysAgo: Int) -> String { CivilDate(daysSince1970: today.daysSince1970 - daysAgo).text }
        let chair = AuditActor.command("demo")
        for (ago, category, amount, memo) in [(80, CommonFundAccount.parking, "18600", "地面停车位租金（示例）"), (75, .advertising, "4200", "电梯广告（示例）"),
                                             (50, .parking, "18350", "地面停车位租金（示例）"), (20, .parking, "18900", "地面停车位租金（示例）"),
                                             (18, .venueRent, "1500", "小区广场场地使用费（示例）")] {
            try await funds.post(.income, category: category, amount: amount, on: day(ago), memo: memo, approval: nil, compound: compound, by: chair)
        }
        try await funds.post(.expense, category: .repairs, amount: "6850", on: day(40), memo: "更换 2 号楼单元门禁（示例）",
                             approval: .committeeDecision("业委会〔示例〕3 号"), compound: compound, by: chair)
        try await funds.post(.expense, category: .greening, amount: "2300", on: day(15), memo: "补种绿篱（示例）",
                             approval: .committeeDecision("业委会〔示例〕5 号"), compound: compound, by: chair)
        try await funds.post(.expense, category: .bankCharges, amount: "12.00", on: day(10), memo: "银行账户管理费（对账单，待补审批）",
                             approval: nil, compound: compound, by: chair)

        let board = Disclosures(database: database, clock: FixedClock(now))
        let texts: [DisclosureItem: (String, String)] = [
            .licenceAndContacts: ("物业服务企业信息", "营业执照、项目负责人电话、24 小时服务电话与投诉电话（示例）"),
            .servicesAndFees: ("服务内容与收费标准", "服务事项与标准见合同附件；住宅物业费按建筑面积每平方米每月计收，包干制（示例）"),
            .maintenanceContractors: ("设施设备维保单位", "电梯、消防维保单位名称、资质、联系方式、维保计划与应急预案（示例）"),
            .contractPerformance: ("合同履行情况", "本季度服务完成情况与业主投诉处理情况（示例）"),
            .commonRevenue: ("共有部分经营收益", "本季度停车、广告、场地收益已全部转入业主共有资金账户（示例）"),
            .committeeContacts: ("业主委员会成员与联系方式", "主任、副主任、委员名单；每周三下午在红领驿站接待业主（示例）"),
            .rulesAndDecisions: ("管理规约与业委会决定", "管理规约、业主大会议事规则及本年度业委会决定（示例）"),
            .commonFundAccounts: ("共有资金收支情况", "本季度共有资金收支表见“共有资金”页（示例）"),
        ]
        for item in DisclosureItem.allCases {
            guard let (title, body) = texts[item] else { continue }
            try await board.publish(item, draft: try DisclosureDraft(title: title, body: body, keptDays: 90), compound: compound, by: chair)
        }
        let neighbour = try await database.read { sql in
            try await sql.raw("SELECT MIN(id) AS id FROM compounds WHERE id <> \(bind: compound)").first()?.decode(column: "id", as: Int64?.self)
        }
        if let neighbour {
            for item in [DisclosureItem.licenceAndContacts, .servicesAndFees] {
                guard let (title, body) = texts[item] else { continue }
                try await board.publish(item, draft: try DisclosureDraft(title: title, body: body, keptDays: 90), compound: neighbour, by: chair)
            }
        }
        return true
    }
}
