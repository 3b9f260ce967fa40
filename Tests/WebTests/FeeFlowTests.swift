import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import WuyeCore

/// Service fees over the pages: the company sets the standard and bills the month, the steward
/// takes the owner's payment at the counter, the owner sees it, and the subdistrict's rate moves.
struct FeeFlowTests {
    @Test func theCompanyBillsTheStewardCollectsAndTheRateMoves() async throws {
        try await withDemoApp { browser, database in
            let plan = try await DemoAccounts.plan(in: database)
            let compound = try #require(plan.first { $0.portal == .owner }?.roles.first?.compoundID)
            let fees = "/compounds/\(compound)/fees"
            try await browser.signIn(.companyAdministrator)
            #expect(try await browser.execute(uri: fees).text.contains("尚未设定"))
            let bad = try await browser.post(fees + "/standard", ["rate": "2.3456", "method": "lump_sum"])
            #expect(bad.status == .unprocessableContent && bad.text.contains("收费标准应为每平方米每月的元数"))
            let badLift = try await browser.post(fees + "/standard", ["rate": "2.35", "rate_with_lift": "三元", "method": "lump_sum"])
            #expect(badLift.status == .unprocessableContent && badLift.text.contains("收费标准应为每平方米每月的元数")
                    && badLift.text.contains("value=\"三元\""))
            #expect(try await browser.post(fees + "/standard", ["rate": "2.35", "rate_with_lift": "2.80", "method": "lump_sum"]).status == .seeOther)
            #expect(try await browser.execute(uri: fees).text.contains("高层住宅（有电梯） 2.80 元"))
            #expect(try await browser.post(fees + "/standard", ["rate": "2.35", "method": "lump_sum"]).status == .seeOther)
            let billed = try await browser.post(fees + "/bills", ["period": "2026-11", "months": "1"])
            #expect(billed.status == .ok && billed.text.contains("已开具 2026-11 账单"))
            let twice = try await browser.post(fees + "/bills", ["period": "2026-11", "months": "1"])
            #expect(twice.status == .unprocessableContent && twice.text.contains("已经开过账单"))

            try await browser.signIn(.owner)
            let mine = try await browser.execute(uri: "/bills")
            let owed = try #require(mine.text.firstMatch(of: /尚欠 ([\d.]+) 元/)?.1).description
            #expect(Double(owed) ?? 0 > 0)

            try await browser.signIn(.steward)
            let page = try await browser.execute(uri: fees)
            #expect(!page.text.contains("保存收费标准"))  // stewards collect, managers bill
            let bill = try #require(page.text.firstMatch(of: /action="\/fees\/bills\/(\d+)\/payments"/)?.1).description
            let over = try await browser.post("/fees/bills/\(bill)/payments", ["amount": "999999", "method": "cash", "receipt_number": "SJ-1"])
            #expect(over.status == .unprocessableContent && over.text.contains("缴费金额不能超过欠费"))
            let paid = try await browser.post("/fees/bills/\(bill)/payments", ["amount": "1.00", "method": "wechat", "receipt_number": "SJ-2"])
            #expect(paid.status == .ok && paid.text.contains("已登记") && paid.text.contains("尚欠"))
            #expect(try await browser.post("/fees/bills/\(bill)/reminders", ["note": "请于 15 日内缴纳"]).status == .seeOther)
            let arrears = try await browser.execute(uri: fees + "/arrears.csv")
            #expect(arrears.status == .ok && arrears.text.contains("催缴次数") && arrears.text.contains(",1\r\n"))

            try await browser.signIn(.subdistrict)
            let rate = try await browser.execute(uri: "/fees/collection?period=2026-11")
            #expect(rate.status == .ok && rate.text.contains("实收 1.00 元"))
            #expect(try await browser.execute(uri: "/fees/collection?division=370212&period=2026-11").status == .notFound)
            try await browser.signIn(.owner)
            #expect(try await browser.execute(uri: "/fees/collection").status == .forbidden)
            #expect(try await browser.execute(uri: fees).status == .forbidden)
        }
    }
}
