import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import WuyeCore

/// Party building over the pages: the subdistrict registers an organisation (a bad member count is
/// refused by its field), assigns an instructor, schedules an activity; residents read the
/// station's calendar and subscribe to its feed without signing in.
struct PartyFlowTests {
    @Test func theSubdistrictRecordsOrganisationsAndResidentsSubscribeToTheCalendar() async throws {
        try await withDemoApp { browser, database in
            try await browser.signIn(.subdistrict)
            let page = try await browser.execute(uri: "/party")
            #expect(page.status == .ok && page.text.contains("物业服务企业党组织覆盖"))
            let company = try #require(page.text.firstMatch(of: /name="target_company_branch"><option value="(\d+)"/)?.1).description
            var form = ["kind": "company_branch", "target_company_branch": company, "name": "某物业公司党支部", "members": "0", "secretary": "王建华",
                        "established_on": "2021-07-01"]
            let refused = try await browser.post("/party/organisations", form)
            #expect(refused.status == .unprocessableContent && refused.text.contains("请填写党员人数"))
            form["members"] = "8"
            #expect(try await browser.post("/party/organisations", form).status == .seeOther)
            let covered = try await browser.execute(uri: "/party")
            #expect(covered.text.contains("id=\"members\">8<") && covered.text.contains("某物业公司党支部"))
            #expect(try await browser.post("/party/instructors", ["for": "company_branch", "instructor_target_company_branch": company, "instructor": "赵敏",
                                                                 "unit": "街道党工委", "phone": "13800000001"]).status == .seeOther)
            #expect(try await browser.execute(uri: "/party").text.contains("138****0001"))
            let community = try #require(covered.text.firstMatch(of: /name="community"><option value="(\d+)"/)?.1).description
            let day = CivilDate(daysSince1970: CivilDate.inChina(Date()).daysSince1970 + 2).text
            #expect(try await browser.post("/party/activities", ["community": community, "kind": "red_council", "title": "红色议事会", "place": "党群服务站",
                                                                "day": day, "time": "25:00", "hours": "2"]).status == .unprocessableContent)
            #expect(try await browser.post("/party/activities", ["community": community, "kind": "red_council", "title": "红色议事会", "place": "党群服务站",
                                                                "day": day, "time": "19:30", "hours": "2"]).status == .seeOther)

            try await browser.signIn(.owner)
            #expect(try await browser.post("/party/organisations", form).status == .forbidden)
            browser.setCookie("wuye_session", nil)  // residents need not sign in
            let calendar = try await browser.execute(uri: "/party/calendar/\(community)")
            #expect(calendar.status == .ok && calendar.text.contains("红色议事会") && calendar.text.contains("\(day) 19:30"))
            let feed = try await browser.execute(uri: "/party/calendar/\(community).ics")
            #expect(feed.status == .ok && feed.headers[.contentType]?.hasPrefix("text/calendar") == true)
            #expect(feed.text.contains("BEGIN:VEVENT") && feed.text.contains("SUMMARY:红色议事会：红色议事会") && feed.text.contains("T113000Z"))
        }
    }
}
