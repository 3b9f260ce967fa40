import Foundation
import SQLKit
import WuyeCore

/// `wuye backup` and `wuye restore`: a copy of the whole database as it stood at one moment, taken
/// while the platform keeps serving, and that copy put back into an empty database.
///
/// SQLite: `VACUUM INTO` reads one snapshot (WAL readers never block the writer) and writes a
/// compact, self-contained file. PostgreSQL: `pg_dump`'s custom format, taken in one repeatable-read
/// snapshot; `pg_restore` puts it back in a single transaction, so a failed restore leaves nothing.
public enum DatabaseBackup {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes the copy to `path`, which must not exist; returns its size in bytes. The copy is
    /// audited in the source database, since it holds every owner's personal data.
    @discardableResult
    public static func backup(_ database: WuyeDatabase, to path: String, by actor: AuditActor) async throws -> Int {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw Failure(description: "\(path) already exists; a backup never overwrites a file")
        }
        switch database.url {
        case .sqlite:
            try await database.read { sql in try await sql.raw("VACUUM INTO \(bind: path)").run() }
        case .postgres(let host, let port, let username, let password, let name):
            try run("pg_dump", ["--format=custom", "--no-owner", "--file=\(path)", "--host=\(host)", "--port=\(port)",
                                "--username=\(username)", "--dbname=\(name)"], password: password)
        }
        let bytes = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        try await database.write { sql in
            _ = try await AuditLog.append(AuditChange(action: "database.backup", targetType: "backup_file",
                                                      targetID: (path as NSString).lastPathComponent,
                                                      after: ["bytes": String(bytes)]),
                                          by: actor, at: Date(), sql: sql)
        }
        return bytes
    }

    /// Puts the copy at `path` into `url`, which must be empty (a SQLite file that does not exist
    /// yet, or a PostgreSQL database without tables). Nothing is written unless the whole copy is.
    /// Then migrations newer than the copy run, the audit chain is verified and the restore is
    /// audited at its end; the verification is returned (a broken chain is reported, not hidden).
    public static func restore(from path: String, into url: DatabaseURL, by actor: AuditActor) async throws -> AuditVerification {
        try await copy(from: path, into: url)
        let database = try await WuyeDatabase.open(url)
        do {
            let verification = try await AuditLog(database: database).verify()
            try await database.write { sql in
                _ = try await AuditLog.append(AuditChange(action: "database.restore", targetType: "backup_file",
                                                          targetID: (path as NSString).lastPathComponent,
                                                          after: ["audit_entries_verified": String(verification.entries)]),
                                              by: actor, at: Date(), sql: sql)
            }
            await database.shutdown()
            return verification
        } catch {
            await database.shutdown()
            throw error
        }
    }

    private static func copy(from path: String, into url: DatabaseURL) async throws {
        guard FileManager.default.fileExists(atPath: path) else { throw Failure(description: "\(path) does not exist") }
        switch url {
        case .sqlite(let target):
            guard !FileManager.default.fileExists(atPath: target) else {
                throw Failure(description: "\(target) already exists; restore into a new file, then move it in place with the server stopped")
            }
            // Checked under a temporary name and renamed, so the target is whole or absent.
            let staging = target + ".restoring"
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.copyItem(atPath: path, toPath: staging)
            do {
                let copy = try await WuyeDatabase.open(.sqlite(path: staging), migrate: false)
                let check = try? await copy.read { sql in
                    try await sql.raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self)
                }
                await copy.shutdown()
                guard check == "ok" else { throw Failure(description: "\(path) is not a sound SQLite backup (integrity check: \(check ?? "unreadable"))") }
                try? FileManager.default.removeItem(atPath: staging + "-wal")
                try? FileManager.default.removeItem(atPath: staging + "-shm")
                try FileManager.default.moveItem(atPath: staging, toPath: target)
            } catch {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: staging + suffix) }
                throw error
            }
        case .postgres(let host, let port, let username, let password, let name):
            let target = try await WuyeDatabase.open(url, migrate: false)
            let tables = try? await target.read { sql in
                try await sql.raw("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM information_schema.tables WHERE table_schema = 'public'")
                    .first()?.decode(column: "n", as: Int64.self)
            }
            await target.shutdown()
            guard tables == 0 else {
                throw Failure(description: "\(url) is not empty (\(tables.map(String.init) ?? "unknown") tables); restore into a new database")
            }
            try run("pg_restore", ["--no-owner", "--exit-on-error", "--single-transaction", "--host=\(host)", "--port=\(port)",
                                   "--username=\(username)", "--dbname=\(name)", path], password: password)
        }
    }

    /// Runs a PostgreSQL client tool; the password goes in its environment, never on its command line.
    private static func run(_ tool: String, _ arguments: [String], password: String?) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        var environment = ProcessInfo.processInfo.environment
        if let password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { throw Failure(description: "\(tool) could not start: \(error)") }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmedWhitespace
            throw Failure(description: "\(tool) failed (exit \(process.terminationStatus)): \(text.isEmpty ? "no message" : text)")
        }
    }
}
