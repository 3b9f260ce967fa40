import Foundation
import SQLKit
@testable import Storage
import Testing

/// `BulkInsert` with rows given value by value: on SQLite's writer straight into prepared
/// statements (`SQLiteDirect`), on PostgreSQL as multi-row statements through SQLKit.
@Suite(.serialized)
struct BulkInsertTests {
    private struct Owner: Equatable {
        var id: Int64
        var idNumber: String
        var name: String
        var phone: String?
    }

    private func owners(_ db: WuyeDatabase) async throws -> [Owner] {
        try await db.read { sql in
            try await sql.raw("SELECT id, id_number, name, phone FROM owners ORDER BY id").all().map {
                Owner(id: try $0.decode(column: "id", as: Int64.self),
                      idNumber: try $0.decode(column: "id_number", as: String.self),
                      name: try $0.decode(column: "name", as: String.self),
                      phone: try $0.decode(column: "phone", as: String?.self))
            }
        }
    }

    private func ownerTable(_ owners: [Owner]) -> BulkTable {
        BulkTable(table: "owners", columns: ["id", "kind", "id_number", "name", "phone"], count: owners.count) { index, row in
            let owner = owners[index]
            row.int(owner.id); row.text("person"); row.text(owner.idNumber); row.text(owner.name)
            row.optional(owner.phone)
        }
    }

    @Test(arguments: TestBackend.available)
    func everyTableIsWrittenInTheOrderGivenWithItsValues(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        // More rows than one SQLKit statement takes (30,000 parameters / 5 columns), with
        // multi-byte names, long names that are not stored inline, and missing phones.
        let people = (1...6_500).map { (number: Int) -> Owner in
            let name: String = number % 3 == 0 ? "欧阳\(number)号业主的名字足够长不放在字符串里" : "张\(number)"
            let phone: String? = number % 4 == 0 ? nil : "139" + String(format: "%08d", number)
            return Owner(id: Int64(number), idNumber: String(format: "ID%016d", number), name: name, phone: phone)
        }
        try await db.bulkWrite { sql in
            try await BulkInsert.insert(sql, [
                BulkTable(table: "divisions", columns: ["code", "level", "name", "parent_code"], count: 2) { index, row in
                    row.text(index == 0 ? "370200" : "370202"); row.text(index == 0 ? "city" : "district")
                    row.text(index == 0 ? "青岛市" : "市南区")
                    if index == 0 { row.null() } else { row.text("370200") }
                },
                ownerTable(people),
                BulkTable(table: "divisions", columns: ["code", "level", "name", "parent_code"], count: 0) { _, _ in
                    Issue.record("a table without rows is not asked for any")
                },
            ])
        }
        #expect(try await owners(db) == people)
        let parents = try await db.read { sql in
            try await sql.raw("SELECT code, parent_code FROM divisions ORDER BY code").all().map {
                [try $0.decode(column: "code", as: String.self), try $0.decode(column: "parent_code", as: String?.self)]
            }
        }
        #expect(parents == [["370200", nil], ["370202", "370200"]])
    }

    @Test(arguments: TestBackend.available)
    func aRowTheDatabaseRefusesFailsTheInsertAndItsTransactionWritesNothing(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        let first = Owner(id: 1, idNumber: "ID1", name: "张一", phone: nil)
        await #expect(throws: (any Error).self) {
            try await db.bulkWrite { sql in
                // The third row repeats the first one's ID number, which `owners` keeps unique.
                try await BulkInsert.insert(sql, [ownerTable([
                    first, Owner(id: 2, idNumber: "ID2", name: "张二", phone: nil),
                    Owner(id: 3, idNumber: "ID1", name: "张三", phone: nil),
                ])])
            }
        }
        #expect(try await db.count("owners") == 0)
        // The connection is fine afterwards.
        try await db.bulkWrite { sql in try await BulkInsert.insert(sql, [ownerTable([first])]) }
        #expect(try await owners(db) == [first])
    }
}
