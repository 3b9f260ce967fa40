import ArgumentParser
import Foundation
import Storage

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the platform on this machine.", subcommands: [DrillDownBench.self, TallyBench.self, SweepBench.self, CastingBench.self, BillingBench.self,
                                                                                            DashboardBench.self])
}

/// The city drill-down: a city and its districts with their counts, as `/api/v1/divisions/CODE`
/// reads them. Reports latency percentiles over repeated reads.
struct DrillDownBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drilldown", abstract: "Time the city → district drill-down reads.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "The division to drill into (default: the first city).") var code: String?
    @Option(help: "How many reads.") var iterations = 500

    func run() async throws {
        let db = try await WuyeDatabase.open(try database.url())
        let queries = RegistryQueries(database: db)
        let firstCity = try await queries.cities().first?.code
        guard let code = code ?? firstCity else {
            await db.shutdown()
            throw ValidationError("the database holds no registry; run `wuye demo` first")
        }
        var samples: [Duration] = []
        let clock = ContinuousClock()
        var homes: Int64 = 0
        for _ in 0..<iterations {
            let start = clock.now
            guard let division = try await queries.division(code: code) else { break }
            let children = try await queries.children(ofDivision: code)
            _ = try await queries.lineage(ofDivision: code)
            homes = children.reduce(0) { $0 + $1.counts.homes }
            precondition(homes == division.counts.homes, "children's homes must add up to the division's")
            samples.append(clock.now - start)
        }
        await db.shutdown()
        samples.sort()
        func percentile(_ p: Double) -> Duration { samples[min(samples.count - 1, Int(Double(samples.count) * p))] }
        print("drill-down \(code): \(homes) homes in children; \(samples.count) reads; p50 \(percentile(0.5)), p99 \(percentile(0.99)), max \(samples.last ?? .zero)")
    }
}
