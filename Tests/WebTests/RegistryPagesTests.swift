import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web

struct RegistryPagesTests {
    @Test func homePageListsTheCitiesWithTheirCounts() async throws {
        try await withDemoApp { client, _ in
            try await client.signIn(.platform)
            let response = try await client.execute(uri: "/divisions", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(response.text.contains("青岛市"))
            #expect(response.text.contains("/divisions/370200"))
            #expect(response.text.contains("<html lang=\"zh-CN\">"))
        }
    }

    @Test func everyLevelDownToAHomeRendersAndLinksOn() async throws {
        try await withDemoApp { client, _ in
            try await client.signIn(.platform)
            var uri = "/divisions/370200"
            for pattern in ["/divisions/370202\"", "/divisions/370202[0-9]{3}\"", "/divisions/370202[0-9]{6}\"",
                            "/compounds/[0-9]+\"", "/buildings/[0-9]+\"", "/homes/[0-9]+\""] {
                let page = try await client.execute(uri: uri, method: .get)
                #expect(page.status == .ok, "\(uri)")
                let link = try #require(page.text.firstMatch(of: try Regex(pattern)), "no link \(pattern) on \(uri)")
                uri = String(page.text[link.range].dropLast())
            }
            let home = try await client.execute(uri: uri, method: .get)
            #expect(home.status == .ok)
            #expect(home.text.contains("建筑面积"))
            #expect(home.text.contains("****") || home.text.contains("开发建设单位"))
        }
    }

    @Test func unknownPagesAnswer404InChinese() async throws {
        try await withDemoApp { client, _ in
            try await client.signIn(.platform)
            let response = try await client.execute(uri: "/compounds/999999", method: .get)
            #expect(response.status == .notFound)
            #expect(response.text.contains("不在您的管理范围内"))
        }
    }

    @Test func searchFindsCompoundsAndExplainsAnEmptyQuery() async throws {
        try await withDemoApp { client, _ in
            try await client.signIn(.platform)
            let found = try await client.execute(uri: "/search?q=%E5%B0%8F%E5%8C%BA", method: .get)
            #expect(found.status == .ok)
            #expect(found.text.contains("/compounds/"))
            let empty = try await client.execute(uri: "/search?q=", method: .get)
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("请输入"))
        }
    }

    @Test func stylesheetIsServedLocally() async throws {
        try await withDemoApp { client, _ in
            try await client.signIn(.platform)
            let css = try await client.execute(uri: "/static/wuye.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.text.contains("--red"))
        }
    }
}
