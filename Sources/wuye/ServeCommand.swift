import Access
import ArgumentParser
import Foundation
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
    @Flag(help: "On an empty database, load the small demo city first; create and print the demo accounts.") var demo = false
    @Option(help: "The address users reach the platform at; https:// marks cookies Secure.") var publicURL: String?
    @Option(help: "Seconds between escalation sweeps of overdue cases.") var sweepSeconds: Int = 60
    @Option(help: "Bearer token a Prometheus scraper presents at /metrics (or WUYE_METRICS_TOKEN); without one /metrics is not served.")
    var metricsToken: String?
    @Option(help: "Writes per second each account (or, signed out, each client address) may make; 0: no limit.")
    var writeRate: Double = 20
    @Option(help: "Writes one account or address may make at once before the rate applies.") var writeBurst: Double = 60
    @Option(help: "Log lines as json (one object per line, for a log shipper) or text; default json unless on a terminal (or WUYE_LOG_FORMAT).")
    var logFormat: LogFormat?

    @Option(help: "postgres://… of a streaming replica of the database for dashboard reads (or WUYE_REPLICA_DATABASE_URL).")
    var replicaDatabase: String?
    @Option(help: "Seconds the replica may be behind and still answer; further behind, the primary answers.")
    var replicaMaxLag: Double = 5
    @Option(help: "Address of a reverse proxy (e.g. 127.0.0.1 for nginx on the same machine) whose X-Real-IP header names the client.")
    var trustedProxy: String?

    enum LogFormat: String, ExpressibleByArgument { case json, text }

    func run() async throws {
        let format = logFormat ?? ProcessInfo.processInfo.environment["WUYE_LOG_FORMAT"].flatMap(LogFormat.init)
            ?? (isatty(STDERR_FILENO) == 1 ? .text : .json)
        if format == .json { LoggingSystem.bootstrap { JSONLogHandler(label: $0) } }
        var logger = Logger(label: "wuye")
        logger.logLevel = .info
        let url = try database.url()
        let replica = try (replicaDatabase ?? ProcessInfo.processInfo.environment["WUYE_REPLICA_DATABASE_URL"]).map { text in
            do { return try DatabaseURL(text) } catch { throw ValidationError("--replica-database: \(error)") }
        }
        let db = try await WuyeDatabase.open(url, logger: logger, replica: replica, maxReplicaLagSeconds: replicaMaxLag)
        if demo, try await RegistryQueries(database: db).cities().isEmpty {
            logger.info("loading the small demo city")
            _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        }
        if demo {
            let accounts = try await DemoAccounts.create(in: db)
            printDemoAccounts(accounts)
            try await DemoMeeting.awaitingClose(in: db, for: accounts)
            // Before the open meeting, which heads the compound's list of meetings.
            try await DemoMaintenanceFund.seed(in: db, for: accounts)
            if let meeting = try await DemoMeeting.convene(in: db, for: accounts) {
                FileHandle.standardOutput.write(Data("Demo owners' meeting open for voting: /meetings/\(meeting)\n".utf8))
            }
            try await DemoCases.report(in: db, for: accounts)
            try await DemoHotSpots.seed(in: db, for: accounts)
            try await DemoCommittees.seed(in: db, for: accounts)
            try await DemoFees.seed(in: db, for: accounts)
            try await DemoPublicAccounts.seed(in: db, for: accounts)
            try await DemoEvaluation.seed(in: db, for: accounts)
            try await DemoParty.seed(in: db, for: accounts)
        }
        logger.info("wuye on \(url) listening at http://\(host):\(port)")
        let security = WebSecurity(secureCookies: publicURL?.lowercased().hasPrefix("https://") ?? false)
        let token = metricsToken ?? ProcessInfo.processInfo.environment["WUYE_METRICS_TOKEN"]
        let limit = writeRate > 0 ? WriteRateLimit(perSecond: writeRate, burst: writeBurst) : nil
        let configuration = WebConfiguration(host: host, port: port, security: security, metricsToken: token,
                                             writeRateLimit: limit, logRequests: true, trustedProxy: trustedProxy)
        let app = try await buildApplication(configuration: configuration, database: db, logger: logger)
        // The escalation sweep runs beside the server; with several instances the lease lets one sweep.
        let sweeper = Task { await CaseScheduler(database: db, holder: "\(host):\(port)-\(ProcessInfo.processInfo.processIdentifier)")
            .run(every: .seconds(sweepSeconds), logger: logger) }
        do {
            try await app.runService()
        } catch {
            sweeper.cancel()
            await db.shutdown()
            throw error
        }
        sweeper.cancel()
        await db.shutdown()
    }
}

/// Demo only: how to sign in to each portal.
private func printDemoAccounts(_ accounts: [DemoAccounts.Account]) {
    guard !accounts.isEmpty else { return }
    var text = "Demo accounts (demo data only), all with password \(DemoAccounts.password):\n"
    for account in accounts {
        text += "  \(account.mobile)  \(account.portal.chineseName.padding(toLength: 8, withPad: "　", startingAt: 0))  \(account.what)\n"
    }
    // Straight to the file descriptor: print() buffers when the output is a file, and the server runs on.
    FileHandle.standardOutput.write(Data(text.utf8))
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
