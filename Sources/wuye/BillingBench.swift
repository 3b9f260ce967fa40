import ArgumentParser
import Foundation
import Funds
import Storage
import WuyeCore

/// Billing a month for every home of the city, then reading the collection rate at every level
/// (issue 6: ≤ 60 s and ≤ 100 ms). Compounds without a standard get one by type first: 2.35 元 for
/// closed compounds, 0.60 for open old ones, 4.50 for office estates.
struct BillingBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "billing", abstract: "Time a month's bills for the city and the collection rates.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "The month billed.") var period = "2026-11"
    @Option(help: "Reads of each collection report.") var iterations = 100

    func run() async throws {
        try await database.using(measure)
    }

    func measure(_ db: WuyeDatabase) async throws {
        let fees = ServiceFees(database: db)
        let standards = try await fees.setDefaultStandards(by: .command("bench billing"))
        let month = try BillingPeriod(first: period, months: 1)
        let clock = ContinuousClock()
        let start = clock.now
        let issued = try await fees.issueEverywhere(month, by: .command("bench billing"))
        print("billed \(month): \(issued.bills) bills, \(issued.total) 元, in \(clock.now - start) (\(standards) standards set first)")
        let queries = RegistryQueries(database: db)
        guard let city = try await queries.cities().first.flatMap({ DivisionCode(rawValue: $0.code) }) else { return }
        var levels: [(String, DivisionCode)] = [("city", city)]
        var next = city
        for level in ["district", "subdistrict", "community"] {
            guard let child = try await queries.children(ofDivision: next.rawValue).first.flatMap({ DivisionCode(rawValue: $0.code) }) else { break }
            levels.append((level, child))
            next = child
        }
        for (level, code) in levels {
            var samples: [Duration] = []
            var rate = ""
            for _ in 0..<iterations {
                let begin = clock.now
                let report = try await fees.collection(in: code, period: month.key)
                samples.append(clock.now - begin)
                rate = "\(report.children.count) lines, \(Permille.text(report.total.permille))"
            }
            samples.sort()
            print("collection \(level) \(code.rawValue): p50 \(samples[samples.count / 2]), p99 \(samples[min(samples.count - 1, samples.count * 99 / 100)]) (\(rate))")
        }
    }
}
