// SQLiteNIO's own C module, as in SQLiteDirect.swift.
import VaporCSQLite

/// One table's rows for `BulkInsert`, produced value by value as they are bound: a city import
/// writes 10M rows, and an array of values per row was a heap allocation each.
struct BulkTable: Sendable {
    let table: String
    let columns: [String]
    var suffix = ""
    let count: Int
    /// Gives row `index`'s values to `row`, in the order of `columns`.
    let row: @Sendable (_ index: Int, _ row: inout BulkRow) -> Void
}

/// The values of one row on their way to the database: bound straight to SQLite's prepared
/// statement on the direct path, collected for a multi-row statement on SQLKit's.
struct BulkRow {
    private let statement: OpaquePointer?
    private var position: Int32 = 0
    /// The first binding that failed (SQLITE_OK if none): checked once the row is complete.
    private(set) var failure: Int32 = SQLITE_OK
    private(set) var values: [SQLValue] = []

    /// A row bound to `statement`'s parameters 1, 2, ….
    init(binding statement: OpaquePointer) { self.statement = statement }

    /// A row whose values are collected in `values`.
    init(collecting columns: Int) {
        statement = nil
        values.reserveCapacity(columns)
    }

    mutating func int(_ value: Int64) {
        guard let statement else { return values.append(.int(value)) }
        position += 1
        record(sqlite_nio_sqlite3_bind_int64(statement, position, value))
    }

    mutating func bool(_ value: Bool) {
        guard statement != nil else { return values.append(.bool(value)) }
        int(value ? 1 : 0)
    }

    mutating func text(_ value: String) {
        guard let statement else { return values.append(.text(value)) }
        position += 1
        var value = value
        let code = value.withUTF8 { bytes in
            // SQLITE_TRANSIENT: SQLite copies the bytes before bind returns.
            sqlite_nio_sqlite3_bind_text64(statement, position, bytes.baseAddress, UInt64(bytes.count),
                                           unsafeBitCast(-1, to: sqlite3_destructor_type.self), UInt8(SQLITE_UTF8))
        }
        record(code)
    }

    mutating func optional(_ value: String?) {
        guard let value else { return null() }
        text(value)
    }

    mutating func null() {
        guard let statement else { return values.append(.null) }
        position += 1
        record(sqlite_nio_sqlite3_bind_null(statement, position))
    }

    mutating func value(_ value: SQLValue) {
        switch value {
        case .int(let number): self.int(number)
        case .text(let string): self.text(string)
        case .bool(let flag): self.bool(flag)
        case .null: self.null()
        }
    }

    private mutating func record(_ code: Int32) {
        if failure == SQLITE_OK { failure = code }
    }
}
