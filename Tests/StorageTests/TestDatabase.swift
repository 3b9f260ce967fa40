import Foundation
import Logging
import SQLKit
import Storage

/// The databases a storage test runs on: SQLite always, PostgreSQL when
/// `WUYE_TEST_POSTGRES_URL` names one (CI starts a real server and sets it).
enum TestBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var available: [TestBackend] {
        ProcessInfo.processInfo.environment["WUYE_TEST_POSTGRES_URL"] == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }

    /// A new, empty, migrated database.
    func open() async throws -> WuyeDatabase {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("wuye-test-\(UUID().uuidString).sqlite").path
            return try await WuyeDatabase.open(.sqlite(path: path))
        case .postgres:
            // Each test gets a database of its own, so suites run in parallel as on SQLite.
            let server = try DatabaseURL(ProcessInfo.processInfo.environment["WUYE_TEST_POSTGRES_URL"] ?? "")
            guard case .postgres(let host, let port, let username, let password, _) = server else {
                throw DatabaseURLNotPostgres()
            }
            let name = "wuye_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            let bare = try await WuyeDatabase.open(server, migrate: false)
            try await bare.read { sql in try await sql.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            await bare.shutdown()
            let url = DatabaseURL.postgres(host: host, port: port, username: username, password: password, database: name)
            return try await WuyeDatabase.open(url)
        }
    }
}

import Testing

extension WuyeDatabase {
    func count(_ table: String) async throws -> Int64 {
        try await read { sql in
            try await sql.raw("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM \(unsafeRaw: table)").first()?
                .decode(column: "n", as: Int64.self) ?? -1
        }
    }
}

struct DatabaseURLNotPostgres: Error {}

/// Runs `body` with the path of a temporary registry CSV holding `lines`, removed afterwards.
func withRegistryFile<T>(_ lines: [String], _ body: (String) async throws -> T) async throws -> T {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("registry-\(UUID().uuidString).csv").path
    try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

let registryHeader = "district_code,district_name,subdistrict_code,subdistrict_name,community_code,community_name,compound_name,compound_type,building,unit,home,area_m2,owner_name,owner_id_number,owner_phone,delivered"

/// A small valid registry: two homes of 海逸花园, one co-owned, and a developer-held home.
let goodRegistry = [
    registryHeader,
    "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,海逸花园,closed,1号楼,1单元,101,89.37,张三,370202199001011237,13812345678,yes",
    "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,海逸花园,closed,1,1,101,89.37,李四,11010519491231002X,,yes",
    "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,海逸花园,closed,1,2,201,120.00,张三,370202199001011237,13812345678,yes",
    "370202,市南区,370202001,香港中路街道,370202001001,海逸社区,海逸花园,closed,2,1,101,75.5,,,,否",
]
