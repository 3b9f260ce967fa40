/// A meeting as published: everything needed to recompute its result with nothing else — the
/// voting rights with their homes and areas, every ballot with its receipt and its place in the
/// hash chain, the totals and the results. No names or ID numbers: rights are numbered.
public struct AssemblyExport: Codable, Equatable, Sendable {
    public static let currentFormat = "wuye-assembly-export/1"

    public var format: String
    public var meeting: Meeting
    public var motions: [Motion]
    public var votingRights: [VotingRight]
    public var totals: VoteTotals
    public var ballots: [Ballot]
    public var results: [MotionResult]

    public init(meeting: Meeting, motions: [Motion], votingRights: [VotingRight], totals: VoteTotals, ballots: [Ballot],
                results: [MotionResult]) {
        format = Self.currentFormat
        self.meeting = meeting
        self.motions = motions
        self.votingRights = votingRights
        self.totals = totals
        self.ballots = ballots
        self.results = results
    }

    enum CodingKeys: String, CodingKey {
        case format, meeting, motions, votingRights = "voting_rights", totals, ballots, results
    }

    public struct Meeting: Codable, Equatable, Sendable {
        public var id: Int64
        public var compoundID: Int64
        public var title: String
        /// The day the voting rights were fixed from the registry.
        public var recordDate: String
        public var opensAt: String
        public var closesAt: String

        public init(id: Int64, compoundID: Int64, title: String, recordDate: String, opensAt: String, closesAt: String) {
            self.id = id
            self.compoundID = compoundID
            self.title = title
            self.recordDate = recordDate
            self.opensAt = opensAt
            self.closesAt = closesAt
        }

        enum CodingKeys: String, CodingKey {
            case id, compoundID = "compound_id", title, recordDate = "record_date", opensAt = "opens_at", closesAt = "closes_at"
        }
    }

    public struct Motion: Codable, Equatable, Sendable {
        public var id: Int
        public var matter: MotionMatter
        public var title: String

        public init(id: Int, matter: MotionMatter, title: String) {
            self.id = id
            self.matter = matter
            self.title = title
        }
    }

    /// A ballot as published. `hash` chains it to the ballot before (`prevHash`); a voter finds
    /// their ballot by the receipt code they were given.
    public struct Ballot: Codable, Equatable, Sendable {
        public var seq: Int64
        public var rightID: Int
        public var motionID: Int
        public var choice: Choice
        /// How the ballot arrived: online, paper (entered by the committee) or written (carried by a representative).
        public var channel: String
        public var receipt: String
        public var castAt: String
        public var prevHash: String
        public var hash: String

        public init(seq: Int64, rightID: Int, motionID: Int, choice: Choice, channel: String, receipt: String, castAt: String,
                    prevHash: String, hash: String) {
            self.seq = seq
            self.rightID = rightID
            self.motionID = motionID
            self.choice = choice
            self.channel = channel
            self.receipt = receipt
            self.castAt = castAt
            self.prevHash = prevHash
            self.hash = hash
        }

        enum CodingKeys: String, CodingKey {
            case seq, rightID = "right_id", motionID = "motion_id", choice, channel, receipt, castAt = "cast_at",
                 prevHash = "prev_hash", hash
        }

        /// The fields the hash covers, in order (everything but the hash itself).
        public var hashedFields: [String] {
            [String(seq), String(rightID), String(motionID), choice.rawValue, channel, receipt, castAt, prevHash]
        }
    }
}
