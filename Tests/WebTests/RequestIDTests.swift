import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Storage
import Testing
import WuyeCore

/// One id per request: a proxy's `X-Request-Id` when it is a plain token, otherwise the server's
/// own; it comes back in the response and is written with the request's audit entries.
struct RequestIDTests {
    let requestID = HTTPField.Name("X-Request-Id")!

    @Test func aPlainIDFromTheProxyComesBackAndAnythingElseIsReplaced() async throws {
        try await withDemoApp { browser, _ in
            let given = try await browser.execute(uri: "/healthz", headers: [requestID: "edge-7f3a.01_b"])
            #expect(given.headers[requestID] == "edge-7f3a.01_b")
            let forged = try await browser.execute(uri: "/healthz", headers: [requestID: "x\" level=error"])
            let own = try await browser.execute(uri: "/healthz")
            for response in [forged, own] {
                let id = try #require(response.headers[requestID])
                #expect(id.count >= 16 && id.allSatisfy(\.isHexDigit))
            }
            #expect(forged.headers[requestID] != own.headers[requestID])
            // Errors carry it too.
            #expect(try await browser.execute(uri: "/no-such-page", headers: [requestID: "edge-404"]).headers[requestID] == "edge-404")
        }
    }

    @Test func theAuditEntryOfAWriteNamesTheRequestThatMadeIt() async throws {
        try await withDemoApp { browser, database in
            try await browser.execute(uri: "/login")
            let form = "mobile=\(DemoLogin.owner.rawValue)&password=\(Browser.encode(DemoAccounts.password))&next=%2F&_csrf=\(Browser.encode(browser.csrf))"
            let signedIn = try await browser.execute(uri: "/login", method: .post,
                                                     headers: [.contentType: "application/x-www-form-urlencoded", requestID: "edge-signin-42"],
                                                     body: ByteBuffer(string: form))
            #expect(signedIn.status == .seeOther)
            let audited = try await database.read { sql in
                try await sql.raw("SELECT action FROM audit_log WHERE request_id = \(bind: "edge-signin-42")").all()
                    .map { try $0.decode(column: "action", as: String.self) }
            }
            #expect(audited.contains("session.sign_in"))
        }
    }
}
