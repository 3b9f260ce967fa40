import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web

struct IntegrationTokenTests {
    @Test func aBearerTokenActsWithItsOneRoleUntilRevoked() async throws {
        try await withDemoApp { browser, _ in
            try await browser.signIn(DemoLogin.stewardAndGridWorker.rawValue)
            let account = try await browser.execute(uri: "/account")
            // The second role listed (grid worker) is the one the token gets.
            let roleIDs = account.text.matches(of: /<option value="(\d+)">/).map { String($0.output.1) }
            #expect(roleIDs.count == 2)
            let issued = try await browser.post("/account/tokens", ["name": "街道网格系统", "role_id": roleIDs[1]])
            let token = try #require(issued.text.firstMatch(of: /id="issued-token">(wuye_[A-Za-z0-9_-]+)</).map { String($0.output.1) })
            let api = Browser(browser.client)
            let me = try await api.execute(uri: "/api/v1/me", headers: [.authorization: "Bearer \(token)"])
            #expect(me.status == .ok)
            #expect((me.json["roles"] as? [String])?.count == 1)
            #expect((me.json["roles"] as? [String])?.first?.hasPrefix("grid_worker") == true)
            // No cookies, so no CSRF token needed for a write.
            let listing = try await browser.execute(uri: "/account")
            let tokenID = try #require(listing.text.firstMatch(of: /tokens\/(\d+)\/revoke/)?.output.1)
            #expect(try await browser.post("/account/tokens/\(tokenID)/revoke", [:]).status == .seeOther)
            let revoked = try await api.execute(uri: "/api/v1/me", headers: [.authorization: "Bearer \(token)"])
            #expect(revoked.status == .unauthorized)
        }
    }
}

struct PersonalDataTests {
    @Test func unmaskingShowsWholeDataToTheRightRolesAndIsAudited() async throws {
        try await withDemoApp { browser, database in
            let owner = try #require(try await DemoAccounts.plan(in: database).first { $0.portal == .owner })
            let record = try #require(try await AccountStore(database: database).account(mobile: owner.mobile))
            let principal = try #require(try await AccountStore(database: database).principal(accountID: record.id))
            let home = try #require(principal.roles[0].homeIDs.min())
            try await browser.signIn(.steward)
            let masked = try await browser.execute(uri: "/homes/\(home)")
            #expect(masked.text.contains("查看完整信息"))
            let stored = try #require(try await RegistryQueries(database: database).owners(ofHome: home).first { $0.phone != nil })
            let phone = try #require(stored.phone)
            #expect(!masked.text.contains(phone))
            let unmasked = try await browser.post("/homes/\(home)/unmask", [:])
            #expect(unmasked.status == .ok)
            #expect(unmasked.text.contains(phone))
            #expect(unmasked.text.contains(stored.idNumber))
            let entries = try await AuditLog(database: database).entries(targetType: "home", targetID: String(home))
            #expect(entries.first?.action == "owners.unmask")
            #expect(entries.first?.actor == "物业管家演示")

            let bureau = Browser(browser.client)
            try await bureau.signIn(.districtHousing)
            #expect(!(try await bureau.execute(uri: "/homes/\(home)")).text.contains("查看完整信息"))
            #expect(try await bureau.post("/homes/\(home)/unmask", [:]).status == .forbidden)
        }
    }
}

struct OwnerClaimFlowTests {
    @Test func anOwnerClaimsTheirHomeWithTheCodeAndLandsInTheOwnersPortal() async throws {
        let gateway = RecordingGateway()
        try await withDemoApp(gateway: gateway) { browser, database in
            // An owner of the demo city with a phone and no account yet.
            let queries = RegistryQueries(database: database)
            var found: (name: String, id: String, phone: String)?
            for homeID in Int64(200)...Int64(400) {
                for owner in try await queries.owners(ofHome: homeID) where owner.kind == "person" {
                    if let phone = owner.phone, try await AccountStore(database: database).account(mobile: phone) == nil {
                        found = (owner.name, owner.idNumber, phone)
                    }
                }
                if found != nil { break }
            }
            let owner = try #require(found)
            try await browser.execute(uri: "/claim")
            let wrong = try await browser.post("/claim", ["name": owner.name + "x", "id_number": owner.id, "mobile": owner.phone])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("与房屋登记不一致"))
            let started = try await browser.post("/claim", ["name": owner.name, "id_number": owner.id, "mobile": owner.phone])
            #expect(started.status == .seeOther)
            let confirmURI = try #require(started.location)
            try await browser.execute(uri: confirmURI)
            let claim = String(confirmURI.split(separator: "=").last ?? "")
            let code = try #require(gateway.lastCode(to: owner.phone))
            let mismatch = try await browser.post("/claim/confirm", ["claim": claim, "code": code, "password": "home2026ok",
                                                                    "confirm": "home2026no"])
            #expect(mismatch.text.contains("两次输入的密码不一致"))
            let done = try await browser.post("/claim/confirm", ["claim": claim, "code": code, "password": "home2026ok",
                                                                "confirm": "home2026ok"])
            #expect(done.location == "/portal/owner")
            let portal = try await browser.execute(uri: "/portal/owner")
            #expect(portal.status == .ok)
            #expect(portal.text.contains("我的房屋"))
        }
    }
}

struct AuditChainWebTests {
    @Test func everyWriteThroughTheWebLeavesAVerifiableChain() async throws {
        try await withDemoApp { browser, database in
            try await browser.signIn(.platform)
            try await browser.post("/accounts", ["mobile": "13700003333", "name": "新委员", "password": "committee2026",
                                                 "kind": "committee_member", "compound_id": "1"])
            let log = try await browser.execute(uri: "/audit?target_type=account")
            #expect(log.status == .ok)
            #expect(log.text.contains("account.create"))
            let api = try await browser.execute(uri: "/api/v1/audit?actor=14")
            #expect((api.json["items"] as? [[String: Any]])?.isEmpty == false)
            #expect(try await AuditLog(database: database).verify().firstFault == nil)
        }
    }
}
