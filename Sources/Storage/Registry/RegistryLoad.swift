import Registry
import SQLKit

extension WuyeDatabase {
    /// Writes rows that are already valid (the demo generator's) through the same writer as
    /// the import, in one transaction. `rows(i)` gives compound i's rows; `alsoWrite` runs in the
    /// same transaction with the ids of the compounds written and what the rows changed, for what the
    /// registry rows do not carry.
    public func writeRegistry(
        compounds: Int,
        rows: (Int) -> [RegistryRow],
        alsoWrite: (any SQLDatabase, [CompoundKey: Int64], RegistryImportSummary) async throws -> Void = { _, _, _ in }
    ) async throws -> RegistryImportSummary {
        try await write { sql in
            let written = try await RegistryWriter.writing(on: sql) { writer in
                for index in 0..<compounds {
                    for row in rows(index) { try await writer.add(row) }
                }
                return try await writer.finish()
            }
            try await alsoWrite(sql, written.touched, written.summary)
            return written.summary
        }
    }
}

extension RegistryImportSummary {
    /// The summary's counts as audit fields.
    var auditFields: [String: String] {
        Dictionary(uniqueKeysWithValues: Mirror(reflecting: self).children.compactMap { child in
            child.label.map { ($0, "\(child.value)") }
        })
    }
}
