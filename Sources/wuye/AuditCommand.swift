import ArgumentParser
import Storage

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit log.", subcommands: [AuditVerifyCommand.self])
}

/// `wuye audit verify`: walks the hash chain; exits 1 naming the first edited, inserted or deleted entry.
struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify the audit log's hash chain.")
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let db = try await WuyeDatabase.open(try database.url())
        let result: AuditVerification
        do { result = try await AuditLog(database: db).verify() } catch {
            await db.shutdown()
            throw error
        }
        await db.shutdown()
        if let fault = result.firstFault {
            printError("audit log broken at \(fault) (\(result.entries) entries before it verified)")
            throw ExitCode(1)
        }
        print("audit log intact: \(result.entries) entries verified")
    }
}
