import Access
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Writes are counted per account (per address when signed out): past the burst the platform
/// answers 429 with Retry-After, as a page or as JSON; reads and other accounts are not held up.
struct WriteRateLimitFlowTests {
    @Test func pastTheBurstAWriteIsRefusedWithRetryAfterAndReadsGoOn() async throws {
        try await withDemoApp(configure: { $0.writeRateLimit = WriteRateLimit(perSecond: 0.01, burst: 3) }) { browser, _ in
            try await browser.signIn(.owner)
            for _ in 0..<3 {
                let answered = try await browser.post("/account/password", ["current": "wrong", "new": "x", "confirm": "y"])
                #expect(answered.status != .tooManyRequests)
            }
            let page = try await browser.post("/account/password", ["current": "wrong", "new": "x", "confirm": "y"])
            #expect(page.status == .tooManyRequests)
            #expect(page.text.contains("操作太频繁"))
            #expect(Int(page.headers[.retryAfter] ?? "") ?? 0 >= 1)

            let api = try await browser.execute(uri: "/api/v1/cases", method: .post, headers: [.contentType: "application/json"],
                                                body: ByteBuffer(string: "{}"))
            #expect(api.status == .tooManyRequests)
            #expect((api.json["error"] as? [String: Any])?["code"] as? String == "rate_limited")
            #expect(api.headers[.retryAfter] != nil)

            #expect(try await browser.execute(uri: "/account").status == .ok)

            // The committee chair has a bucket of her own.
            let chair = Browser(browser.client)
            try await chair.signIn(.committeeChair)
            #expect(try await chair.post("/account/password", ["current": "wrong", "new": "x", "confirm": "y"]).status != .tooManyRequests)
        }
    }

    /// Three sign-in attempts per address, posted as nginx would pass them on.
    private static func attempts(_ browser: Browser, from address: String) async throws -> [HTTPResponse.Status] {
        var statuses: [HTTPResponse.Status] = []
        for _ in 0..<3 {
            let response = try await browser.execute(
                uri: "/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Real-IP")!: address],
                body: ByteBuffer(string: "mobile=13900000000&password=wrong"))
            statuses.append(response.status)
        }
        return statuses
    }

    @Test func behindTheTrustedProxyEachClientAddressHasItsOwnLimit() async throws {
        let limit = WriteRateLimit(perSecond: 0.01, burst: 2)
        try await withDemoApp(overHTTP: true, configure: { $0.writeRateLimit = limit; $0.trustedProxy = "127.0.0.1" }) { browser, _ in
            let first = try await Self.attempts(browser, from: "10.1.2.3")
            let second = try await Self.attempts(browser, from: "10.1.2.4")
            #expect(first.last == .tooManyRequests && second.first != .tooManyRequests)
        }
        // Without it the header is the client's word and is ignored: all share the peer's address.
        try await withDemoApp(overHTTP: true, configure: { $0.writeRateLimit = limit }) { browser, _ in
            let first = try await Self.attempts(browser, from: "10.1.2.3")
            let second = try await Self.attempts(browser, from: "10.1.2.4")
            #expect(first.last == .tooManyRequests && second.first == .tooManyRequests)
        }
    }
}
