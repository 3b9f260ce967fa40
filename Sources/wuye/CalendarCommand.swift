import ArgumentParser
import Foundation
import Registry
import Storage
import WuyeCore

struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "The working calendar that case deadlines are counted in.",
        subcommands: [CalendarImportCommand.self])
}

/// `wuye calendar import FILE.csv`: a year's holidays and 调休 working days, as the State Council's
/// notice gives them, one day per row: `day,working,note` (or 日期,类型,说明), working being
/// yes/no or 上班/放假. Every bad row is reported as `line N: column: reason`, and then nothing is
/// written.
struct CalendarImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Set holidays and 调休 days from a CSV file.")

    @Argument(help: "The CSV file (UTF-8, with or without BOM).") var file: String
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let (days, problems) = try CalendarFile.read(try CSVReader(path: file))
        guard problems.isEmpty else {
            problems.forEach(printError)
            printError("\(problems.count) bad rows in \(file); nothing was written")
            throw ExitCode(1)
        }
        let db = try await WuyeDatabase.open(try database.url())
        do {
            try await CaseSettings(database: db).setDays(days, by: .command("calendar import"))
            await db.shutdown()
        } catch {
            await db.shutdown()
            throw error
        }
        print("set \(days.count) days: \(days.count { !$0.working }) holidays, \(days.count(where: \.working)) 调休 working days")
    }
}
