import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import WuyeCore

/// A committee formed over the pages: the subdistrict records the report, the group and the
/// election; the chair records the first meeting; the filing, the seal and a document follow; an
/// owner reads it all and may change nothing.
struct CommitteeFlowTests {
    @Test func theSubdistrictFormsTheCommitteeAndTheChairKeepsItsRecords() async throws {
        try await withDemoApp { browser, database in
            let plan = try await DemoAccounts.plan(in: database)
            let compound = try #require(plan.first { $0.portal == .owner }?.roles.first?.compoundID)
            let steps = "/compounds/\(compound)/committee/steps"
            try await browser.signIn(.subdistrict)
            let overview = try await browser.execute(uri: "/committees")
            #expect(overview.status == .ok && overview.text.contains("/compounds/\(compound)/committee"))
            let page = try await browser.execute(uri: "/compounds/\(compound)/committee")
            #expect(page.text.contains("尚未启动") && page.text.contains("开发建设单位报告或业主申请"))
            let today = CivilDate.inChina(Date()).text
            #expect(try await browser.post(steps, ["step": "report", "day": today, "note": "开发建设单位书面报告"]).status == .seeOther)
            let small = try await browser.post(steps, ["step": "form_group", "day": today, "members": "张一\n张二\n李主任,街道"])
            #expect(small.status == .unprocessableContent && small.text.contains("筹备组应为 7 人以上的单数"))
            #expect(small.text.contains("张二"))  // what was typed is kept
            #expect(try await browser.post(steps, ["step": "form_group", "day": today,
                                                   "members": "张一\n张二\n张三\n张四\n社区代表,非业主\n民警,非业主\n李主任,街道"]).status == .seeOther)
            // The group the subdistrict leads convenes the first assembly.
            let meetings = try await browser.execute(uri: "/compounds/\(compound)/meetings")
            #expect(meetings.text.contains("公告并召集"))
            let opens = CivilDate(daysSince1970: CivilDate.inChina(Date()).daysSince1970 + 15)
            let first = try await browser.post("/compounds/\(compound)/meetings", [
                "title": "首次业主大会", "motion1_matter": "3", "motion1_title": "选举第一届业主委员会", "opens_on": opens.text,
                "closes_on": CivilDate(daysSince1970: opens.daysSince1970 + 5).text])
            #expect(first.status == .seeOther)
            let wrongStage = try await browser.post(steps, ["step": "file", "day": today, "number": "备 1"])
            #expect(wrongStage.status == .unprocessableContent && wrongStage.text.contains("当前阶段"))
            #expect(try await browser.post(steps, ["step": "elect", "day": today, "members": "王一\n王二\n王三", "term_years": "5"]).status == .seeOther)

            // Elected, the committee convenes; the subdistrict no longer does.
            #expect(try await browser.execute(uri: "/compounds/\(compound)/meetings").text.contains("公告并召集") == false)
            try await browser.signIn(.committeeChair)
            let chairView = try await browser.execute(uri: "/compounds/\(compound)/committee")
            #expect(chairView.text.contains("业委会首次会议") && !chairView.text.contains("登记备案"))
            #expect(try await browser.post(steps, ["step": "file", "day": today, "number": "备 1"]).status == .unprocessableContent)
            #expect(try await browser.post(steps, ["step": "first_meeting", "day": today, "chair": "王一", "vice_chairs": "王二"]).status == .seeOther)

            try await browser.signIn(.subdistrict)
            #expect(try await browser.post(steps, ["step": "file", "day": today, "number": "市南备〔2026〕7 号"]).status == .seeOther)
            #expect(try await browser.post(steps, ["step": "record_seal", "day": today, "number": "刻章 7"]).status == .seeOther)
            let uploaded = try await browser.postMultipart("/compounds/\(compound)/committee/documents", ["step": "file", "name": "备案证明"],
                                                           files: [.init(field: "file", filename: "filing.pdf", contentType: "application/pdf",
                                                                         bytes: Array("%PDF-1.7 scan".utf8))])
            #expect(uploaded.status == .seeOther)

            try await browser.signIn(.owner)
            let ownerView = try await browser.execute(uri: "/compounds/\(compound)/committee")
            #expect(ownerView.status == .ok && ownerView.text.contains("业主委员会履职中") && ownerView.text.contains("王一"))
            #expect(ownerView.text.contains("市南备〔2026〕7 号") && !ownerView.text.contains("name=\"step\""))
            let link = try #require(ownerView.text.firstMatch(of: /href="(\/compounds\/\d+\/committee\/documents\/\d+)"/)?.1).description
            let document = try await browser.execute(uri: link)
            #expect(document.status == .ok && document.headers[.contentType] == "application/pdf")
            #expect(try await browser.post(steps, ["step": "report", "day": today]).status == .forbidden)
            #expect(try await AuditLog(database: database).entries(targetType: "compound", targetID: String(compound)).count >= 7)
        }
    }
}
