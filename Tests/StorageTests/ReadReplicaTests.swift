import Foundation
import SQLKit
import Storage
import Testing

/// Reads that may lag go to a PostgreSQL streaming replica while it is within its bound, and to the
/// primary when it is not; writes never go to it. Runs when `WUYE_TEST_REPLICA_URL` names a
/// streaming replica of the `WUYE_TEST_POSTGRES_URL` server (scripts/test starts one).
struct ReadReplicaTests {
    static var replicaServer: DatabaseURL? {
        ProcessInfo.processInfo.environment["WUYE_TEST_REPLICA_URL"].flatMap { try? DatabaseURL($0) }
    }

    /// A new database on the primary, opened with the replica's copy of it.
    private func openWithReplica(maxLag: Double) async throws -> (WuyeDatabase, DatabaseURL) {
        let primary = try await TestBackend.postgres.open()
        guard case .postgres(_, _, _, _, let name) = primary.url,
              case .postgres(let host, let port, let username, let password, _)? = Self.replicaServer else {
            throw DatabaseURLNotPostgres()
        }
        let replica = DatabaseURL.postgres(host: host, port: port, username: username, password: password, database: name)
        let url = primary.url
        await primary.shutdown()
        return (try await WuyeDatabase.open(url, replica: replica, maxReplicaLagSeconds: maxLag), replica)
    }

    private func inRecovery(_ sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT pg_is_in_recovery() AS r").first()?.decode(column: "r", as: Bool.self) ?? false
    }

    private func homes(_ sql: any SQLDatabase) async throws -> Int64 {
        try await sql.raw("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM homes").first()?.decode(column: "n", as: Int64.self) ?? -1
    }

    @Test(.enabled(if: replicaServer != nil && TestBackend.available.contains(.postgres)))
    func lagTolerantReadsUseTheReplicaWithinItsBoundAndWritesNever() async throws {
        let (db, replicaURL) = try await openWithReplica(maxLag: 1)
        defer { Task { await db.shutdown() } }
        try await db.importGoodRegistry()
        #expect(try await db.write { try await inRecovery($0) } == false)

        // The replica catches up within moments; from then on it answers, with what was written.
        var fromReplica = false, seen: Int64 = 0
        for _ in 0..<100 where !fromReplica || seen != 3 {
            (fromReplica, seen) = try await db.readAllowingLag { sql in (try await inRecovery(sql), try await homes(sql)) }
            if !fromReplica || seen != 3 { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(fromReplica && seen == 3)
        #expect((db.replicaAnswers?.replica ?? 0) >= 1)

        // Replay paused on the replica and the primary writes on: once the replica is more than the
        // bound behind, the primary answers, with the new rows.
        let replica = try await WuyeDatabase.open(replicaURL, migrate: false)
        defer { Task { await replica.shutdown() } }
        try await replica.read { sql in try await sql.raw("SELECT pg_wal_replay_pause()").run() }
        do {
            try await db.write { sql in
                try await sql.raw("DELETE FROM ownerships WHERE home_id IN (SELECT id FROM homes WHERE number = '201')").run()
                try await sql.raw("DELETE FROM homes WHERE number = '201'").run()
            }
            try await Task.sleep(for: .milliseconds(1_600))
            let primaryBefore = db.replicaAnswers?.primary ?? 0
            let (answeredByReplica, count) = try await db.readAllowingLag { sql in (try await inRecovery(sql), try await homes(sql)) }
            #expect(!answeredByReplica && count == 2)
            #expect((db.replicaAnswers?.primary ?? 0) == primaryBefore + 1)
        } catch {
            try? await replica.read { sql in try await sql.raw("SELECT pg_wal_replay_resume()").run() }
            throw error
        }
        try await replica.read { sql in try await sql.raw("SELECT pg_wal_replay_resume()").run() }
    }
}
