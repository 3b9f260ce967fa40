/// A ballot as counted: one voting right's choice on one motion. When a right votes on a motion
/// more than once (allowed until the close if the assembly's rules say so), the latest counts.
public struct CountedBallot: Sendable, Equatable {
    public let seq: Int64
    public let rightID: Int
    public let motionID: Int
    public let choice: Choice

    public init(seq: Int64, rightID: Int, motionID: Int, choice: Choice) {
        self.seq = seq
        self.rightID = rightID
        self.motionID = motionID
        self.choice = choice
    }
}

/// A motion's result at the close.
public struct MotionResult: Codable, Equatable, Sendable {
    public let motionID: Int
    public let count: VoteCount
    public let quorum: Bool
    public let passed: Bool

    public init(motionID: Int, count: VoteCount, quorum: Bool, passed: Bool) {
        self.motionID = motionID
        self.count = count
        self.quorum = quorum
        self.passed = passed
    }

    enum CodingKeys: String, CodingKey {
        case motionID = "motion_id", count, quorum, passed
    }
}

public enum Tally {
    /// Counts every motion from the ballots: one choice per right per motion, the latest by `seq`.
    /// Ballots naming a right the roll does not have are not counted (the caller reports them).
    public static func count(motions: [(id: Int, matter: MotionMatter)], ballots: [CountedBallot],
                             roll: VotingRoll) -> [MotionResult] {
        count(motions: motions, ballots: ballots, rights: roll.rights, totals: roll.totals)
    }

    /// The same over rights numbered 1…n (as a roll and an export number them).
    public static func count(motions: [(id: Int, matter: MotionMatter)], ballots: [CountedBallot],
                             rights: [VotingRight], totals: VoteTotals) -> [MotionResult] {
        var latest: [Int: [Int: (seq: Int64, choice: Choice)]] = [:]
        for ballot in ballots where rights.indices.contains(ballot.rightID - 1) {
            if let seen = latest[ballot.motionID]?[ballot.rightID], seen.seq > ballot.seq { continue }
            latest[ballot.motionID, default: [:]][ballot.rightID] = (ballot.seq, ballot.choice)
        }
        return motions.map { motion in
            var count = VoteCount()
            for (rightID, vote) in latest[motion.id] ?? [:] {
                count.add(vote.choice, area: rights[rightID - 1].area)
            }
            return MotionResult(motionID: motion.id, count: count, quorum: Art278.quorum(count, of: totals),
                                passed: Art278.passed(count, of: totals, threshold: motion.matter.threshold))
        }
    }
}
