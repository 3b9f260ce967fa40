import ArgumentParser
import Hummingbird
import Logging
import Registry
import Storage
import Web

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Start the web platform.")

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @OptionGroup var database: DatabaseOption
    @Flag(help: "On an empty database, load the small demo city first.") var demo = false

    func run() async throws {
        var logger = Logger(label: "wuye")
        logger.logLevel = .info
        let url = try database.url()
        let db = try await WuyeDatabase.open(url, logger: logger)
        if demo, try await RegistryQueries(database: db).cities().isEmpty {
            logger.info("loading the small demo city")
            _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        }
        logger.info("wuye on \(url) listening at http://\(host):\(port)")
        let app = try await buildApplication(configuration: .init(host: host, port: port), database: db, logger: logger)
        do {
            try await app.runService()
        } catch {
            await db.shutdown()
            throw error
        }
        await db.shutdown()
    }
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations.")
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let db = try await WuyeDatabase.open(try database.url(), migrate: false)
        let applied = try await Migrator(database: db).migrate()
        await db.shutdown()
        print(applied.isEmpty ? "up to date" : "applied migrations \(applied.map(String.init).joined(separator: ", "))")
    }
}
