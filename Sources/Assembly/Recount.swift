/// `wuye assembly recount`: recomputes a published meeting from its export alone and says where the
/// export disagrees with itself — totals that are not the sum of the rights, a broken ballot chain,
/// a ballot for an unknown right or motion, or a result that is not what the ballots give.
public struct Recount: Sendable {
    public let results: [MotionResult]
    public let problems: [String]

    public var confirmsPublishedResult: Bool { problems.isEmpty }

    /// `hash` computes a ballot's chain hash from `Ballot.hashedFields` (SHA-256 lives outside the domain).
    public init(_ export: AssemblyExport, hash: ([String]) -> String) {
        var problems: [String] = []
        if export.format != AssemblyExport.currentFormat {
            problems.append("format \(export.format) is not \(AssemblyExport.currentFormat)")
        }
        var homes = Set<Int64>()
        for (index, right) in export.votingRights.enumerated() {
            if right.id != index + 1 { problems.append("voting right \(right.id) is out of order (expected \(index + 1))") }
            for home in right.homeIDs where !homes.insert(home).inserted {
                problems.append("home \(home) belongs to more than one voting right")
            }
        }
        let totals = VoteTotals(area: export.votingRights.reduce(0) { $0 + $1.area },
                                headcount: Int64(export.votingRights.count))
        if totals != export.totals {
            problems.append("published totals \(export.totals.area)/\(export.totals.headcount) are not the rights' \(totals.area)/\(totals.headcount)")
        }
        var previous = String(repeating: "0", count: 64)
        let motionIDs = Set(export.motions.map(\.id))
        for (index, ballot) in export.ballots.enumerated() {
            if ballot.seq != Int64(index + 1) { problems.append("ballot \(ballot.seq) is out of order (expected \(index + 1))") }
            if ballot.prevHash != previous { problems.append("ballot \(ballot.seq) does not chain onto ballot \(ballot.seq - 1)") }
            if hash(ballot.hashedFields) != ballot.hash { problems.append("ballot \(ballot.seq) does not match its hash") }
            if ballot.rightID < 1 || ballot.rightID > export.votingRights.count {
                problems.append("ballot \(ballot.seq) names unknown voting right \(ballot.rightID)")
            }
            if !motionIDs.contains(ballot.motionID) { problems.append("ballot \(ballot.seq) names unknown motion \(ballot.motionID)") }
            previous = ballot.hash
        }
        let results = Tally.count(motions: export.motions.map { ($0.id, $0.matter) },
                                  ballots: export.ballots.map { CountedBallot(seq: $0.seq, rightID: $0.rightID,
                                                                              motionID: $0.motionID, choice: $0.choice) },
                                  rights: export.votingRights, totals: totals)
        for result in results {
            guard let published = export.results.first(where: { $0.motionID == result.motionID }) else {
                problems.append("motion \(result.motionID) has no published result")
                continue
            }
            if published != result {
                problems.append("motion \(result.motionID): published \(published.passed ? "passed" : "failed") with "
                                + "\(published.count.agreeArea)/\(published.count.agreeHeadcount) agreeing, the ballots give "
                                + "\(result.passed ? "passed" : "failed") with \(result.count.agreeArea)/\(result.count.agreeHeadcount)")
            }
        }
        self.results = results
        self.problems = problems
    }
}

