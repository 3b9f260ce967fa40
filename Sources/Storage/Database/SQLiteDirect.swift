import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteNIO
// SQLiteNIO's own C module: the same copy of SQLite as its connections, so the handle below is
// used by the library that opened it (two copies in one process would break SQLite's file locks).
import VaporCSQLite

/// The `sqlite3` handle behind a SQLiteNIO connection, for the one place where SQLKit's cost per
/// value dominates: bulk inserts of millions of registry rows. SQLiteNIO keeps its handle
/// internal and prepares every statement anew, so a 2.8M-row import spent most of its time
/// building, encoding and re-parsing multi-row INSERTs. Here one single-row INSERT is prepared per
/// batch and stepped once per row with the values bound directly.
///
/// The handle is read by reflection because SQLiteNIO 1.x has no public accessor. If a later
/// SQLiteNIO renames it, `handle(of:)` returns nil and bulk inserts take the SQLKit path again
/// (`RegistryImportTests` checks `WuyeDatabase.bulkInsertsDirectly`, so the slowdown is noticed).
/// The connection opens with SQLITE_OPEN_FULLMUTEX, and a handle is only used inside the write
/// transaction that holds its connection, so no SQLiteNIO query runs on it at the same time.
struct SQLiteDirect: @unchecked Sendable {
    private let db: OpaquePointer

    static func handle(of connection: SQLiteConnection) -> SQLiteDirect? {
        guard let raw = Mirror(reflecting: connection).descendant("handle", "raw"),
              let pointer = raw as? OpaquePointer else { return nil }
        return SQLiteDirect(db: pointer)
    }

    /// Inserts each table's rows, one statement step per row, off the cooperative thread pool
    /// as SQLiteNIO does (a step may read pages from disk), all tables in one trip to the
    /// thread pool. Any failure throws with SQLite's message; the caller's transaction then
    /// rolls everything back.
    func insert(_ tables: [BulkTable]) async throws {
        let direct = self
        try await NIOThreadPool.singleton.runIfActive { for table in tables { try direct.run(table) } }
    }

    private func run(_ table: BulkTable) throws {
        let text = "INSERT INTO \(table.table) (\(table.columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: table.columns.count).joined(separator: ", ") + ")"
            + (table.suffix.isEmpty ? "" : " " + table.suffix)
        var prepared: OpaquePointer?
        try check(sqlite_nio_sqlite3_prepare_v2(db, text, -1, &prepared, nil))
        guard let prepared else { throw SQLiteDirectError(code: SQLITE_MISUSE, message: "\(text) prepared nothing") }
        defer { sqlite_nio_sqlite3_finalize(prepared) }
        for index in 0..<table.count {
            var row = BulkRow(binding: prepared)
            table.row(index, &row)
            try check(row.failure)
            let stepped = sqlite_nio_sqlite3_step(prepared)
            guard stepped == SQLITE_DONE else {
                try check(stepped)
                // An INSERT that returns rows (a RETURNING suffix) has no place to put them here.
                throw SQLiteDirectError(code: stepped, message: "\(text) returned rows; bulk inserts take none")
            }
            sqlite_nio_sqlite3_reset(prepared)
        }
    }

    private func check(_ code: Int32) throws {
        guard code != SQLITE_OK else { return }
        let message = sqlite_nio_sqlite3_errmsg(db).map { String(cString: $0) } ?? "SQLite error \(code)"
        throw SQLiteDirectError(code: code, message: message)
    }
}

struct SQLiteDirectError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var description: String { "SQLite error \(code): \(message)" }
}

/// A SQLite connection's SQLKit database with its direct handle beside it, so that
/// `BulkInsert` can find the handle inside a transaction. Everything else is SQLKit's.
struct SQLiteDirectDatabase: SQLDatabase {
    let base: any SQLDatabase
    let direct: SQLiteDirect?

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try await base.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}

extension WuyeDatabase {
    /// Whether bulk inserts bypass SQLKit (SQLite, when its connection's handle could be found).
    public var bulkInsertsDirectly: Bool {
        get async throws { try await read { ($0 as? SQLiteDirectDatabase)?.direct != nil } }
    }
}
