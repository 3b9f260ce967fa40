import Foundation
import SQLKit

/// A PostgreSQL streaming replica that answers the reads which may be a little behind — the
/// dashboard's figures and lists people browse — so the primary keeps its time for writes.
///
/// Each such read first asks the replica, on the connection it will use, how far behind it is:
/// it must be streaming from the primary, and either have replayed everything it received or
/// have replayed a transaction no more than `maxLagSeconds` ago. Otherwise (lagging, replay
/// paused, cut off from the primary, or not answering) the read goes to the primary. Writes never
/// come here: `WuyeDatabase.write` uses the primary's pool only.
final class ReadReplica: Sendable {
    let pool: ConnectionPool
    let maxLagSeconds: Double
    private let counts = Counts()

    init(pool: ConnectionPool, maxLagSeconds: Double) {
        self.pool = pool
        self.maxLagSeconds = maxLagSeconds
    }

    /// Runs `body` on the replica if it is within the bound; nil when the primary must answer.
    func read<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T? {
        guard let connection = try? await pool.acquire() else { return passedOver() }
        let lag: Double?
        do {
            lag = try await connection.sql.raw("""
                SELECT CASE
                    WHEN NOT pg_is_in_recovery() THEN NULL
                    WHEN (SELECT status FROM pg_stat_wal_receiver) IS DISTINCT FROM 'streaming' THEN NULL
                    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                    ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END::float8 AS lag
                """).first()?.decode(column: "lag", as: Double?.self)
        } catch {
            await pool.discard(connection)
            return passedOver()
        }
        guard let lag, lag <= maxLagSeconds else {
            await pool.release(connection)
            return passedOver()
        }
        do {
            let result = try await body(connection.sql)
            await pool.release(connection)
            counts.replica()
            return result
        } catch {
            await pool.release(connection)
            throw error
        }
    }

    private func passedOver<T>() -> T? {
        counts.primary()
        return nil
    }

    /// Reads answered by the replica and by the primary in its stead, for `/metrics`.
    var answered: (replica: Int, primary: Int) { counts.snapshot }

    private final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private var byReplica = 0
        private var byPrimary = 0
        func replica() { lock.withLock { byReplica += 1 } }
        func primary() { lock.withLock { byPrimary += 1 } }
        var snapshot: (replica: Int, primary: Int) { lock.withLock { (byReplica, byPrimary) } }
    }
}
