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

    private init(url: DatabaseURL, dialect: Dialect, readers: ConnectionPool, writers: ConnectionPool) {
        self.url = url
        self.dialect = dialect
        self.readers = readers
        self.writers = writers
    }

    /// Opens the database and runs any migrations it lacks.
    public static func open(_ url: DatabaseURL, logger: Logger = Logger(label: "wuye.db"),
                            migrate: Bool = true) async throws -> WuyeDatabase {
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
            database = WuyeDatabase(url: url, dialect: .postgres, readers: pool, writers: pool)
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

    /// Runs `body` in one transaction: all of it is written, or none of it.
    public func write<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let connection = try await writers.acquire()
        let sql = connection.sql
        do {
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
            await writers.release(connection)
            return result
        } catch {
            do {
                try await sql.raw("ROLLBACK").run()
                await writers.release(connection)
            } catch {
                await writers.discard(connection)
            }
            throw error
        }
    }

    /// The pools by name: SQLite's readers and its one writer, or PostgreSQL's one shared pool.
    public func poolUsage() async -> [(pool: String, usage: PoolUsage)] {
        if writers === readers { return [("shared", await readers.usage())] }
        return [("readers", await readers.usage()), ("writer", await writers.usage())]
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
    }
}
