import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import WuyeCore

/// Hot spots to a campaign's rectification rate, and grid teams against the norm, over the pages:
/// the district launches, the company reports, the subdistrict re-checks; bad input is named.
struct HotSpotFlowTests {
    @Test func aDistrictLaunchesACampaignTheCompanyReportsAndTheSubdistrictRechecks() async throws {
        try await withDemoApp { browser, database in
            try await DemoHotSpots.seed(in: database, for: try await DemoAccounts.plan(in: database))
            try await browser.signIn(.district)
            let page = try await browser.execute(uri: "/hotspots")
            #expect(page.status == .ok)
            let keyCount = try #require(page.text.firstMatch(of: /重点小区 (\d+) 个/)?.1).description
            #expect(Int(keyCount) ?? 0 > 0)
            let wrong = try await browser.execute(uri: "/hotspots?rule=threshold&value=abc")
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("请填写每百户投诉数"))
            let csv = try await browser.execute(uri: "/hotspots.csv?rule=top&value=3")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(Array(csv.body.readableBytesView.prefix(3)) == CSVText.byteOrderMark)
            #expect(csv.text.dropFirst().hasPrefix("小区编号,小区,街道,社区,户数,投诉件数,每百户投诉,重点小区\r\n"))
            #expect(csv.text.components(separatedBy: ",是\r\n").count - 1 == 3)

            let before = try await database.count("remediation_campaigns")
            let unnamed = try await browser.post("/campaigns", ["rule": "top", "value": "3", "measures": "措施", "deadline": "2099-01-01"])
            #expect(unnamed.status == .unprocessableContent && unnamed.text.contains("请填写整治行动名称"))
            #expect(try await database.count("remediation_campaigns") == before)
            let launched = try await browser.post("/campaigns", ["rule": "top", "value": "3", "name": "冬季攻坚",
                                                                 "measures": "一小区一方案", "deadline": "2099-01-01"])
            #expect(launched.status == .seeOther)
            let campaign = try #require(launched.location)
            #expect(try await browser.execute(uri: campaign).text.contains("3 个重点小区已整改 0 个，整改率 0.0%"))

            // The demo company serves the demo compound, which draws the most complaints.
            try await browser.signIn(.companyAdministrator)
            let companyView = try await browser.execute(uri: campaign)
            let report = try #require(companyView.text.firstMatch(of: /action="(\/campaigns\/\d+\/compounds\/\d+)\/report"/)?.1).description
            let empty = try await browser.post(report + "/report", ["note": " "])
            #expect(empty.status == .unprocessableContent && empty.text.contains("请填写说明"))
            #expect(try await browser.post(report + "/report", ["note": "楼道照明已更换"]).status == .seeOther)
            #expect(try await browser.post(report + "/recheck", ["result": "pass", "note": "自查"]).status == .forbidden)
            #expect(try await browser.post("/campaigns/1/compounds/999999/report", ["note": "无此小区"]).status == .notFound)

            try await browser.signIn(.subdistrict)
            #expect(try await browser.execute(uri: campaign).text.contains("提交复查结果"))
            let noResult = try await browser.post(report + "/recheck", ["note": "现场查看"])
            #expect(noResult.status == .unprocessableContent && noResult.text.contains("请选择复查结果"))
            #expect(try await browser.post(report + "/recheck", ["result": "pass", "note": "现场复查合格"]).status == .seeOther)
            let done = try await browser.execute(uri: campaign)
            #expect(done.text.contains("已整改 1 个") && done.text.contains("现场复查合格"))
            let export = try await browser.execute(uri: campaign + "/export.csv")
            #expect(export.status == .ok && export.text.contains("楼道照明已更换"))

            try await browser.signIn(.owner)
            #expect(try await browser.execute(uri: "/campaigns").status == .forbidden)
            #expect(try await browser.execute(uri: "/hotspots").status == .forbidden)
        }
    }

    @Test func gridsBelowTheNormAreFlaggedAndTheRosterIsKeptByOfficeAndCompany() async throws {
        try await withDemoApp { browser, database in
            try await browser.signIn(.subdistrict)
            let overview = try await browser.execute(uri: "/teams")
            #expect(overview.status == .ok && overview.text.contains("低于标准"))
            // The demo grid worker's grid: the one the demo company serves too.
            let plan = try await DemoAccounts.plan(in: database)
            let grid = try #require(plan.first { $0.roles.first?.kind == .gridWorker }?.roles.first?.gridID)
            #expect(try await browser.execute(uri: "/teams/grids/\(grid)").text.contains("名册上还没有人员"))
            let badPhone = try await browser.post("/teams/grids/\(grid)/members", ["role": "grid_worker", "name": "王建国", "phone": "12345"])
            #expect(badPhone.status == .unprocessableContent && badPhone.text.contains("电话号码无效"))
            #expect(try await database.count("grid_team_members") == 0)
            #expect(try await browser.post("/teams/grids/\(grid)/members", ["role": "grid_worker", "name": "王建国", "phone": "13900001111"])
                .status == .seeOther)
            let roster = try await browser.execute(uri: "/teams/grids/\(grid)")
            #expect(roster.text.contains("王建国") && roster.text.contains("139****1111"))
            let gridWorker = try #require(roster.text.firstMatch(of: /\/teams\/members\/(\d+)\/remove/)?.1).description
            #expect(try await browser.post("/teams/norm", ["households_per_team": "300"]).status == .forbidden)

            try await browser.signIn(.companyAdministrator)
            #expect(try await browser.execute(uri: "/teams").status == .ok)
            let notTheirs = try await browser.post("/teams/grids/\(grid)/members", ["role": "grid_worker", "name": "李四", "phone": "13900002222"])
            #expect(notTheirs.status == .unprocessableContent && notTheirs.text.contains("网格员由社区、街道登记"))
            #expect(try await browser.post("/teams/grids/\(grid)/members", ["role": "steward", "name": "张红霞", "phone": "13900003333"])
                .status == .seeOther)
            #expect(try await browser.post("/teams/members/\(gridWorker)/remove", [:]).status == .forbidden)
            // A case in the grid shows its 双员 to whoever handles it, to call.
            let compound = try #require(plan.first { $0.portal == .owner }?.roles.first?.compoundID)
            let id = try await CaseStore(database: database).report(.init(kind: .repair, source: .hotline, description: "电梯故障",
                                                                         compoundID: compound), reporter: nil, by: .command("test"))
            let casePage = try await browser.execute(uri: "/cases/\(id)")
            #expect(casePage.text.contains("本网格服务团队") && casePage.text.contains("tel:13900001111") && casePage.text.contains("张红霞"))

            try await browser.signIn(.district)
            let tooSmall = try await browser.post("/teams/norm", ["households_per_team": "10", "stewards": "1", "security_guards": "3",
                                                                  "cleaners": "4"])
            #expect(tooSmall.status == .unprocessableContent && tooSmall.text.contains("每个服务团队服务的户数须在 50 到 5000 之间"))
            #expect(try await browser.post("/teams/norm", ["households_per_team": "300", "stewards": "2", "security_guards": "3",
                                                           "cleaners": "4"]).status == .seeOther)
            #expect(try await browser.execute(uri: "/teams").text.contains("每 300 户：红色管家 2 名"))
            #expect(try await browser.post("/teams/members/\(gridWorker)/remove", [:]).status == .seeOther)
            #expect(try await AuditLog(database: database).entries(targetType: "grid").map(\.action).sorted()
                == ["grid_team.add", "grid_team.add", "grid_team.remove"])
        }
    }
}

