import Foundation
import Party
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import WuyeCore

/// Coordination over the pages: the subdistrict records a consultation (refused without two sides),
/// turns a decision into a task and closes it; publishes a project; the company claims it once its
/// party organisation exists and reports it done.
struct CoordinationFlowTests {
    @Test func aDecisionBecomesATaskAndAProjectIsClaimedAndDone() async throws {
        try await withDemoApp { browser, database in
            let today = CivilDate.inChina(Date()).text
            try await browser.signIn(.subdistrict)
            var meeting = ["kind": "consultation", "title": "停车难恳谈会", "agenda": "地面车位分配方案", "held_on": today, "party_residents": "on", "minutes": ""]
            let alone = try await browser.post("/coordination/meetings", meeting)
            #expect(alone.status == .unprocessableContent && alone.text.contains("至少两方"))
            meeting["party_company"] = "on"
            let held = try #require(try await browser.post("/coordination/meetings", meeting).headers[.location])
            #expect(try await browser.post(held + "/tasks", ["task": "公示车位分配方案", "assignee": "物业服务企业", "due_on": today]).status == .seeOther)
            let page = try await browser.execute(uri: held)
            let task = try #require(page.text.firstMatch(of: /name="task_id" value="(\d+)"/)?.1).description
            #expect(try await browser.post(held + "/task-completions", ["task_id": task, "note": ""]).status == .unprocessableContent)
            #expect(try await browser.post(held + "/task-completions", ["task_id": task, "note": "已在各单元公示"]).status == .seeOther)
            #expect(try await browser.execute(uri: held).text.contains("办结"))

            // A project in the demo compound's community, where the demo company serves.
            let plan = try await DemoAccounts.plan(in: database)
            let compound = try #require(plan.first { $0.portal == .owner }?.roles.first?.compoundID)
            let community = try #require(try await database.read { sql in
                try await sql.raw("SELECT community_code FROM compounds WHERE id = \(bind: compound)").first()?.decode(column: "community_code", as: String.self)
            })
            #expect(try await browser.post("/coordination/projects", ["project_community": community, "project_title": "楼道微改造",
                                                                     "project_description": "清理堆物、粉刷墙面"]).status == .seeOther)

            try await browser.signIn(.companyAdministrator)
            let projects = try await browser.execute(uri: "/projects")
            let project = try #require(projects.text.firstMatch(of: /\/projects\/(\d+)\/claim/)?.1).description
            let refused = try await browser.post("/projects/\(project)/claim", [:])
            #expect(refused.status == .unprocessableContent && refused.text.contains("尚未登记党组织"))
            let company = try #require(plan.first { $0.roles.first?.kind == .companyAdministrator }?.roles.first?.companyID)
            let district = try #require(DivisionCode(rawValue: community)?.parent?.parent)
            try await PartyBuilding(database: database).register(
                try PartyOrganisationDraft(kind: .companyBranch, name: "物业党支部", members: "6", secretary: "王红", establishedOn: "2020-01-01",
                                           today: CivilDate.inChina(Date())), target: company, division: district, by: .command("test"))
            #expect(try await browser.post("/projects/\(project)/claim", [:]).status == .seeOther)
            let again = try await browser.post("/projects/\(project)/claim", [:])
            #expect(again.status == .unprocessableContent && again.text.contains("已被认领"))
            #expect(try await browser.post("/projects/\(project)/completion", ["note": "已完成 3 个单元"]).status == .seeOther)
            #expect(try await browser.execute(uri: "/projects").text.contains("完成：已完成 3 个单元"))
        }
    }
}
