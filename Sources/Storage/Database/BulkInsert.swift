import SQLKit

/// A value in a bulk insert: the few column types the registry writes.
enum SQLValue: Sendable {
    case int(Int64)
    case text(String)
    case bool(Bool)
    case null

    static func optional(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
}

/// Multi-row INSERT: one statement per batch instead of one per row, since a round trip per
/// row is what makes a 2.5M-home load slow. Batches stay under SQLite's 32,766 and PostgreSQL's
/// 65,535 bound parameters. On SQLite's writer connection the rows go through one prepared
/// statement per table on the connection's own handle instead (`SQLiteDirect`), all tables of
/// one call in one trip to the thread pool.
enum BulkInsert {
    static func insert(_ sql: any SQLDatabase, into table: String, columns: [String], rows: [[SQLValue]],
                       suffix: String = "") async throws {
        try await insert(sql, [BulkTable(table: table, columns: columns, suffix: suffix, count: rows.count) { index, row in
            for value in rows[index] { row.value(value) }
        }])
    }

    /// Inserts the rows of each table in turn, in the order given (parents before children).
    static func insert(_ sql: any SQLDatabase, _ tables: [BulkTable]) async throws {
        let tables = tables.filter { $0.count > 0 }
        guard !tables.isEmpty else { return }
        if let direct = (sql as? SQLiteDirectDatabase)?.direct {
            return try await direct.insert(tables)
        }
        for table in tables {
            let perStatement = max(1, min(1_000, 30_000 / table.columns.count))
            var start = 0
            while start < table.count {
                let end = min(start + perStatement, table.count)
                let rows = (start..<end).map { index in
                    var row = BulkRow(collecting: table.columns.count)
                    table.row(index, &row)
                    return row.values
                }
                try await sql.execute(sql: Statement(table: table.table, columns: table.columns, rows: rows,
                                                     suffix: table.suffix)) { _ in }
                start = end
            }
        }
    }

    private struct Statement: SQLExpression {
        let table: String
        let columns: [String]
        let rows: [[SQLValue]]
        let suffix: String

        func serialize(to serializer: inout SQLSerializer) {
            serializer.write("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES ")
            var firstRow = true
            for row in rows {
                serializer.write(firstRow ? "(" : ", (")
                firstRow = false
                for (index, value) in row.enumerated() {
                    if index > 0 { serializer.write(", ") }
                    switch value {
                    case .int(let number): serializer.write(bind: number)
                    case .text(let text): serializer.write(bind: text)
                    case .bool(let flag): serializer.write(bind: flag)
                    case .null: serializer.write("NULL")
                    }
                }
                serializer.write(")")
            }
            if !suffix.isEmpty { serializer.write(" " + suffix) }
        }
    }
}