/// The routing table and the calendar on their page.
struct CaseSettingsFlowTests {
    @Test func theDistrictRoutesRepairsToTheGridAndTheCityAddsAHoliday() async throws {
        try await withDemoApp { browser, database in
            try await browser.signIn(.district)
            let page = try await browser.execute(uri: "/cases/settings")
            #expect(page.status == .ok && page.text.contains("分派规则") && !page.text.contains("工作日历"))
            let division = try #require(page.text.firstMatch(of: /name="division" value="(\d{6})"/)?.1).description
            let saved = try await browser.post("/cases/settings/routes", ["division": division, "level_repair": "grid",
                                                                         "department_repair": "urban_management"])
            #expect(saved.status == .ok && saved.text.contains("1 类事项的分派规则有变化") && saved.text.contains("已调整"))
            let refused = try await browser.post("/cases/settings/routes", ["division": division, "level_repair": "subdistrict",
                                                                           "department_repair": "housing"])
            #expect(refused.status == .unprocessableContent && refused.text.contains("案件首先交由物业企业或网格办理"))
            #expect(try await browser.post("/cases/settings/calendar", ["day": "2099-01-01", "note": "元旦"]).status == .forbidden)

            try await browser.signIn(.city)
            let noNote = try await browser.post("/cases/settings/calendar", ["day": "2099-01-01", "working": "no"])
            #expect(noNote.status == .unprocessableContent && noNote.text.contains("请写明节日或调休说明"))
            #expect(try await database.count("calendar_days") == 0)
            let year = CivilDate.inChina(Date()).year
            #expect(try await browser.post("/cases/settings/calendar", ["day": "\(year + 1)-01-01", "working": "no", "note": "元旦"]).status == .seeOther)
            #expect(try await browser.execute(uri: "/cases/settings").text.contains("\(year + 1)-01-01"))
            #expect(try await browser.post("/cases/settings/calendar/\(year + 1)-01-01/remove", [:]).status == .seeOther)
            #expect(try await database.count("calendar_days") == 0)
        }
    }
}
