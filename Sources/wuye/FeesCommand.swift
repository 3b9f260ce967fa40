import ArgumentParser
import Foundation
import Funds
import Storage
import WuyeCore

struct FeesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fees", abstract: "Service fees.", subcommands: [FeesBillCommand.self])
}

/// `wuye fees bill --period YYYY-MM [--months N]`: the month's run — bills every compound that has a
/// standard and has not been billed for the period.
struct FeesBillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bill", abstract: "Issue a period's bills in every compound with a standard.")

    @Option(help: "The first month billed, YYYY-MM.") var period: String
    @Option(help: "Months the bills cover (1–12).") var months = 1
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let billing: BillingPeriod
        do { billing = try BillingPeriod(first: period, months: months) } catch {
            printError("--\(error.field ?? "period"): \(error.message) (\(error.english))")
            throw ExitCode(1)
        }
        let db = try await WuyeDatabase.open(try database.url())
        do {
            let issued = try await ServiceFees(database: db).issueEverywhere(billing, by: .command("fees bill"))
            await db.shutdown()
            print("billed \(billing): \(issued.bills) bills, \(issued.total) 元")
        } catch {
            await db.shutdown()
            throw error
        }
    }
}
