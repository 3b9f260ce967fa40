import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import WuyeCore

/// Credit over the pages: the district records a serious bad record (refused first without its
/// evidence) and the company lands on the black list; the company's administrator reads its own
/// record; an owner cannot.
struct CreditFlowTests {
    @Test func aSeriousRecordBlacklistsTheCompanyWhichReadsItsOwnRecord() async throws {
        try await withDemoApp { browser, database in
            try await browser.signIn(.district)
            let page = try await browser.execute(uri: "/credit")
            #expect(page.status == .ok && page.text.contains("红名单"))
            let company = try #require(page.text.firstMatch(of: /name="company"><option value="(\d+)"/)?.1).description
            var form = ["company": company, "kind": "bad", "points": "5", "reason": "", "valid_from": CivilDate.inChina(Date()).text, "months": "12", "serious": "on"]
            let refused = try await browser.post("/credit/entries", form)
            #expect(refused.status == .unprocessableContent && refused.text.contains("请写明事由和依据"))
            form["reason"] = "以停水方式催缴物业费（12345 工单 2026-0001）"
            #expect(try await browser.post("/credit/entries", form).status == .seeOther)
            let listed = try await browser.execute(uri: "/credit")
            let black = try #require(listed.text.firstMatch(of: /class="black-list">(.*?)<\/p>/)?.1).description
            #expect(black.contains("/credit/companies/\(company)"))
            let csv = try await browser.execute(uri: "/credit.csv")
            #expect(csv.status == .ok && csv.text.contains("信用分,等级"))

            try await browser.signIn(.companyAdministrator)
            let portal = try await browser.execute(uri: "/portal/company")
            let own = try #require(portal.text.firstMatch(of: /\/credit\/companies\/(\d+)/)?.1).description
            let record = try await browser.execute(uri: "/credit/companies/\(own)")
            #expect(record.status == .ok && record.text.contains("信用档案"))
            try await browser.signIn(.owner)
            #expect(try await browser.execute(uri: "/credit/companies/\(company)").status == .forbidden)
            #expect(try await browser.execute(uri: "/credit").status == .forbidden)
        }
    }
}
