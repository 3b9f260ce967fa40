import Foundation
import SQLKit
import Storage
import Testing

extension WuyeDatabase {
    /// What someone with the database's own password could do first: drop the append-only guard.
    func dropAuditGuard() async throws {
        try await write { sql in
            if dialect == .sqlite {
                try await sql.raw("DROP TRIGGER audit_log_no_update").run()
                try await sql.raw("DROP TRIGGER audit_log_no_delete").run()
            } else {
                try await sql.raw("DROP TRIGGER audit_log_no_change ON audit_log").run()
            }
        }
    }
}

@Suite(.serialized)
struct AuditLogTests {
    private func threeEntries(_ db: WuyeDatabase) async throws {
        for index in 1...3 {
            try await db.write { sql in
                try await AuditLog.append(AuditChange(action: "test.write", targetType: "thing", targetID: String(index),
                                                      before: ["v": String(index - 1)], after: ["v": String(index)]),
                                          by: AuditActor(accountID: 7, label: "测试", requestID: "r\(index)"), at: Date(), sql: sql)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func anUntouchedChainVerifies(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        try await threeEntries(db)
        let result = try await AuditLog(database: db).verify()
        #expect(result == AuditVerification(entries: 3, firstFault: nil))
        let newest = try await AuditLog(database: db).entries(targetType: "thing", targetID: "2")
        #expect(newest.map(\.seq) == [2])
        #expect(newest.first?.after == #"{"v":"2"}"#)
        #expect(newest.first?.prevHash == (try await AuditLog(database: db).entries(targetID: "1")).first?.hash)
    }

    @Test(arguments: TestBackend.available)
    func theDatabaseItselfRefusesToChangeOrDeleteEntries(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        try await threeEntries(db)
        await #expect(throws: (any Error).self) {
            try await db.write { sql in try await sql.raw("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run() }
        }
        await #expect(throws: (any Error).self) {
            try await db.write { sql in try await sql.raw("DELETE FROM audit_log WHERE seq = 3").run() }
        }
        #expect(try await AuditLog(database: db).verify() == AuditVerification(entries: 3, firstFault: nil))
    }

    @Test(arguments: TestBackend.available)
    func aHandEditedEntryIsNamed(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        try await threeEntries(db)
        try await db.dropAuditGuard()
        try await db.write { sql in try await sql.raw("UPDATE audit_log SET after_json = '{\"v\":\"9\"}' WHERE seq = 2").run() }
        let fault = try #require(try await AuditLog(database: db).verify().firstFault)
        #expect(fault.seq == 2)
        #expect(fault.kind == .edited)
    }

    @Test(arguments: TestBackend.available)
    func aDeletedEntryIsNamed(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        try await threeEntries(db)
        try await db.dropAuditGuard()
        try await db.write { sql in try await sql.raw("DELETE FROM audit_log WHERE seq = 2").run() }
        let fault = try #require(try await AuditLog(database: db).verify().firstFault)
        #expect(fault == AuditFault(seq: 2, kind: .deleted, detail: fault.detail))
    }

    @Test(arguments: TestBackend.available)
    func aDeletedTailIsCaughtByTheHead(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        try await threeEntries(db)
        try await db.dropAuditGuard()
        try await db.write { sql in try await sql.raw("DELETE FROM audit_log WHERE seq = 3").run() }
        let fault = try #require(try await AuditLog(database: db).verify().firstFault)
        #expect(fault.seq == 3)
        #expect(fault.kind == .deleted)
    }

    @Test(arguments: TestBackend.available)
    func anInsertedEntryIsNamed(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        try await threeEntries(db)
        // A forged entry with a correct-looking hash, added behind the platform's back.
        let last = try #require(try await AuditLog(database: db).entries(limit: 1).first)
        let hash = AuditEntry.hash(seq: 4, at: last.at, actorAccountID: nil, actor: "x", action: "forged", targetType: "t",
                                   targetID: "1", before: nil, after: nil, requestID: nil, prevHash: last.hash)
        try await db.write { sql in
            try await sql.raw("""
                INSERT INTO audit_log (seq, at, actor, action, target_type, target_id, prev_hash, hash)
                VALUES (4, \(bind: last.at), 'x', 'forged', 't', '1', \(bind: last.hash), \(bind: hash))
                """).run()
        }
        let fault = try #require(try await AuditLog(database: db).verify().firstFault)
        #expect(fault.seq == 4)
        #expect(fault.kind == .inserted)
    }

    @Test(arguments: TestBackend.available)
    func concurrentWritersChainOneAfterAnother(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<40 {
                group.addTask { () async throws -> Void in
                    _ = try await db.write { sql in
                        try await AuditLog.append(AuditChange(action: "test.concurrent", targetType: "t", targetID: String(index)),
                                                  by: .command("test"), at: Date(), sql: sql)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await AuditLog(database: db).verify() == AuditVerification(entries: 40, firstFault: nil))
    }
}
