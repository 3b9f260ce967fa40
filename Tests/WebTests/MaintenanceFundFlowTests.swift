import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import WuyeCore

/// The maintenance fund over the pages: the district sets its rates, the housing department records a
/// building's first deposits, the chair carries an emergency repair through approval and the
/// department pays it shared by area; the district sees it flagged until it is published; an ordinary
/// use goes to its owners' vote with the agenda's notice.
struct MaintenanceFundFlowTests {
    @Test func anEmergencyRepairIsPaidByAreaFlaggedUntilPublishedAndReadByOwners() async throws {
        try await withDemoApp { browser, database in
            let plan = try await DemoAccounts.plan(in: database)
            let compound = try #require(plan.first { $0.portal == .owner }?.roles.first?.compoundID)
            let fund = "/compounds/\(compound)/maintenance-fund"
            let today = CivilDate.inChina(Date()).text

            try await browser.signIn(.district)
            let badRate = try await browser.post("/maintenance-funds/rates", ["kind": "with_lift", "rate": "0"])
            #expect(badRate.status == .unprocessableContent && badRate.text.contains("交存标准应为每平方米的元数"))
            #expect(try await browser.post("/maintenance-funds/rates", ["kind": "with_lift", "rate": "130"]).status == .seeOther)

            try await browser.signIn(.districtHousing)
            let page = try await browser.execute(uri: fund)
            let building = try #require(page.text.firstMatch(of: /name="building"><option value="(\d+)"/)?.1).description
            #expect(try await browser.post(fund + "/deposits", ["building": building, "kind": "with_lift", "day": today]).status == .seeOther)
            let funds = MaintenanceFunds(database: database)
            let deposited = try await funds.summary(compound: compound).deposited
            let homes = try await database.read { sql in
                try await sql.raw("SELECT area_centi FROM homes WHERE building_id = \(bind: Int64(building) ?? 0)").all().map { try $0.decode(column: "area_centi", as: Int64.self) }
            }
            #expect(deposited == Fen(homes.reduce(Int64(0)) { $0 + ($1 * 13_000 + 50) / 100 }))
            #expect(try await browser.execute(uri: fund).text.contains("id=\"balance\">\(deposited)<"))

            try await browser.signIn(.committeeChair)
            let form = ["title": "电梯曳引机抢修", "budget": "5000", "contractor": "某电梯维保有限公司", "scope": "building-\(building)", "emergency": "lift_danger"]
            let unconfirmed = try await browser.post(fund + "/uses", form)
            #expect(unconfirmed.status == .unprocessableContent && unconfirmed.text.contains("第二十五条"))
            let proposed = try await browser.post(fund + "/uses", form.merging(["not_excluded": "on"]) { _, new in new })
            let use = try #require(proposed.headers[.location])
            #expect(try await browser.post(use + "/approval", ["decision": "业委会〔2026〕12 号", "filing": "应急备 001"]).status == .seeOther)

            try await browser.signIn(.owner)
            #expect(try await browser.post(use + "/disbursement", ["amount": "5000", "day": today]).status == .forbidden)

            try await browser.signIn(.districtHousing)
            let over = try await browser.post(use + "/disbursement", ["amount": "5000.01", "day": today])
            #expect(over.status == .unprocessableContent && over.text.contains("不超过预算"))
            #expect(try await browser.post(use + "/disbursement", ["amount": "5000", "day": today]).status == .seeOther)

            try await browser.signIn(.district)
            #expect(try await browser.execute(uri: "/maintenance-funds").text.contains("id=\"flagged-count\">1<"))
            try await browser.signIn(.committeeChair)
            #expect(try await browser.post(use + "/acceptance", ["acceptance": "电梯恢复运行，检验合格"]).status == .seeOther)
            #expect(try await browser.post(use + "/publication", [:]).status == .seeOther)
            try await browser.signIn(.district)
            #expect(try await browser.execute(uri: "/maintenance-funds").text.contains("id=\"flagged-count\">0<"))

            try await browser.signIn(.owner)
            let published = try await browser.execute(uri: use)
            #expect(published.text.contains("已公示") && published.text.contains("id=\"shared\">5000.00<") && !published.text.contains("按面积分摊并支付"))
            let csv = try await browser.execute(uri: use + "/shares.csv")
            let cents = csv.text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in line.split(separator: ",").dropFirst(2).first.flatMap { Int64($0.replacingOccurrences(of: ".", with: "")) } }
            #expect(cents.count == homes.count && cents.reduce(0, +) == 500_000)
        }
    }

    @Test func anOrdinaryUseGoesToItsOwnersVoteWithFifteenDaysNotice() async throws {
        try await withDemoApp { browser, database in
            let plan = try await DemoAccounts.plan(in: database)
            let compound = try #require(plan.first { $0.portal == .owner }?.roles.first?.compoundID)
            let unit = try #require(try await database.read { sql in
                try await sql.raw("SELECT MIN(id) AS id FROM units WHERE compound_id = \(bind: compound)").first()?.decode(column: "id", as: Int64.self)
            })
            try await browser.signIn(.committeeChair)
            let proposed = try await browser.post("/compounds/\(compound)/maintenance-fund/uses",
                                                  ["title": "楼道墙面翻新", "budget": "3000", "contractor": "某装饰公司", "scope": "unit-\(unit)", "not_excluded": "on"])
            let use = try #require(proposed.headers[.location])
            let today = CivilDate.inChina(Date())
            let soon = try await browser.post(use + "/vote", ["opens_on": CivilDate(daysSince1970: today.daysSince1970 + 3).text,
                                                              "closes_on": CivilDate(daysSince1970: today.daysSince1970 + 10).text])
            #expect(soon.status == .unprocessableContent && soon.text.contains("15 日前公告"))
            #expect(try await browser.post(use + "/vote", ["opens_on": CivilDate(daysSince1970: today.daysSince1970 + 15).text,
                                                           "closes_on": CivilDate(daysSince1970: today.daysSince1970 + 22).text]).status == .seeOther)
            let page = try await browser.execute(uri: use)
            #expect(page.text.contains("业主表决中"))
            let meeting = try #require(page.text.firstMatch(of: /href="\/meetings\/(\d+)"/)?.1).description
            let homes = try await database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM homes WHERE unit_id = \(bind: unit)").first()?.decode(column: "n", as: Int64.self) ?? 0
            }
            let rights = try await AssemblyStore(database: database).meeting(id: Int64(meeting) ?? 0)?.totals.headcount ?? 0
            #expect(rights >= 1 && rights <= homes)
            let early = try await browser.post(use + "/vote-result", [:])
            #expect(early.status == .unprocessableContent && early.text.contains("表决尚未结束"))
        }
    }
}
