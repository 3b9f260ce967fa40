extension AssemblyExport {
    /// A ballot before it is chained: who voted, on what, how, and the receipt they were given.
    public struct Cast: Sendable, Equatable {
        public let rightID: Int
        public let motionID: Int
        public let choice: Choice
        public let channel: String
        public let receipt: String
        public let castAt: String

        public init(rightID: Int, motionID: Int, choice: Choice, channel: String, receipt: String, castAt: String) {
            self.rightID = rightID
            self.motionID = motionID
            self.choice = choice
            self.channel = channel
            self.receipt = receipt
            self.castAt = castAt
        }
    }

    /// Publishes a closed meeting: chains the ballots in the order cast, counts them and records the
    /// result. `hash` is the chain hash over `Ballot.hashedFields`.
    public static func publish(meeting: Meeting, motions: [Motion], roll: VotingRoll, casts: [Cast],
                               hash: ([String]) -> String) -> AssemblyExport {
        var ballots: [Ballot] = []
        ballots.reserveCapacity(casts.count)
        var previous = String(repeating: "0", count: 64)
        for (index, cast) in casts.enumerated() {
            var ballot = Ballot(seq: Int64(index + 1), rightID: cast.rightID, motionID: cast.motionID, choice: cast.choice,
                                channel: cast.channel, receipt: cast.receipt, castAt: cast.castAt, prevHash: previous, hash: "")
            ballot.hash = hash(ballot.hashedFields)
            previous = ballot.hash
            ballots.append(ballot)
        }
        let results = Tally.count(motions: motions.map { ($0.id, $0.matter) },
                                  ballots: ballots.map { CountedBallot(seq: $0.seq, rightID: $0.rightID, motionID: $0.motionID,
                                                                       choice: $0.choice) },
                                  roll: roll)
        return AssemblyExport(meeting: meeting, motions: motions, votingRights: roll.rights, totals: roll.totals,
                              ballots: ballots, results: results)
    }
}
