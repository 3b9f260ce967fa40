import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web

struct SignInFlowTests {
    @Test func signingInLandsInTheRolesPortalAndSigningOutEndsTheSession() async throws {
        try await withDemoApp { browser, database in
            let response = try await browser.signIn(DemoLogin.community.rawValue)
            #expect(response.status == .seeOther)
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))  // plain HTTP here; --public-url https://… turns it on
            let home = try await browser.execute(uri: "/")
            #expect(home.location == "/portal/administration")
            let portal = try await browser.execute(uri: "/portal/administration")
            #expect(portal.text.contains("社区工作人员演示"))
            #expect(try await browser.post("/logout", [:]).status == .seeOther)
            #expect(try await browser.execute(uri: "/portal/administration").location?.hasPrefix("/login") == true)
            #expect(try await database.count("sessions") == 0)
        }
    }

    @Test func aWrongPasswordIsShownByTheFieldAndRepeatedOnesLockTheAccount() async throws {
        try await withDemoApp { browser, _ in
            try await browser.execute(uri: "/login")
            let wrong = try await browser.post("/login", ["mobile": DemoLogin.city.rawValue, "password": "wrong-2026"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("手机号或密码不正确"))
            #expect(wrong.text.contains("value=\"\(DemoLogin.city.rawValue)\""))  // what was typed is kept
            for _ in 0..<4 { try await browser.post("/login", ["mobile": DemoLogin.city.rawValue, "password": "wrong-2026"]) }
            let locked = try await browser.post("/login", ["mobile": DemoLogin.city.rawValue, "password": DemoAccounts.password])
            #expect(locked.status == .tooManyRequests)
            #expect(locked.text.contains("15 分钟"))
        }
    }

    @Test func formPostsWithoutTheirCSRFTokenAreRefusedAndChangeNothing() async throws {
        try await withDemoApp { browser, database in
            try await browser.signIn(.platform)
            let before = try await database.count("audit_log")
            let fields = ["mobile": "13700001111", "name": "新主任", "password": "committee2026", "kind": "committee_chair",
                          "compound_id": "1"]
            let missing = try await browser.post("/accounts", fields, csrf: "")
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("表单已过期"))
            let forged = try await browser.post("/accounts", fields, csrf: String(repeating: "A", count: 43))
            #expect(forged.status == .forbidden)
            #expect(try await database.count("accounts") == 14)
            #expect(try await database.count("audit_log") == before)
            // The API wants the header; a bearer token needs none.
            let api = try await browser.execute(uri: "/api/v1/homes/1/owners/unmask", method: .post)
            #expect(api.status == .forbidden)
            #expect((api.json["error"] as? [String: Any])?["code"] as? String == "csrf_failed")
            let accepted = try await browser.post("/accounts", fields)
            #expect(accepted.status == .ok)
            #expect(try await database.count("accounts") == 15)
        }
    }

    @Test func tamperedAndForeignCookiesLeaveTheRequestAnonymous() async throws {
        try await withDemoApp { browser, _ in
            try await browser.signIn(.platform)
            let token = try #require(browser.cookie("wuye_session"))
            let flipped = String(token.dropLast()) + (token.last == "A" ? "B" : "A")
            browser.setCookie("wuye_session", flipped)
            #expect(try await browser.execute(uri: "/api/v1/me").status == .unauthorized)
            browser.setCookie("wuye_session", "'; DROP TABLE sessions; --")
            #expect(try await browser.execute(uri: "/portal/administration").location?.hasPrefix("/login") == true)
            browser.setCookie("wuye_session", token)
            #expect(try await browser.execute(uri: "/api/v1/me").status == .ok)
        }
    }

    @Test func oversizedBodiesAreRefusedWith413() async throws {
        try await withDemoApp { browser, _ in
            try await browser.signIn(.platform)
            let big = "name=" + String(repeating: "x", count: 70 * 1024) + "&_csrf=\(browser.csrf)"
            let response = try await browser.execute(uri: "/accounts", method: .post,
                                                     headers: [.contentType: "application/x-www-form-urlencoded"],
                                                     body: ByteBuffer(string: big))
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test func htmlAndSQLTypedIntoFieldsAreStoredAsTextAndShownEscaped() async throws {
        try await withDemoApp { browser, database in
            try await browser.signIn(.platform)
            let name = "<script>x</script>'; DROP TABLE t;--"
            let created = try await browser.post("/accounts", ["mobile": "13700002222", "name": name, "password": "committee2026",
                                                               "kind": "committee_member", "compound_id": "1"])
            #expect(created.status == .ok)
            #expect(!created.text.contains("<script>x"))
            #expect(created.text.contains("&lt;*"))  // the masked name, escaped
            let stored = try #require(try await AccountStore(database: database).account(mobile: "13700002222"))
            #expect(stored.name == name)
            let search = try await browser.execute(uri: "/search?q=%3Cb%3E%27%20OR%201%3D1%20--")
            #expect(search.status == .ok)
            #expect(search.text.contains("&lt;b&gt;&#39; OR 1=1 --") || search.text.contains("&lt;b&gt;&#x27; OR 1=1 --")
                    || search.text.contains("&lt;b&gt;' OR 1=1 --"))
            #expect(!search.text.contains("<b>' OR"))
            #expect(!search.text.contains("/compounds/"))
        }
    }

    @Test func aPasswordChangeIsCheckedAndShownByTheField() async throws {
        try await withDemoApp { browser, _ in
            try await browser.signIn(.city)
            let weak = try await browser.post("/account/password", ["current_password": DemoAccounts.password, "new_password": "abc",
                                                                    "confirm": "abc"])
            #expect(weak.status == .unprocessableContent)
            #expect(weak.text.contains("密码长度应为"))
            let done = try await browser.post("/account/password", ["current_password": DemoAccounts.password,
                                                                    "new_password": "qingdao2027", "confirm": "qingdao2027"])
            #expect(done.status == .ok)
            #expect(done.text.contains("密码已修改"))
            let other = Browser(browser.client)
            #expect(try await other.signIn(DemoLogin.city.rawValue, password: "qingdao2027").status == .seeOther)
        }
    }
}
