import ArgumentParser
import Foundation
import Storage
import WuyeCore

struct Open311Command: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open311", abstract: "Open311 GeoReport v2 clients.", subcommands: [Open311KeyCommand.self])
}

struct Open311KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "The api_keys of Open311 clients.", subcommands: [Open311KeyCreateCommand.self])
}

/// `wuye open311 key create --name NAME`: issues an api_key from the server's shell and prints it,
/// the only time it is shown (administrators issue them on the /open311/keys page too).
struct Open311KeyCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Issue an api_key and print it.")

    @Option(help: "The client's name, e.g. \"市南区 12345 热线\".") var name: String
    @Option(help: "Limit the key to a division (6-, 9- or 12-digit code); the whole platform by default.") var division: String?
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        var scope: DivisionCode?
        if let division {
            do { scope = try DivisionCode(division) } catch { throw ValidationError("--division: \(error.message)") }
        }
        let db = try await WuyeDatabase.open(try database.url())
        do {
            let issued = try await Open311Keys(database: db).create(name: name, division: scope, by: .command("open311 key create"))
            await db.shutdown()
            print(issued.key)
        } catch let error as DomainError {
            await db.shutdown()
            printError("--\(error.field ?? "name"): \(error.message) (\(error.english))")
            throw ExitCode(1)
        } catch {
            await db.shutdown()
            throw error
        }
    }
}
