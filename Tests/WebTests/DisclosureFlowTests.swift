import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import WuyeCore

/// 三公开 over the pages: the company publishes its items, the committee its own, owners read them,
/// the subdistrict sees the coverage move.
struct DisclosureFlowTests {
    @Test func theCompanyAndTheCommitteePublishTheirOwnItemsAndCoverageMoves() async throws {
        try await withDemoApp { browser, database in
            let plan = try await DemoAccounts.plan(in: database)
            let compound = try #require(plan.first { $0.portal == .owner }?.roles.first?.compoundID)
            let board = "/compounds/\(compound)/disclosures"
            try await browser.signIn(.subdistrict)
            let before = try #require(try await browser.execute(uri: "/disclosures/coverage").text.firstMatch(of: /中 (\d+) 个公开完整/)?.1).description

            try await browser.signIn(.companyAdministrator)
            #expect(try await browser.execute(uri: board).text.contains("未公开"))
            let short = try await browser.post(board, ["item": "services_and_fees", "title": "收费标准", "body": "2.35 元", "kept_days": "2"])
            #expect(short.status == .unprocessableContent && short.text.contains("公示期不少于 3 日"))
            for item in ["licence_and_contacts", "services_and_fees", "maintenance_contractors", "contract_performance", "common_revenue"] {
                #expect(try await browser.post(board, ["item": item, "title": "公开：\(item)", "body": "内容", "kept_days": "30"]).status == .seeOther)
            }
            #expect(try await browser.post(board, ["item": "committee_contacts", "title": "x", "body": "x", "kept_days": "30"]).status == .forbidden)

            try await browser.signIn(.committeeChair)
            #expect(try await browser.post(board, ["item": "committee_contacts", "title": "业委会联系方式", "body": "每周三接待", "kept_days": "30"])
                .status == .seeOther)
            #expect(try await browser.post(board, ["item": "services_and_fees", "title": "x", "body": "x", "kept_days": "30"]).status == .forbidden)

            try await browser.signIn(.owner)
            let read = try await browser.execute(uri: board)
            #expect(read.text.contains("id=\"completeness\">100.0%<") && read.text.contains("每周三接待") && !read.text.contains("发布或更新"))

            try await browser.signIn(.subdistrict)
            let after = try #require(try await browser.execute(uri: "/disclosures/coverage").text.firstMatch(of: /中 (\d+) 个公开完整/)?.1).description
            #expect(Int(after) == (Int(before) ?? 0) + 1)
            #expect(try await browser.execute(uri: "/disclosures/coverage.csv").text.contains("小区编号,小区,营业执照"))
        }
    }
}
