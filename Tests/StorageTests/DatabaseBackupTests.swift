import Foundation
import SQLKit
import Storage
import Testing

/// `wuye backup` while the platform writes, and `wuye restore` of that copy: everything committed
/// before the backup began is in it, the audit chain of the copy verifies, and a restore never
/// writes into a database that already holds data.
struct DatabaseBackupTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        private var stopped = false
        func add() { lock.withLock { value += 1 } }
        func stop() { lock.withLock { stopped = true } }
        var count: Int { lock.withLock { value } }
        var isStopped: Bool { lock.withLock { stopped } }
    }

    /// An empty place to restore into: a SQLite path not yet created, or a new PostgreSQL database.
    private func emptyTarget(like source: WuyeDatabase) async throws -> DatabaseURL {
        switch source.url {
        case .sqlite:
            return .sqlite(path: FileManager.default.temporaryDirectory.appendingPathComponent("wuye-restore-\(UUID().uuidString).sqlite").path)
        case .postgres(let host, let port, let username, let password, _):
            let name = "wuye_restore_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await source.read { sql in try await sql.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            return .postgres(host: host, port: port, username: username, password: password, database: name)
        }
    }

    private func entries(_ action: String, in database: WuyeDatabase) async throws -> Int64 {
        try await database.read { sql in
            try await sql.raw("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM audit_log WHERE action = \(bind: action)").first()?
                .decode(column: "n", as: Int64.self) ?? -1
        }
    }

    @Test(arguments: TestBackend.available)
    func aBackupTakenWhileWritingRestoresWholeWithItsChainIntact(backend: TestBackend) async throws {
        let db = try await backend.open()
        defer { Task { await db.shutdown() } }
        try await db.importGoodRegistry()
        let committed = Counter()
        let writer = Task {
            while !committed.isStopped {
                try await db.write { sql in
                    _ = try await AuditLog.append(AuditChange(action: "test.write", targetType: "test", targetID: "\(committed.count)"),
                                                  by: .command("test"), at: Date(), sql: sql)
                }
                committed.add()
            }
        }
        while committed.count < 20 { try await Task.sleep(for: .milliseconds(2)) }
        let before = committed.count
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wuye-backup-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let bytes = try await DatabaseBackup.backup(db, to: file, by: .command("backup"))
        let during = committed.count
        committed.stop()
        try await writer.value
        #expect(bytes > 0)
        #expect(during > before, "the writer kept committing while the backup ran")

        let target = try await emptyTarget(like: db)
        let verification = try await DatabaseBackup.restore(from: file, into: target, by: .command("restore"))
        #expect(verification.firstFault == nil)
        let restored = try await WuyeDatabase.open(target)
        let copied = try await entries("test.write", in: restored)
        #expect(copied >= Int64(before) && copied <= Int64(committed.count))
        #expect(try await restored.count("homes") == 3)
        #expect(try await entries("database.restore", in: restored) == 1)
        #expect(try await entries("database.backup", in: db) == 1)
        #expect(try await AuditLog(database: restored).verify().firstFault == nil)
        await restored.shutdown()

        // Into a database that holds data, and over an existing file: refused, nothing changed.
        await #expect(throws: DatabaseBackup.Failure.self) {
            _ = try await DatabaseBackup.restore(from: file, into: target, by: .command("restore"))
        }
        await #expect(throws: DatabaseBackup.Failure.self) {
            try await DatabaseBackup.backup(db, to: file, by: .command("backup"))
        }
        let again = try await WuyeDatabase.open(target)
        #expect(try await entries("test.write", in: again) == copied)
        await again.shutdown()
    }

    @Test func aFileThatIsNotABackupIsRefusedAndLeavesNoDatabaseBehind() async throws {
        let junk = FileManager.default.temporaryDirectory.appendingPathComponent("wuye-junk-\(UUID().uuidString)").path
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: junk))
        defer { try? FileManager.default.removeItem(atPath: junk) }
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("wuye-restore-\(UUID().uuidString).sqlite").path
        await #expect(throws: (any Error).self) {
            _ = try await DatabaseBackup.restore(from: junk, into: .sqlite(path: target), by: .command("restore"))
        }
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(!FileManager.default.fileExists(atPath: target + ".restoring"))
    }
}
