import ArgumentParser
import Foundation
import Storage
import WuyeCore

/// The dashboard at every level — the city, a district, a subdistrict, a community (each with its
/// children's figures and twelve months of cases) and a compound — read again and again warm, as
/// `/dashboard` reads them. Reports p50 and p99 per level.
struct DashboardBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dashboard", abstract: "Time the dashboard's reads at every level.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Reads per level.") var iterations = 100

    func run() async throws {
        let db = try await WuyeDatabase.open(try database.url())
        defer { Task { await db.shutdown() } }
        let queries = RegistryQueries(database: db)
        guard let city = try await queries.cities().first.flatMap({ DivisionCode(rawValue: $0.code) }) else {
            throw ValidationError("the database holds no registry; run `wuye demo` first")
        }
        let dashboard = Dashboard(database: db)
        var levels: [(String, DivisionCode)] = [("city", city)]
        var code = city
        for level in ["district", "subdistrict", "community"] {
            guard let child = try await dashboard.figures(in: code).children.max(by: { $0.compounds < $1.compounds }),
                  let next = DivisionCode(rawValue: child.key) else { break }
            levels.append((level, next))
            code = next
        }
        let compound = Int64(try await dashboard.figures(in: code).children.first?.key ?? "") ?? 0
        let clock = ContinuousClock()
        func time(_ body: () async throws -> Void) async throws -> (Duration, Duration) {
            try await body()  // warm
            var samples: [Duration] = []
            for _ in 0..<iterations {
                let start = clock.now
                try await body()
                samples.append(clock.now - start)
            }
            samples.sort()
            return (samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 99 / 100)])
        }
        for (name, division) in levels {
            var homes: Int64 = 0
            let (p50, p99) = try await time {
                let figures = try await dashboard.figures(in: division)
                _ = try await dashboard.trend(in: division)
                homes = figures.total.homes
            }
            print("\(name) \(division): \(homes) homes; p50 \(p50), p99 \(p99) over \(iterations) reads")
        }
        let (p50, p99) = try await time { _ = try await dashboard.figures(ofCompound: compound) }
        print("compound \(compound): p50 \(p50), p99 \(p99) over \(iterations) reads")
    }
}
