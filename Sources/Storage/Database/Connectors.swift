import Logging
import NIOCore
import NIOPosix
import PostgresKit
import PostgresNIO
import SQLiteKit
import SQLiteNIO

struct SQLitePooledConnection: PooledConnection {
    let connection: SQLiteConnection
    let direct: SQLiteDirect?
    var sql: any SQLDatabase { SQLiteDirectDatabase(base: connection.sql(queryLogLevel: nil), direct: direct) }

    /// Neither driver sets these, so every connection sets them itself: WAL so readers never
    /// block the writer, a busy timeout instead of immediate SQLITE_BUSY, NORMAL sync (durable
    /// across a process crash; the README says what a power loss can cost), foreign keys on.
    static func open(path: String, cacheKiB: Int, logger: Logger) async throws -> SQLitePooledConnection {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        do {
            for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 10000",
                           "PRAGMA foreign_keys = ON", "PRAGMA cache_size = -\(cacheKiB)", "PRAGMA temp_store = MEMORY"] {
                _ = try await connection.query(pragma)
            }
        } catch {
            // A file that is not a database fails here; the handle must still be closed.
            try? await connection.close()
            throw error
        }
        return SQLitePooledConnection(connection: connection, direct: SQLiteDirect.handle(of: connection))
    }

    func close() async { try? await connection.close() }
}

struct PostgresPooledConnection: PooledConnection {
    let connection: PostgresConnection
    var sql: any SQLDatabase { connection.sql(queryLogLevel: nil) }

    static func open(host: String, port: Int, username: String, password: String?, database: String,
                     logger: Logger) async throws -> PostgresPooledConnection {
        // Loopback and private networks: TLS off, as shared/design.md notes for this deployment.
        let configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: .disable)
        let connection = try await PostgresConnection.connect(
            configuration: configuration, id: Int.random(in: 1...Int.max), logger: logger)
        return PostgresPooledConnection(connection: connection)
    }

    func close() async { try? await connection.close() }
}
