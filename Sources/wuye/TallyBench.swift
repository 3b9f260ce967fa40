import ArgumentParser
import Assembly
import Foundation
import Storage

/// The tally of a large compound's meeting: fixing the voting rights from the registry's holdings
/// and counting every motion. Issue 5 asks ≤ 50 ms for 20,000 homes.
struct TallyBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally", abstract: "Time the Art. 278 tally of a synthetic meeting.")

    @Option(help: "Homes in the compound.") var homes = 20_000
    @Option(help: "How many tallies.") var iterations = 200
    @Option(help: "Also write the meeting's export (JSON) to this file, for `wuye assembly recount`.") var export: String?

    func run() throws {
        let meeting = SyntheticMeeting(homes: homes)
        let motions = meeting.motions.map { ($0.id, $0.matter) }
        let ballots = meeting.casts.enumerated().map { index, cast in
            CountedBallot(seq: Int64(index + 1), rightID: cast.rightID, motionID: cast.motionID, choice: cast.choice)
        }
        let clock = ContinuousClock()
        var rollSamples: [Duration] = []
        var tallySamples: [Duration] = []
        var results: [MotionResult] = []
        for _ in 0..<iterations {
            let start = clock.now
            let roll = VotingRoll(holdings: meeting.holdings)
            let fixed = clock.now
            results = Tally.count(motions: motions, ballots: ballots, roll: roll)
            tallySamples.append(clock.now - fixed)
            rollSamples.append(fixed - start)
        }
        func p(_ samples: [Duration], _ q: Double) -> Duration {
            let sorted = samples.sorted()
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))]
        }
        print("\(homes) homes → \(meeting.roll.rights.count) voting rights, \(ballots.count) ballots on \(motions.count) motions")
        print("fix voting rights: p50 \(p(rollSamples, 0.5)), p99 \(p(rollSamples, 0.99))")
        print("tally all motions: p50 \(p(tallySamples, 0.5)), p99 \(p(tallySamples, 0.99))")
        for result in results { print("  motion \(result.motionID): \(result.passed ? "passed" : "not passed")") }
        if let export {
            let published = AssemblyExport.publish(
                meeting: .init(id: 1, compoundID: 1, title: "示例小区 2026 年第一次业主大会（模拟）", recordDate: "2026-11-01",
                               opensAt: "2026-11-16T00:00:00.000Z", closesAt: "2026-11-21T00:00:00.000Z"),
                motions: meeting.motions, roll: meeting.roll, casts: meeting.casts, hash: ChainHash.sha256)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(published).write(to: URL(fileURLWithPath: export))
            print("wrote \(export)")
        }
    }
}
