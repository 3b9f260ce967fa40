import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import WuyeCore

/// The common fund over the pages: the company reports parking income, the chair records an
/// expense from the bank statement and attaches its approval later, owners read the statement,
/// the subdistrict sees the flag come and go.
struct CommonFundFlowTests {
    @Test func incomeAndAnApprovedExpenseShowOnTheStatementAndTheFlagClears() async throws {
        try await withDemoApp { browser, database in
            let plan = try await DemoAccounts.plan(in: database)
            let compound = try #require(plan.first { $0.portal == .owner }?.roles.first?.compoundID)
            let fund = "/compounds/\(compound)/common-fund"
            let today = CivilDate.inChina(Date()).text
            try await browser.signIn(.companyAdministrator)
            #expect(try await browser.execute(uri: fund).text.contains("登记收支"))
            let expense = try await browser.post(fund + "/entries", ["kind": "expense", "category": "repairs", "amount": "10", "day": today, "memo": "x"])
            #expect(expense.status == .forbidden)  // the company records income only
            #expect(try await browser.post(fund + "/entries", ["kind": "income", "category": "parking", "amount": "5000", "day": today,
                                                               "memo": "本月停车收益"]).status == .seeOther)

            try await browser.signIn(.committeeChair)
            let noMemo = try await browser.post(fund + "/entries", ["kind": "expense", "category": "greening", "amount": "300", "day": today, "memo": ""])
            #expect(noMemo.status == .unprocessableContent && noMemo.text.contains("请填写摘要"))
            let big = try await browser.post(fund + "/entries", ["kind": "expense", "category": "facilities", "amount": "60000", "day": today,
                                                                 "memo": "更换电梯", "decision": "业委会〔2026〕1 号"])
            #expect(big.status == .unprocessableContent && big.text.contains("须经业主大会表决通过"))
            #expect(try await browser.post(fund + "/entries", ["kind": "expense", "category": "greening", "amount": "300", "day": today,
                                                               "memo": "补种绿篱（银行对账单）"]).status == .seeOther)

            try await browser.signIn(.subdistrict)
            #expect(try await browser.execute(uri: "/common-funds").text.contains("id=\"flagged-count\">1<"))

            try await browser.signIn(.committeeChair)
            let page = try await browser.execute(uri: fund)
            let entry = try #require(page.text.firstMatch(of: /entries\/(\d+)\/approval/)?.1).description
            #expect(try await browser.post(fund + "/entries/\(entry)/approval", ["decision": "业委会〔2026〕2 号"]).status == .seeOther)

            try await browser.signIn(.owner)
            let statement = try await browser.execute(uri: fund)
            #expect(statement.text.contains("id=\"closing\">4700.00<") && statement.text.contains("停车收益") && !statement.text.contains("登记收支"))
            #expect(try await browser.post(fund + "/entries", ["kind": "income", "category": "parking", "amount": "1", "day": today, "memo": "x"]).status == .forbidden)
            let csv = try await browser.execute(uri: fund + "/statement.csv?month=\(today.prefix(7))")
            #expect(csv.status == .ok && csv.text.contains("期末余额,,4700.00"))

            try await browser.signIn(.subdistrict)
            #expect(try await browser.execute(uri: "/common-funds").text.contains("id=\"flagged-count\">0<"))
        }
    }
}
