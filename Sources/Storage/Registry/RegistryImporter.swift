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
/// Two passes over the file: the first checks every row and the file as a whole and reports
/// every fault; only a faultless file is read again and written, in one transaction, so a bad
/// file writes nothing at all.
public struct RegistryImporter: Sendable {
    public let database: WuyeDatabase
    public let today: Date

    public init(database: WuyeDatabase, today: Date = Date()) {
        self.database = database
        self.today = today
    }

    public func importFile(
        path: String,
        onIssue: (RegistryIssue) -> Void,
        onProgress: (ImportProgress) -> Void = { _ in }
    ) async throws -> RegistryImportOutcome {
        let totalBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let issues = try check(path: path, totalBytes: totalBytes, onIssue: onIssue, onProgress: onProgress)
        guard issues == 0 else { return .rejected(issues: issues) }

        let summary = try await database.write { sql in
            let writer = try await RegistryWriter(sql: sql)
            try await forEachRow(path: path) { row, bytes in
                try await writer.add(row)
                if row.line % 20_000 == 0 {
                    onProgress(ImportProgress(phase: .writing, bytesRead: bytes, totalBytes: totalBytes, rows: row.line))
                }
            }
            return try await writer.finish()
        }
        return .imported(summary)
    }

    /// The first pass: returns how many issues it reported.
    private func check(path: String, totalBytes: Int, onIssue: (RegistryIssue) -> Void,
                       onProgress: (ImportProgress) -> Void) throws -> Int {
        var count = 0
        func report(_ issue: RegistryIssue) {
            count += 1
            onIssue(issue)
        }
        let reader: CSVReader
        let parser: RegistryRowParser
        do throws(DomainError) {
            reader = try CSVReader(path: path)
            guard let headerRecord = try reader.next() else {
                report(RegistryIssue(line: 1, column: "-", reason: "文件是空的 (the file is empty)", code: "empty_file"))
                return count
            }
            do throws(RegistryIssueList) {
                parser = RegistryRowParser(header: try RegistryHeader(fields: headerRecord.fields), today: today)
            } catch {
                error.issues.forEach(report)
                return count
            }
        } catch {
            report(RegistryIssue(line: 0, column: "-", error: error))
            return count
        }
        var fileCheck = RegistryFileCheck(header: parser.header)
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
            case .success(let row): fileCheck.add(row).forEach(report)
            case .failure(let list): list.issues.forEach(report)
            }
            if rows % 20_000 == 0 {
                onProgress(ImportProgress(phase: .checking, bytesRead: reader.bytesRead, totalBytes: totalBytes, rows: rows))
            }
        }
        if rows == 0 {
            report(RegistryIssue(line: 2, column: "-", reason: "文件没有数据行 (no data rows)", code: "empty_file"))
        }
        return count
    }

    /// The second pass over a file the first pass found faultless.
    private func forEachRow(path: String, _ body: (RegistryRow, Int) async throws -> Void) async throws {
        let reader = try CSVReader(path: path)
        guard let header = try reader.next() else { return }
        let parser = RegistryRowParser(header: try RegistryHeader(fields: header.fields), today: today)
        while let record = try reader.next() {
            guard case .success(let row) = parser.parse(record) else { continue }
            try await body(row, reader.bytesRead)
        }
    }
}
