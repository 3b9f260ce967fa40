import ArgumentParser
import Foundation
import Storage

/// `wuye backup`: a consistent copy of the database, taken while the platform serves.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the whole database as it stands now, while it keeps serving (SQLite: VACUUM INTO; PostgreSQL: pg_dump).")
    @OptionGroup var database: DatabaseOption
    @Option(help: "The file to write; it must not exist.") var to: String

    func run() async throws {
        let started = ContinuousClock.now
        let db = try await WuyeDatabase.open(try database.url(), migrate: false)
        let bytes: Int
        do { bytes = try await DatabaseBackup.backup(db, to: to, by: .command("backup")) } catch {
            await db.shutdown()
            printError("backup failed: \(error)")
            throw ExitCode(1)
        }
        await db.shutdown()
        print("backup written: \(to) (\(bytes) bytes) in \(ContinuousClock.now - started)")
    }
}

/// `wuye restore`: a backup put into an empty database, then migrated and its audit chain verified.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup into an empty database (a new SQLite file, or a PostgreSQL database without tables).")
    @OptionGroup var database: DatabaseOption
    @Option(help: "The backup file `wuye backup` wrote.") var from: String

    func run() async throws {
        let url = try database.url()
        let verification: AuditVerification
        do { verification = try await DatabaseBackup.restore(from: from, into: url, by: .command("restore")) } catch {
            printError("restore failed: \(error)")
            throw ExitCode(1)
        }
        if let fault = verification.firstFault {
            printError("restored into \(url), but the audit log is broken at \(fault) (\(verification.entries) entries before it verified)")
            throw ExitCode(1)
        }
        print("restored \(from) into \(url); audit log intact: \(verification.entries) entries verified")
    }
}
