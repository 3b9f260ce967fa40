import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Registry
import Storage
import Testing
import Web
import WuyeCore

/// Open311 GeoReport v2 as a client meets it: form-encoded posts with an api_key, the standard
/// filters, JSON and XML, and GeoReport's error document naming what was wrong.
struct Open311Tests {
    /// Posts a form-encoded body the way GeoReport clients do: no cookies, no CSRF token.
    func post(_ client: Browser, _ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
        let body = fields.map { "\(Browser.encode($0.0))=\(Browser.encode($0.1))" }.joined(separator: "&")
        return try await client.execute(uri: "/open311/v2/\(path)", method: .post,
                                        headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
    }

    func list(_ response: TestResponse) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) as? [[String: Any]] ?? []
    }

    /// The demo's first compound and its point, and a key for the whole platform.
    func setUp(_ database: WuyeDatabase) async throws -> (key: String, compound: DemoCompound) {
        let key = try await Open311Keys(database: database).create(name: "市民 App", division: nil, by: .command("test")).key
        return (key, try #require(DemoCity(scale: .small).compounds.first))
    }

    @Test func aClientListsServicesPostsARequestAndReadsItBack() async throws {
        try await withDemoApp { client, database in
            let (key, compound) = try await setUp(database)
            let discovery = try await client.execute(uri: "/open311/v2/discovery.json")
            let endpoints = try #require(discovery.json["endpoints"] as? [[String: Any]])
            #expect(endpoints.first?["specification"] as? String == "http://wiki.open311.org/GeoReport_v2")
            #expect(endpoints.first?["formats"] as? [String] == ["text/xml", "application/json"])

            let services = list(try await client.execute(uri: "/open311/v2/services.json"))
            #expect(services.count == 10 && services.contains { $0["service_code"] as? String == "repair" && $0["metadata"] as? Bool == true })
            let xml = try await client.execute(uri: "/open311/v2/services.xml")
            #expect(xml.headers[.contentType] == "text/xml; charset=utf-8")
            #expect(xml.text.hasPrefix(#"<?xml version="1.0" encoding="utf-8"?><services><service><service_code>payment</service_code>"#))
            let definition = try await client.execute(uri: "/open311/v2/services/repair.json")
            let attributes = try #require(definition.json["attributes"] as? [[String: Any]])
            #expect(attributes.first?["code"] as? String == "urgent" && attributes.first?["datatype"] as? String == "singlevaluelist")

            // A point 100 m east of the first compound's: it lands there, as a case of source open311.
            let point = compound.location
            let posted = try await post(client, "requests.json", [
                ("api_key", key), ("service_code", "hazard"), ("lat", GeoPoint(latitudeE6: point.latitudeE6, longitudeE6: 0).latitudeText),
                ("long", GeoPoint(latitudeE6: 0, longitudeE6: point.longitudeE6 + 1_100).longitudeText),
                ("description", "楼道堆放杂物 <堵塞> & 消防通道"), ("first_name", "明"), ("last_name", "王"), ("phone", "13912345678"),
                ("attribute[urgent]", "yes"), ("media_url", "https://example.org/photo.jpg"),
            ])
            #expect(posted.status == .ok)
            let id = try #require(list(posted).first?["service_request_id"] as? String)
            #expect((list(posted).first?["service_notice"] as? String)?.contains("办理时限") == true)
            let number = try #require(Int64(id))
            let stored = try #require(try await CaseQueries(database: database).find(id: number))
            #expect(stored.source == .open311 && stored.kind == .hazard && stored.urgent && stored.reporter.hasPrefix("王"))
            let compoundID = try await database.read { sql in
                try await sql.raw("SELECT id FROM compounds WHERE name = \(bind: compound.name) AND community_code = \(bind: compound.community.code.rawValue)")
                    .first()?.decode(column: "id", as: Int64.self)
            }
            #expect(stored.compoundID == compoundID)
            let audit = try await AuditLog(database: database).entries(targetType: "case", targetID: id, actorAccountID: nil, before: nil, limit: 5)
            #expect(audit.first?.actor == "open311:市民 App")

            // Read back, anonymously, in JSON and XML; the contact never shows.
            let one = list(try await client.execute(uri: "/open311/v2/requests/\(id).json"))
            #expect(one.count == 1 && one[0]["status"] as? String == "open" && one[0]["service_code"] as? String == "hazard")
            #expect(one[0]["media_url"] as? String == "https://example.org/photo.jpg" && one[0]["address_id"] as? String == String(compoundID ?? 0))
            #expect((one[0]["expected_datetime"] as? String)?.hasSuffix("+08:00") == true)
            #expect(one[0]["lat"] as? Double == Double(point.latitudeText))
            let oneXML = try await client.execute(uri: "/open311/v2/requests/\(id).xml")
            #expect(oneXML.text.contains("<description>楼道堆放杂物 &lt;堵塞&gt; &amp; 消防通道</description>"))
            #expect(oneXML.text.contains("<zipcode/>") && !oneXML.text.contains("13912345678"))
        }
    }

    @Test func refusalsComeAsGeoReportErrorsNamingTheField() async throws {
        try await withDemoApp { client, database in
            let (key, compound) = try await setUp(database)
            let noKey = try await post(client, "requests.json", [("service_code", "repair"), ("address_id", "1")])
            #expect(noKey.status == .forbidden && list(noKey).first?["code"] as? Int == 403)
            let noService = try await post(client, "requests.json", [("api_key", key), ("address_id", "1")])
            #expect(noService.status == .badRequest && (list(noService).first?["description"] as? String)?.contains("service_code") == true)
            let badLatitude = try await post(client, "requests.xml", [("api_key", key), ("service_code", "repair"), ("lat", "91"), ("long", "120")])
            #expect(badLatitude.status == .badRequest && badLatitude.text.contains("<code>400</code><description>lat:"))
            let nowhere = try await post(client, "requests.json", [("api_key", key), ("service_code", "repair"), ("lat", "39.9"), ("long", "116.4")])
            #expect(nowhere.status == .badRequest && (list(nowhere).first?["description"] as? String)?.contains("1 km") == true)
            let badPhone = try await post(client, "requests.json", [("api_key", key), ("service_code", "repair"), ("address_id", "1"), ("phone", "12")])
            #expect(badPhone.status == .badRequest && (list(badPhone).first?["description"] as? String)?.hasPrefix("phone:") == true)
            let unknownJurisdiction = try await client.execute(uri: "/open311/v2/services.json?jurisdiction_id=110101")
            #expect(unknownJurisdiction.status == .notFound)
            let noFormat = try await client.execute(uri: "/open311/v2/services")
            #expect(noFormat.status == .notFound)
            #expect(try await database.count("cases") == 0)

            // A key for another district may not report in this one; a revoked key reports nowhere.
            let districts = DemoCity(scale: .small).compounds.map(\.district.code)
            let other = try #require(districts.first { $0 != compound.district.code })
            let keys = Open311Keys(database: database)
            let elsewhere = try await keys.create(name: "外区", division: other, by: .command("test"))
            let outside = try await post(client, "requests.json", [("api_key", elsewhere.key), ("service_code", "repair"), ("address_id", "1")])
            #expect(outside.status == .badRequest && (list(outside).first?["description"] as? String)?.hasPrefix("address_id:") == true)
            try await keys.revoke(id: elsewhere.id, within: nil, by: .command("test"))
            let revoked = try await post(client, "requests.json", [("api_key", elsewhere.key), ("service_code", "repair"), ("address_id", "1")])
            #expect(revoked.status == .forbidden)
            #expect(try await database.count("cases") == 0)
        }
    }

    @Test func requestsAreFilteredAsTheSpecificationSays() async throws {
        try await withDemoApp { client, database in
            let (key, compound) = try await setUp(database)
            // By the compound's name in the address, and by its id.
            let byName = try await post(client, "requests.json", [("api_key", key), ("service_code", "repair"),
                                                                  ("address_string", "青岛市\(compound.name)3号楼门口"), ("description", "路灯不亮")])
            #expect(byName.status == .ok)
            let byID = try await post(client, "requests.json", [("api_key", key), ("service_code", "environment"), ("address_id", "1")])
            #expect(byID.status == .ok)
            let first = try #require(list(byName).first?["service_request_id"] as? String)
            let second = try #require(list(byID).first?["service_request_id"] as? String)
            // Without a description the service's name stands for it.
            let secondNumber = try #require(Int64(second))
            #expect(try await CaseQueries(database: database).find(id: secondNumber)?.description == "环境卫生")
            // A case reported another way is not public, but a key holder reads it.
            let owner = try await CaseStore(database: database).report(.init(kind: .repair, source: .hotline, description: "私事", compoundID: 1),
                                                                         reporter: nil, by: .command("test"))

            let all = list(try await client.execute(uri: "/open311/v2/requests.json"))
            #expect(Set(all.compactMap { $0["service_request_id"] as? String }) == [first, second])
            let repairs = list(try await client.execute(uri: "/open311/v2/requests.json?service_code=repair,hazard"))
            #expect(repairs.map { $0["service_request_id"] as? String } == [first])
            let picked = list(try await client.execute(uri: "/open311/v2/requests.json?service_request_id=\(second),\(owner)"))
            #expect(picked.map { $0["service_request_id"] as? String } == [second])
            let withKey = list(try await client.execute(uri: "/open311/v2/requests.json?api_key=\(key)&service_request_id=\(owner)"))
            #expect(withKey.first?["description"] as? String == "私事")
            #expect(try await client.execute(uri: "/open311/v2/requests/\(owner).json").status == .notFound)
            let closed = list(try await client.execute(uri: "/open311/v2/requests.json?status=closed"))
            #expect(closed.isEmpty)
            let old = list(try await client.execute(uri: "/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-03-01T00:00:00Z"))
            #expect(old.isEmpty)
            let tooLong = try await client.execute(uri: "/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z")
            #expect(tooLong.status == .badRequest && (list(tooLong).first?["description"] as? String)?.contains("90 days") == true)
            let badStatus = try await client.execute(uri: "/open311/v2/requests.json?status=pending")
            #expect(badStatus.status == .badRequest)
        }
    }

    @Test func districtOfficesIssueAndRevokeKeysOnThePage() async throws {
        try await withDemoApp { office, database in
            try await office.signIn(.district)
            let empty = try await office.post("/open311/keys", ["name": " "])
            #expect(empty.status == .unprocessableContent && empty.text.contains("客户端名称"))
            let page = try await office.execute(uri: "/open311/keys")
            let division = try #require(page.text.firstMatch(of: /<option value="(\d+)">/)?.1)
            let issued = try await office.post("/open311/keys", ["name": "区 12345 热线", "division": String(division)])
            let key = try #require(issued.text.firstMatch(of: /id="issued-key">(o311_[A-Za-z0-9_-]+)</)?.1)
            #expect(try await Open311Keys(database: database).resolve(String(key))?.division?.rawValue == String(division))
            let everywhere = try await office.post("/open311/keys", ["name": "全平台", "division": ""])
            #expect(everywhere.status == .unprocessableContent)
            let id = try #require(try await Open311Keys(database: database).list(within: nil).first?.id)
            let revoked = try await office.post("/open311/keys/\(id)/revoke", [:])
            #expect(revoked.status == .seeOther)
            #expect(try await Open311Keys(database: database).resolve(String(key)) == nil)

            let owner = Browser(office.client)
            try await owner.signIn(.owner)
            #expect(try await owner.execute(uri: "/open311/keys").status == .forbidden)
        }
    }
}
