import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import WuyeCore

/// An evaluation round over the pages: the district edits its scorecard (a card that does not add up
/// to 100 is refused by its field) and opens a round; the subdistrict deducts with evidence; the
/// owner answers the survey once; the district publishes; the result is announced and exported.
struct EvaluationFlowTests {
    @Test func theDistrictRunsARoundThatInspectorsAndOwnersFeedAndPublishesIt() async throws {
        try await withDemoApp { browser, database in
            let plan = try await DemoAccounts.plan(in: database)
            let compound = try #require(plan.first { $0.portal == .owner }?.roles.first?.compoundID)
            try await browser.signIn(.district)
            let cards = try await browser.execute(uri: "/evaluations/scorecards?type=open")
            #expect(cards.status == .ok && cards.text.contains("业主满意度调查"))
            var form: [String: String] = ["type": "open", "year": "2026"]
            for match in cards.text.matches(of: /name="((?:max|best|worst|band)_\d+)"[^>]*value="([^"]*)"/) { form[String(match.1)] = String(match.2) }
            let broken = try await browser.post("/evaluations/scorecards", form.merging(["max_1": "26"]) { _, new in new })
            #expect(broken.status == .unprocessableContent && broken.text.contains("合计应为 100 分"))
            #expect(try await browser.post("/evaluations/scorecards", form.merging(["max_1": "30", "max_4": "20"]) { _, new in new }).status == .seeOther)
            #expect(try await browser.execute(uri: "/evaluations/scorecards?type=open&year=2026").text.contains("第 1 版"))

            let today = CivilDate.inChina(Date())
            let refused = try await browser.post("/evaluations", ["name": "x", "starts_on": "\(today.year)-01-01", "ends_on": "\(today.year)-12-31"])
            #expect(refused.status == .unprocessableContent && refused.text.contains("请填写评价名称"))
            let opened = try await browser.post("/evaluations", ["name": "\(today.year) 年度评价", "starts_on": "\(today.year)-01-01", "ends_on": "\(today.year)-12-31"])
            let round = try #require(opened.headers[.location])

            try await browser.signIn(.subdistrict)
            let detail = try await browser.execute(uri: "\(round)/compounds/\(compound)")
            #expect(detail.status == .ok && detail.text.contains("记录扣分"))
            let noEvidence = try await browser.post("\(round)/compounds/\(compound)/deductions", ["item": "街道、社区党组织评价", "points": "2", "evidence": ""])
            #expect(noEvidence.status == .unprocessableContent && noEvidence.text.contains("请写明扣分依据"))
            #expect(try await browser.post("\(round)/compounds/\(compound)/deductions",
                                           ["item": "街道、社区党组织评价", "points": "2", "evidence": "党建阵地未按要求设置（11 月检查）"]).status == .seeOther)

            try await browser.signIn(.owner)
            let portal = try await browser.execute(uri: "/portal/owner")
            #expect(portal.text.contains("\(round)/survey"))
            let survey = try await browser.execute(uri: "\(round)/survey")
            let home = try #require(survey.text.firstMatch(of: /name="home" value="(\d+)"/)?.1).description
            #expect(try await browser.post("\(round)/survey", ["home": home, "rating": "4"]).status == .seeOther)
            let again = try await browser.post("\(round)/survey", ["home": home, "rating": "1"])
            #expect(again.status == .unprocessableContent && again.text.contains("已经参加过"))
            #expect(try await browser.execute(uri: round).status == .forbidden)  // not announced yet

            try await browser.signIn(.district)
            #expect(try await browser.post("\(round)/publication", [:]).status == .seeOther)
            try await browser.signIn(.owner)
            let announced = try await browser.execute(uri: round)
            #expect(announced.status == .ok && announced.text.contains("已公布"))
            let page = try await browser.execute(uri: "\(round)/compounds/\(compound)")
            #expect(page.text.contains("扣 2.00 分") && page.text.contains("业主满意度调查 100.0%") && !page.text.contains("记录扣分"))
            let csv = try await browser.execute(uri: "\(round)/results.csv")
            #expect(csv.status == .ok && csv.text.contains("排名,小区"))
        }
    }
}
