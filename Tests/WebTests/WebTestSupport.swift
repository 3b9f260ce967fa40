import Access
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Registry
import Storage
import Web
import WuyeCore

/// The demo's accounts by what they are (mobile numbers from `DemoAccounts`).
enum DemoLogin: String, CaseIterable, Sendable {
    case owner = "13900000000", committeeChair = "13900000001", committeeMember = "13900000002", companyAdministrator = "13900000003"
    case companyManager = "13900000004", steward = "13900000005", gridWorker = "13900000006"
    case stewardAndGridWorker = "13900000007", community = "13900000008", subdistrict = "13900000009"
    case districtHousing = "13900000010", district = "13900000011", city = "13900000012", platform = "13900000013"
}

/// Records the messages the platform would send, so a test can read a one-time code.
final class RecordingGateway: MessageGateway, @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [(mobile: String, text: String)] = []

    func send(to mobile: String, text: String) async throws {
        lock.withLock { sent.append((mobile, text)) }
    }

    func lastCode(to mobile: String) -> String? {
        lock.withLock { sent.last { $0.mobile == mobile } }.flatMap { message in
            message.text.firstMatch(of: /\d{6}/).map { String($0.output) }
        }
    }
}

/// An application over a fresh SQLite database with the small demo city and its accounts. bcrypt
/// runs at cost 4 here: the same algorithm, fewer rounds, so a suite of sign-ins stays quick.
func withDemoApp(gateway: RecordingGateway = RecordingGateway(), clock: any WuyeClock = SystemClock(),
                 overHTTP: Bool = false, configure: (inout WebConfiguration) -> Void = { _ in },
                 _ body: @escaping @Sendable (Browser, WuyeDatabase) async throws -> Void) async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wuye-web-\(UUID().uuidString).sqlite").path
    let database = try await WuyeDatabase.open(.sqlite(path: path))
    _ = try await DemoLoader.load(DemoCity(scale: .small), into: database)
    try await DemoAccounts.create(in: database, hasher: testHasher, clock: clock)
    var configuration = WebConfiguration(hasher: testHasher, gateway: gateway, clock: clock)
    configure(&configuration)
    let app = Application(router: try await buildRouter(database: database, configuration: configuration))
    do {
        // Over HTTP on loopback when a test needs the peer's address; otherwise straight into the router.
        try await app.test(overHTTP ? .live : .router) { client in try await body(Browser(client), database) }
    } catch {
        await database.shutdown()
        throw error
    }
    await database.shutdown()
}

let testHasher = PasswordHasher(cost: 4)

/// A test client that keeps cookies and the last CSRF token it saw, as a browser would.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    private let lock = NSLock()
    private var cookies: [String: String] = [:]
    private var lastCSRF = ""

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    var csrf: String { lock.withLock { lastCSRF } }
    func cookie(_ name: String) -> String? { lock.withLock { cookies[name] } }
    func setCookie(_ name: String, _ value: String?) { lock.withLock { cookies[name] = value } }

    @discardableResult
    func execute(uri: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:],
                 body: ByteBuffer? = nil) async throws -> TestResponse {
        var headers = headers
        let cookieHeader = lock.withLock { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if !cookieHeader.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        lock.withLock {
            for field in response.headers where field.name == .setCookie {
                let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
                let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
                cookies[name] = field.value.contains("Max-Age=0") || value.isEmpty ? nil : value
            }
            if let match = String(buffer: response.body).firstMatch(of: /name="_csrf" value="([^"]*)"/) {
                lastCSRF = String(match.output.1)
            }
        }
        return response
    }

    /// Posts a form with the CSRF token last seen (unless `csrf` says otherwise).
    @discardableResult
    func post(_ uri: String, _ fields: [String: String], csrf: String? = nil) async throws -> TestResponse {
        var all = fields
        all["_csrf"] = csrf ?? self.csrf
        let body = all.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                 body: ByteBuffer(string: body))
    }

    /// A file a form uploads.
    struct Upload {
        let field: String
        let filename: String
        let contentType: String
        let bytes: [UInt8]
    }

    /// Posts a multipart form, as a phone's browser posts a form with a file, with the CSRF token
    /// last seen.
    @discardableResult
    func postMultipart(_ uri: String, _ fields: [String: String], files: [Upload]) async throws -> TestResponse {
        let boundary = "----wuye\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields.merging(["_csrf": csrf], uniquingKeysWith: { $1 }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\n")
            body.writeString("Content-Type: \(file.contentType)\r\n\r\n")
            body.writeBytes(file.bytes)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        return try await execute(uri: uri, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
    }

    /// Signs in through the sign-in page, as a person would.
    @discardableResult
    func signIn(_ mobile: String, password: String = DemoAccounts.password) async throws -> TestResponse {
        try await execute(uri: "/login")
        let response = try await post("/login", ["mobile": mobile, "password": password, "next": "/"])
        if response.status == .seeOther { try await execute(uri: "/account") }  // picks up the session's CSRF token
        return response
    }

    func signIn(_ login: DemoLogin) async throws {
        let response = try await signIn(login.rawValue)
        precondition(response.status == .seeOther, "demo sign-in failed for \(login)")
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}

extension TestResponse {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}

import SQLKit

extension WuyeDatabase {
    func count(_ table: String) async throws -> Int64 {
        try await read { sql in
            try await sql.raw("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM \(unsafeRaw: table)").first()?
                .decode(column: "n", as: Int64.self) ?? -1
        }
    }
}
