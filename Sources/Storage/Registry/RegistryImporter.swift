import Foundation
import Registry
import SQLKit
import WuyeCore

/// Progress of a long import, for a progress bar.
public struct ImportProgress: Sendable {
    public enum Phase: String, Sendable { case checking, writing }
    public var phase: Phase
    public var bytesRead: Int
    public var totalBytes: Int
    public var rows: Int
}

public enum RegistryImportOutcome: Sendable, Equatable {
    /// The file has faults; nothing was written. Every issue was passed to `onIssue`.
    case rejected(issues: Int)
    case imported(RegistryImportSummary)
}

/// `wuye import registry`: the housing registry a subdistrict office exports from Excel.
/// One pass over the file inside one transaction: every row is checked, alone and against the
/// rows before it, and written while no fault has been found. At the first fault writing stops
/// but checking goes on, so every fault is reported; then the transaction is rolled back and
/// nothing at all is written.
public struct RegistryImporter: Sendable {
    public let database: WuyeDatabase
    public let today: Date
    public let actor: AuditActor

    public init(database: WuyeDatabase, today: Date = Date(), actor: AuditActor = .command("import registry")) {
        self.database = database
        self.today = today
        self.actor = actor
    }

    private struct Rejected: Error {
        let issues: Int
    }

    public func importFile(
        path: String,
        onIssue: (RegistryIssue) -> Void,
        onProgress: (ImportProgress) -> Void = { _ in }
    ) async throws -> RegistryImportOutcome {
        let totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        var issues = 0
        func report(_ issue: RegistryIssue) {
            issues += 1
            onIssue(issue)
        }
        let reader: CSVReader
        let parser: RegistryRowParser
        do throws(DomainError) {
            reader = try CSVReader(path: path)
            guard let headerRecord = try reader.next() else {
                report(RegistryIssue(line: 1, column: "-", reason: "文件是空的 (the file is empty)", code: "empty_file"))
                return .rejected(issues: issues)
            }
            do throws(RegistryIssueList) {
                parser = RegistryRowParser(header: try RegistryHeader(fields: headerRecord.fields), today: today)
            } catch {
                error.issues.forEach(report)
                return .rejected(issues: issues)
            }
        } catch {
            report(RegistryIssue(line: 0, column: "-", error: error))
            return .rejected(issues: issues)
        }

        do {
            let summary = try await database.bulkWrite { sql in try await RegistryWriter.writing(on: sql) { writer in
                // A registry row takes about 145 bytes; a low guess costs one rehash, a high one memory.
                var fileCheck = RegistryFileCheck(header: parser.header, expectedRows: totalBytes / 160)
                var parser = parser
                var rows = 0
                while true {
                    let record: CSVRecord
                    do throws(DomainError) {
                        guard let next = try reader.next() else { break }
                        record = next
                    } catch {
                        report(RegistryIssue(line: 0, column: "-", error: error))
                        break
                    }
                    rows += 1
                    switch parser.parse(record) {
                    case .success(let row):
                        fileCheck.add(row).forEach(report)
                        if issues == 0 { try await writer.add(row) }
                    case .failure(let list):
                        list.issues.forEach(report)
                    }
                    if rows % 20_000 == 0 {
                        onProgress(ImportProgress(phase: issues == 0 ? .writing : .checking,
                                                  bytesRead: reader.bytesRead, totalBytes: totalBytes, rows: rows))
                    }
                }
                if rows == 0 {
                    report(RegistryIssue(line: 2, column: "-", reason: "文件没有数据行 (no data rows)", code: "empty_file"))
                }
                // Throwing rolls the whole transaction back.
                if issues > 0 { throw Rejected(issues: issues) }
                let summary = try await writer.finish().summary
                if summary.changedAnything {
                    try await AuditLog.append(AuditChange(action: "registry.import", targetType: "registry_file",
                                                          targetID: (path as NSString).lastPathComponent,
                                                          after: summary.auditFields),
                                              by: actor, at: Date(), sql: sql)
                }
                return summary
            } }
            return .imported(summary)
        } catch let rejected as Rejected {
            return .rejected(issues: rejected.issues)
        }
    }
}
