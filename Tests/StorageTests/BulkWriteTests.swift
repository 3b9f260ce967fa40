import Foundation
import SQLKit
import Storage
import Testing

/// `bulkWrite` (the registry import's transaction) turns SQLite's foreign-key checks off for its
/// own transaction only; PostgreSQL keeps them.
@Suite(.serialized)
struct BulkWriteTests {
    private func foreignKeysEnforced(_ sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self) == 1
    }

    @Test func sqliteBulkWritesRunWithoutForeignKeyChecksAndTurnThemBackOn() async throws {
        let db = try await TestBackend.sqlite.open()
        defer { Task { await db.shutdown() } }
        #expect(try await db.bulkWrite { try await foreignKeysEnforced($0) } == false)
        #expect(try await db.write { try await foreignKeysEnforced($0) } == true)

        // What the checks would have refused goes in, and `foreign_key_check` (which the import
        // tests run after every SQLite import) finds it; the failure rolls it back.
        struct Failed: Error {}
        await #expect(throws: Failed.self) {
            try await db.bulkWrite { sql in
                try await sql.raw("""
                    INSERT INTO homes (id, compound_id, building_id, unit_id, number, area_centi, delivered)
                    VALUES (1, 1, 1, 1, '101', 100, 1)
                    """).run()
                #expect(try await sql.raw("PRAGMA foreign_key_check").all().count == 3)
                throw Failed()
            }
        }
        #expect(try await db.count("homes") == 0)
        #expect(try await db.write { try await foreignKeysEnforced($0) } == true)
        // An ordinary write still refuses a home in a unit that does not exist.
        await #expect(throws: (any Error).self) {
            try await db.write { sql in
                try await sql.raw("""
                    INSERT INTO homes (id, compound_id, building_id, unit_id, number, area_centi, delivered)
                    VALUES (1, 1, 1, 1, '101', 100, 1)
                    """).run()
            }
        }
    }

    @Test(arguments: TestBackend.available.filter { $0 == .postgres })
    func postgresBulkWritesKeepTheirForeignKeyChecks(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        await #expect(throws: (any Error).self) {
            try await db.bulkWrite { sql in
                try await sql.raw("""
                    INSERT INTO homes (id, compound_id, building_id, unit_id, number, area_centi, delivered)
                    VALUES (1, 1, 1, 1, '101', 100, true)
                    """).run()
            }
        }
        #expect(try await db.count("homes") == 0)
    }
}
