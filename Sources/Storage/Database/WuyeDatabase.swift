import Foundation
import Logging
import SQLKit
import WuyeCore

/// The SQL dialects Wuye runs on. Both run the same migrations and the same queries; the few
/// spellings that differ are chosen here.
public enum Dialect: String, Sendable {
    case sqlite, postgres
}

/// The platform's database: SQLKit connections from a pool, reads and write transactions.
/// On SQLite every write goes through one writer connection (SQLite allows one writer at a
/// time; queueing in-process avoids SQLITE_BUSY) while readers run beside it in WAL mode.
public final class WuyeDatabase: Sendable {
    public let url: DatabaseURL
    public let dialect: Dialect
    private let readers: ConnectionPool
    private let writers: ConnectionPool
    private let replica: ReadReplica?

    private init(url: DatabaseURL, dialect: Dialect, readers: ConnectionPool, writers: ConnectionPool, replica: ReadReplica? = nil) {
        self.url = url
        self.dialect = dialect
        self.readers = readers
        self.writers = writers
        self.replica = replica
    }

    /// Opens the database and runs any migrations it lacks. `replica` names a PostgreSQL streaming
    /// replica of it for the reads that may lag by up to `maxReplicaLagSeconds` (`readAllowingLag`).
    public static func open(_ url: DatabaseURL, logger: Logger = Logger(label: "wuye.db"),
                            migrate: Bool = true, replica: DatabaseURL? = nil,
                            maxReplicaLagSeconds: Double = 5) async throws -> WuyeDatabase {
        let database: WuyeDatabase
        switch url {
        case .sqlite(let path):
            let readers = ConnectionPool(maximum: 4) {
                try await SQLitePooledConnection.open(path: path, cacheKiB: 32_768, logger: logger)
            }
            let writers = ConnectionPool(maximum: 1) {
                try await SQLitePooledConnection.open(path: path, cacheKiB: 262_144, logger: logger)
            }
            database = WuyeDatabase(url: url, dialect: .sqlite, readers: readers, writers: writers)
        case .postgres(let host, let port, let username, let password, let name):
            let pool = ConnectionPool(maximum: 8) {
                try await PostgresPooledConnection.open(host: host, port: port, username: username,
                                                        password: password, database: name, logger: logger)
            }
            var standby: ReadReplica?
            if case .postgres(let host, let port, let username, let password, let name)? = replica {
                standby = ReadReplica(pool: ConnectionPool(maximum: 8) {
                    try await PostgresPooledConnection.open(host: host, port: port, username: username,
                                                            password: password, database: name, logger: logger)
                }, maxLagSeconds: maxReplicaLagSeconds)
            }
            database = WuyeDatabase(url: url, dialect: .postgres, readers: pool, writers: pool, replica: standby)
        }
        if replica != nil, database.replica == nil {
            await database.shutdown()
            throw DomainError(code: "replica_needs_postgres", message: "只读副本仅支持 PostgreSQL 主库与 PostgreSQL 副本",
                              english: "a read replica needs a PostgreSQL primary and a PostgreSQL replica", field: "replica-database")
        }
        if migrate {
            do {
                try await Migrator(database: database).migrate()
            } catch {
                await database.shutdown()
                throw error
            }
        }
        return database
    }

    /// Runs `body` on a pooled connection outside any transaction.
    public func read<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await readers.acquire()
        do {
            let result = try await body(connection.sql)
            await readers.release(connection)
            return result
        } catch {
            await readers.release(connection)
            throw error
        }
    }

    /// Runs `body` on the read replica when one is configured and within its lag bound, otherwise
    /// as `read`. For reads that may be a few seconds behind (dashboards, lists), never for a read a
    /// write depends on.
    public func readAllowingLag<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        if let replica, let answer = try await replica.read(body) { return answer }
        return try await read(body)
    }

    /// Reads the replica answered and the primary answered in its stead; nil without a replica.
    public var replicaAnswers: (replica: Int, primary: Int)? { replica?.answered }

    /// Runs `body` in one transaction: all of it is written, or none of it.
    public func write<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await write(checkingForeignKeys: true, body)
    }

    /// `write` for a bulk load that hands out its own ids and refers only to rows it wrote itself
    /// or read in the same transaction (the registry import). On SQLite its transaction runs
    /// without foreign-key checks, which were a third of SQLite's work in a city import
    /// (`PRAGMA foreign_keys` can only change outside a transaction, so it is turned off before
    /// BEGIN and on again after COMMIT or ROLLBACK; a connection that cannot turn it on again is
    /// closed, never reused). PostgreSQL keeps its checks, and the import tests run on both, with
    /// `PRAGMA foreign_key_check` after every SQLite import.
    public func bulkWrite<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await write(checkingForeignKeys: dialect != .sqlite, body)
    }

    private func write<T>(checkingForeignKeys: Bool, _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await writers.acquire()
        let sql = connection.sql
        func release() async {
            do {
                if !checkingForeignKeys { try await sql.raw("PRAGMA foreign_keys = ON").run() }
                await writers.release(connection)
            } catch {
                await writers.discard(connection)
            }
        }
        do {
            if !checkingForeignKeys { try await sql.raw("PRAGMA foreign_keys = OFF").run() }
            // IMMEDIATE takes SQLite's write lock up front, so a transaction never fails half-way
            // for want of it.
            try await sql.raw(dialect == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
        } catch {
            await writers.discard(connection)
            throw error
        }
        do {
            let result = try await body(sql)
            try await sql.raw("COMMIT").run()
            await release()
            return result
        } catch {
            do {
                try await sql.raw("ROLLBACK").run()
                await release()
            } catch {
                await writers.discard(connection)
            }
            throw error
        }
    }

    /// The pools by name: SQLite's readers and its one writer, or PostgreSQL's one shared pool.
    public func poolUsage() async -> [(pool: String, usage: PoolUsage)] {
        let replicaPool = replica.map { [("replica", $0.pool)] } ?? []
        let pools = writers === readers ? [("shared", readers)] + replicaPool : [("readers", readers), ("writer", writers)]
        var usage: [(pool: String, usage: PoolUsage)] = []
        for (name, pool) in pools { usage.append((name, await pool.usage())) }
        return usage
    }

    /// Does the database answer? For `/readyz`.
    public func ping() async -> Bool {
        do {
            return try await read { try await $0.raw("SELECT 1 AS one").first() != nil }
        } catch {
            return false
        }
    }

    public func shutdown() async {
        await readers.shutdown()
        if writers !== readers { await writers.shutdown() }
        await replica?.pool.shutdown()
    }
}
