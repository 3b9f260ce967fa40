import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import Web
import WuyeCore

/// A case end to end over the pages and the API: an owner reports from the phone form with a
/// photo, the steward works it to closure, the owner rates it; bad input is named by its field.
struct CaseFlowTests {
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 7, count: 200)

    /// A multipart form as a phone's browser posts it, with one photo.
    func multipart(_ browser: Browser, _ fields: [String: String], photo: [UInt8]?) async throws -> TestResponse {
        try await browser.postMultipart("/cases", fields, files: photo.map { [.init(field: "photos", filename: "IMG_0001.jpg", contentType: "image/jpeg", bytes: $0)] } ?? [])
    }

    @Test func anUploadCutOffInTransitIsRefusedAndCreatesNothing() async throws {
        try await withDemoApp { owner, database in
            try await owner.signIn(.owner)
            let form = try await owner.execute(uri: "/cases/new")
            let compound = try #require(form.text.firstMatch(of: /name="compound_id" value="(\d+)"/)?.1)
            func part(_ name: String, _ value: String) -> String {
                "--XYZ\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
            }
            let whole = part("_csrf", owner.csrf) + part("compound_id", String(compound)) + part("kind", "repair")
                + part("description", "厨房水管漏水")
            // The photo's part and the closing delimiter never arrived: without the check the case
            // would be created without its photo.
            let cutOff = whole + "--XYZ\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n\u{FF}"
            for body in [cutOff, whole, "this is not multipart at all\r\n\r\n--"] {
                let refused = try await owner.execute(uri: "/cases", method: .post,
                                                      headers: [.contentType: "multipart/form-data; boundary=XYZ"], body: ByteBuffer(string: body))
                #expect(refused.status == .badRequest && refused.text.contains("上传不完整"))
            }
            #expect(try await database.count("cases") == 0)
            let complete = try await owner.execute(uri: "/cases", method: .post, headers: [.contentType: "multipart/form-data; boundary=XYZ"],
                                                   body: ByteBuffer(string: whole + "--XYZ--\r\n"))
            #expect(complete.status == .seeOther)
            #expect(try await database.count("cases") == 1)
        }
    }

    @Test func anOwnersPhoneReportReachesTheStewardAndEndsWithTheRating() async throws {
        try await withDemoApp { owner, database in
            try await owner.signIn(.owner)
            let form = try await owner.execute(uri: "/cases/new")
            #expect(form.status == .ok && form.text.contains("capture=\"environment\""))
            let home = try #require(form.text.firstMatch(of: /value="(home:\d+)"/)?.1)
            let compound = try #require(form.text.firstMatch(of: /name="compound_id" value="(\d+)"/)?.1)

            let noKind = try await multipart(owner, ["compound_id": String(compound), "place": String(home), "description": "漏水"], photo: Self.jpeg)
            #expect(noKind.status == .unprocessableContent && noKind.text.contains("请选择事项类别"))
            let badPhoto = try await multipart(owner, ["compound_id": String(compound), "place": String(home), "kind": "repair",
                                                       "description": "漏水"], photo: Array("<svg/>".utf8))
            #expect(badPhoto.status == .unprocessableContent && badPhoto.text.contains("JPEG"))
            #expect(try await database.count("cases") == 0)

            let reported = try await multipart(owner, ["compound_id": String(compound), "place": String(home), "kind": "repair",
                                                       "description": "厨房水管漏水"], photo: Self.jpeg)
            #expect(reported.status == .seeOther)
            let location = try #require(reported.headers[.location])
            let id = try #require(Int(location.split(separator: "/").last ?? ""))
            let page = try await owner.execute(uri: location)
            #expect(page.text.contains("厨房水管漏水") && page.text.contains("物业服务企业"))
            // Not rated yet: no rating line, and no absent value printed as "nil".
            #expect(!page.text.contains("case-rating") && !page.text.contains("nil"))
            let photo = try await owner.execute(uri: "/api/v1/cases/\(id)/photos/1")
            #expect(photo.status == .ok && photo.headers[.contentType] == "image/jpeg" && Array(buffer: photo.body) == Self.jpeg)

            let steward = Browser(owner.client)
            try await steward.signIn(.steward)
            let queue = try await steward.execute(uri: "/cases")
            #expect(queue.text.contains("/cases/\(id)"))
            for event in ["accept", "register", "dispatch", "start_handling", "report_back", "start_verifying", "close"] {
                let moved = try await steward.post("/cases/\(id)/events", ["event": event, "note": "已处理：\(event)"])
                #expect(moved.status == .seeOther, "\(event)")
            }
            let twice = try await steward.post("/cases/\(id)/events", ["event": "close", "note": "再结一次"])
            #expect(twice.status == .unprocessableContent)

            let rated = try await owner.post("/cases/\(id)/rating", ["stars": "5", "comment": "修得很好"])
            #expect(rated.status == .seeOther)
            let detail = try await owner.execute(uri: "/api/v1/cases/\(id)")
            let record = try #require(detail.json["case"] as? [String: Any])
            #expect(record["state"] as? String == "closed" && record["rating"] as? Int == 5 && record["closed_on_time"] as? Bool == true)
            #expect((detail.json["timeline"] as? [[String: Any]])?.count == 9)
        }
    }

    @Test func theAPINamesTheBadFieldAndKeepsCasesToTheirParties() async throws {
        try await withDemoApp { grid, database in
            try await grid.signIn(.gridWorker)
            let compound = try #require(try await DemoAccounts.plan(in: database).first { $0.portal == .owner }?.roles.first?.compoundID)
            func post(_ body: String) async throws -> TestResponse {
                try await grid.execute(uri: "/api/v1/cases", method: .post,
                                       headers: [.contentType: "application/json", HTTPField.Name("X-CSRF-Token")!: grid.csrf],
                                       body: ByteBuffer(string: body))
            }
            let missing = try await post(#"{"kind":"hazard","description":"x"}"#)
            #expect(missing.status == .badRequest && (missing.json["error"] as? [String: Any])?["field"] as? String == "compound_id")
            let wrongKind = try await post(#"{"kind":"repair","compound_id":\#(compound),"description":"x"}"#)
            #expect(wrongKind.status == .unprocessableContent && (wrongKind.json["error"] as? [String: Any])?["field"] as? String == "kind")
            let created = try await post(#"{"kind":"illegal_construction","compound_id":\#(compound),"description":"楼顶私搭彩钢房","urgent":true}"#)
            #expect(created.status == .created)
            let id = try #require(created.json["case_id"] as? Int)
            let record = try #require(try await grid.execute(uri: "/api/v1/cases/\(id)").json["case"] as? [String: Any])
            #expect(record["level"] as? String == "grid" && record["source"] as? String == "patrol" && record["urgent"] as? Bool == true)

            let owner = Browser(grid.client)
            try await owner.signIn(.owner)
            #expect(try await owner.execute(uri: "/api/v1/cases/\(id)").status == .notFound)
        }
    }
}
