import ArgumentParser
import Foundation
import Registry
import Storage

extension DemoScale: ExpressibleByArgument {}

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Load a deterministic synthetic city, or write it as a registry CSV.")

    @Option(help: "small (a click-through town), district (~254K homes) or city (Qingdao-sized, 2.54M homes).")
    var scale: DemoScale = .small
    @Option(help: "Seed: the same seed gives the same city.") var seed: UInt64 = 1
    @OptionGroup var database: DatabaseOption
    @Option(help: "Write the registry as an import CSV to this file instead of loading it.") var csv: String?

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let city = DemoCity(scale: scale, seed: seed)
        if let csv {
            let writer = try RegistryCSVWriter(path: csv)
            try city.forEachRow { try writer.write($0) }
            try writer.close()
            print("wrote \(city.totals.rows) rows to \(csv) in \(clock.now - start)")
            return
        }
        let db = try await WuyeDatabase.open(try database.url())
        do {
            let summary = try await DemoLoader.load(city, into: db)
            print(summary.report)
            let accounts = try await DemoAccounts.create(in: db)
            try await DemoMeeting.convene(in: db, for: accounts)
            print("demo accounts: \(accounts.count), password \(DemoAccounts.password) (see `wuye serve --demo`)")
        } catch {
            await db.shutdown()
            throw error
        }
        await db.shutdown()
        print("demo \(scale.rawValue) loaded in \(clock.now - start)")
    }
}
