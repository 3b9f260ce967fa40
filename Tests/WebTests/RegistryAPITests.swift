import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Registry
import Storage
import Testing
import Web

struct RegistryAPITests {
    @Test func citiesListCarriesMaintainedCounts() async throws {
        try await withDemoApp { client, _ in
            try await client.signIn(.platform)
            let response = try await client.execute(uri: "/api/v1/divisions", method: .get)
            #expect(response.status == .ok)
            let items = try #require(response.json["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["name"] as? String } == ["济南市", "青岛市"])
            let homes = items.compactMap { ($0["counts"] as? [String: Any])?["homes"] as? Int }.reduce(0, +)
            #expect(homes == DemoCity(scale: .small).totals.homes)
        }
    }

    @Test func drillDownFromCityToCommunityShowsChildrenAndCompounds() async throws {
        try await withDemoApp { client, _ in
            try await client.signIn(.platform)
            let city = try await client.execute(uri: "/api/v1/divisions/370200", method: .get).json
            let district = try #require((city["children"] as? [[String: Any]])?.first)
            #expect(district["code"] as? String == "370202")
            let subdistrict = try #require((try await client.execute(uri: "/api/v1/divisions/370202", method: .get)
                .json["children"] as? [[String: Any]])?.first?["code"] as? String)
            let community = try #require((try await client.execute(uri: "/api/v1/divisions/\(subdistrict)", method: .get)
                .json["children"] as? [[String: Any]])?.first?["code"] as? String)
            let detail = try await client.execute(uri: "/api/v1/divisions/\(community)", method: .get).json
            #expect((detail["compounds"] as? [Any])?.isEmpty == false)
            #expect((detail["lineage"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
                    == ["370200", "370202", subdistrict, community])
        }
    }

    @Test func malformedAndUnknownDivisionCodesAnswerWithTheErrorShape() async throws {
        try await withDemoApp { client, _ in
            try await client.signIn(.platform)
            let bad = try await client.execute(uri: "/api/v1/divisions/12ab", method: .get)
            #expect(bad.status == .badRequest)
            let error = try #require(bad.json["error"] as? [String: Any])
            #expect(error["code"] as? String == "invalid_division_code")
            #expect(error["field"] as? String == "code")
            #expect((error["message"] as? String)?.isEmpty == false)

            let unknown = try await client.execute(uri: "/api/v1/divisions/370299", method: .get)
            #expect(unknown.status == .notFound)
            #expect((unknown.json["error"] as? [String: Any])?["code"] as? String == "not_found")
        }
    }

    @Test func compoundHomesArePagedWithACursorUntilTheLastPage() async throws {
        try await withDemoApp { client, _ in
            try await client.signIn(.platform)
            let search = try await client.execute(uri: "/api/v1/compounds?q=%E5%B0%8F%E5%8C%BA&limit=1", method: .get).json
            let compound = try #require((search["items"] as? [[String: Any]])?.first)
            let id = try #require(compound["id"] as? Int)
            let total = try #require((compound["counts"] as? [String: Any])?["homes"] as? Int)
            var seen = Set<Int>()
            var cursor = ""
            repeat {
                let page = try await client.execute(uri: "/api/v1/compounds/\(id)/homes?limit=37&cursor=\(cursor)", method: .get).json
                for home in page["items"] as? [[String: Any]] ?? [] { seen.insert(home["id"] as? Int ?? -1) }
                cursor = page["next_cursor"] as? String ?? ""
            } while !cursor.isEmpty
            #expect(seen.count == total)
        }
    }

    @Test func badPageLimitNamesTheField() async throws {
        try await withDemoApp { client, _ in
            try await client.signIn(.platform)
            let response = try await client.execute(uri: "/api/v1/compounds/1/homes?limit=5000", method: .get)
            #expect(response.status == .badRequest)
            #expect((response.json["error"] as? [String: Any])?["field"] as? String == "limit")
            let missing = try await client.execute(uri: "/api/v1/compounds", method: .get)
            #expect((missing.json["error"] as? [String: Any])?["field"] as? String == "q")
        }
    }

    @Test func homeOwnersArriveMasked() async throws {
        try await withDemoApp { client, database in
            try await client.signIn(.platform)
            let owners = try await RegistryQueries(database: database).owners(ofHome: 1)
            let stored = try #require(owners.first)
            let response = try await client.execute(uri: "/api/v1/homes/1", method: .get)
            #expect(response.status == .ok)
            let text = response.text
            #expect(!text.contains(stored.idNumber))
            #expect(!text.contains(stored.name))
            if let phone = stored.phone { #expect(!text.contains(phone)) }
            let first = try #require((response.json["owners"] as? [[String: Any]])?.first)
            #expect((first["name"] as? String)?.hasSuffix("*") == true)
            #expect((first["id_number"] as? String)?.contains("****") == true)
        }
    }

    @Test func compoundShowsItsServiceArrangementAndGrids() async throws {
        try await withDemoApp { client, _ in
            try await client.signIn(.platform)
            let detail = try await client.execute(uri: "/api/v1/compounds/1", method: .get).json
            #expect((detail["buildings"] as? [Any])?.isEmpty == false)
            #expect((detail["service_arrangements"] as? [Any])?.isEmpty == false)
            #expect((detail["grids"] as? [Any])?.isEmpty == false)
            let missing = try await client.execute(uri: "/api/v1/compounds/999999", method: .get)
            #expect(missing.status == .notFound)
        }
    }

    @Test func healthAndReadinessAnswerWithoutSigningIn() async throws {
        try await withDemoApp { client, _ in
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .ok)
            #expect(ready.text == "ready")
        }
    }
}
