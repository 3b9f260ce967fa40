import SQLKit
import WuyeCore

/// A connection the pool hands out: SQLKit over one SQLite or PostgreSQL connection.
protocol PooledConnection: Sendable {
    var sql: any SQLDatabase { get }
    func close() async
}

/// A small fair pool: at most `maximum` connections, waiters served in order. Written here
/// rather than borrowed so that SQLite and PostgreSQL connections are pooled the same way.
actor ConnectionPool {
    private let maximum: Int
    private let open: @Sendable () async throws -> any PooledConnection
    private var idle: [any PooledConnection] = []
    private var opened = 0
    private var waiters: [CheckedContinuation<any PooledConnection, any Error>] = []
    private var closed = false
    private var waited = 0
    private var waitedSeconds = 0.0

    init(maximum: Int, open: @escaping @Sendable () async throws -> any PooledConnection) {
        self.maximum = maximum
        self.open = open
    }

    func acquire() async throws -> any PooledConnection {
        if closed { throw DatabaseUnavailable() }
        if let connection = idle.popLast() { return connection }
        if opened < maximum {
            opened += 1
            do {
                return try await open()
            } catch {
                opened -= 1
                throw error
            }
        }
        let start = ContinuousClock.now
        defer {
            waited += 1
            waitedSeconds += (ContinuousClock.now - start).inSeconds
        }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    /// For `/metrics`: how full the pool is and how long callers have queued for it.
    func usage() -> PoolUsage {
        PoolUsage(maximum: maximum, open: opened, idle: idle.count, waiting: waiters.count,
                  waitedTotal: waited, waitedSecondsTotal: waitedSeconds)
    }

    func release(_ connection: any PooledConnection) async {
        if closed {
            await connection.close()
        } else if !waiters.isEmpty {
            waiters.removeFirst().resume(returning: connection)
        } else {
            idle.append(connection)
        }
    }

    /// A connection left in an unknown state (a failed rollback) is closed, not reused.
    func discard(_ connection: any PooledConnection) async {
        opened -= 1
        await connection.close()
    }

    func shutdown() async {
        closed = true
        for waiter in waiters { waiter.resume(throwing: DatabaseUnavailable()) }
        waiters.removeAll()
        let connections = idle
        idle.removeAll()
        for connection in connections { await connection.close() }
    }
}

/// A pool's state at one moment, and its waits since it opened.
public struct PoolUsage: Sendable, Equatable {
    public let maximum: Int
    public let open: Int
    public let idle: Int
    public let waiting: Int
    /// Acquisitions that found every connection busy and queued.
    public let waitedTotal: Int
    public let waitedSecondsTotal: Double

    public var inUse: Int { open - idle }
}

struct DatabaseUnavailable: Error, CustomStringConvertible {
    var description: String { "the database is shut down" }
}
