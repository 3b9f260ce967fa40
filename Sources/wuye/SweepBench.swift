import ArgumentParser
import Foundation
import Registry
import Storage
import WuyeCore

/// The escalation sweep over many open cases: loads the small demo city into a fresh database,
/// adds `--cases` open cases of which one in `--overdue-every` is past its deadline, and times
/// one sweep (which climbs the overdue ones) and a second (which finds nothing left to climb).
struct SweepBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sweep", abstract: "Time the escalation sweep over many open cases.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "How many open cases.") var cases = 1_000_000
    @Option(help: "One in this many is overdue.") var overdueEvery = 100
    @Option(help: "Climbs written per transaction.") var batch = 100

    func run() async throws {
        try await database.using(measure)
    }

    func measure(_ db: WuyeDatabase) async throws {
        guard try await db.read({ sql in try await sql.raw("SELECT id FROM cases LIMIT 1").first() }) == nil else {
            throw ValidationError("the database already holds cases; give a fresh one")
        }
        _ = try await DemoLoader.load(DemoCity(scale: .small), into: db)
        let now = Date()
        let clock = ContinuousClock()
        var start = clock.now
        try await SyntheticCases.insert(count: cases, overdueEvery: overdueEvery, now: now, into: db)
        print("inserted \(cases) open cases in \(clock.now - start)")
        let scheduler = CaseScheduler(database: db, clock: FixedClock(now))
        start = clock.now
        let first = try await scheduler.sweep(batch: batch)
        let firstTime = clock.now - start
        print("sweep over \(cases) open cases: \(first.due) overdue, \(first.escalated) escalated in \(firstTime)")
        start = clock.now
        let second = try await scheduler.sweep(batch: batch)
        print("the next sweep: \(second.due) overdue, \(second.escalated) escalated in \(clock.now - start)")
    }
}
