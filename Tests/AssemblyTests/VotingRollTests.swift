import Assembly
import Testing

struct VotingRollTests {
    @Test func theDevelopersHomesCountOnceWithTheirAreasSummed() {
        let roll = VotingRoll(holdings: [
            Holding(homeID: 1, area: 8_000, delivered: false, owners: []),
            Holding(homeID: 2, area: 9_000, delivered: false, owners: []),
            Holding(homeID: 3, area: 10_000, delivered: true, owners: ["a"]),
        ])
        #expect(roll.totals == VoteTotals(area: 27_000, headcount: 2))
        #expect(roll.rights[0] == VotingRight(id: 1, holder: .developer, homeIDs: [1, 2], area: 17_000))
    }

    @Test func anOwnerOfSeveralHomesCountsOnceWithSummedArea() {
        let roll = VotingRoll(holdings: [
            Holding(homeID: 1, area: 8_000, delivered: true, owners: ["a"]),
            Holding(homeID: 2, area: 9_000, delivered: true, owners: ["b"]),
            Holding(homeID: 3, area: 10_000, delivered: true, owners: ["a"]),
        ])
        #expect(roll.totals.headcount == 2)
        #expect(roll.right(ofOwner: "a") == VotingRight(id: 1, holder: .owners, homeIDs: [1, 3], area: 18_000))
    }

    @Test func coOwnersShareOneRightAndOwnersTiedByCoOwnershipAreOne() {
        let roll = VotingRoll(holdings: [
            Holding(homeID: 1, area: 8_000, delivered: true, owners: ["a", "b"]),
            Holding(homeID: 2, area: 9_000, delivered: true, owners: ["c"]),
            Holding(homeID: 3, area: 10_000, delivered: true, owners: ["c", "d"]),
            Holding(homeID: 4, area: 11_000, delivered: true, owners: []),
        ])
        #expect(roll.totals.headcount == 3)
        #expect(roll.right(ofOwner: "a") == roll.right(ofOwner: "b"))
        #expect(roll.right(ofOwner: "d")?.homeIDs == [2, 3])
        #expect(roll.rights.last == VotingRight(id: 3, holder: .unregistered, homeIDs: [4], area: 11_000))
    }
}

struct TallyTests {
    let roll = VotingRoll(holdings: (1...3).map { Holding(homeID: Int64($0), area: 10_000, delivered: true, owners: ["o\($0)"]) })

    @Test func theLatestBallotOfARightCountsAndRepeatsDoNotCountTwice() {
        let ballots = [
            CountedBallot(seq: 1, rightID: 1, motionID: 1, choice: .disagree),
            CountedBallot(seq: 2, rightID: 2, motionID: 1, choice: .agree),
            CountedBallot(seq: 3, rightID: 1, motionID: 1, choice: .agree),
            CountedBallot(seq: 4, rightID: 2, motionID: 1, choice: .agree),
            CountedBallot(seq: 5, rightID: 9, motionID: 1, choice: .agree),  // no such right
        ]
        let result = Tally.count(motions: [(1, .covenant)], ballots: ballots.reversed(), roll: roll)[0]
        #expect(result.count == VoteCount(participatingArea: 20_000, participatingHeadcount: 2, agreeArea: 20_000, agreeHeadcount: 2))
        #expect(result.quorum)  // 2 of 3 rights and 2/3 of the area
        #expect(result.passed)
    }
}

struct RecountTests {
    /// A stand-in chain hash: the recount only needs the same function on both sides.
    static func hash(_ fields: [String]) -> String {
        var value: UInt64 = 1469598103934665603
        for byte in fields.joined(separator: "\u{1F}").utf8 { value = (value ^ UInt64(byte)) &* 1099511628211 }
        return String(repeating: "0", count: 48) + String(value, radix: 16).leftPadded(to: 16)
    }

    func published() -> AssemblyExport {
        let meeting = SyntheticMeeting(homes: 500, seed: 7)
        return AssemblyExport.publish(
            meeting: .init(id: 1, compoundID: 1, title: "测试", recordDate: "2026-11-01", opensAt: "a", closesAt: "b"),
            motions: meeting.motions, roll: meeting.roll, casts: meeting.casts, hash: Self.hash)
    }

    @Test func anUntouchedExportConfirmsItsResult() {
        let recount = Recount(published(), hash: Self.hash)
        #expect(recount.problems == [])
        #expect(recount.results == published().results)
    }

    @Test func aChangedChoiceIsCaughtByTheChainAndTheResult() {
        var export = published()
        let index = export.ballots.firstIndex { $0.choice == .disagree }!
        export.ballots[index].choice = .agree
        let recount = Recount(export, hash: Self.hash)
        #expect(recount.problems.contains("ballot \(export.ballots[index].seq) does not match its hash"))
        #expect(recount.problems.contains { $0.hasPrefix("motion \(export.ballots[index].motionID): published") })
    }

    @Test func aDroppedBallotAndAFlippedResultAreNamed() {
        var export = published()
        export.ballots.remove(at: 10)
        export.results[0] = MotionResult(motionID: export.results[0].motionID, count: export.results[0].count,
                                         quorum: export.results[0].quorum, passed: !export.results[0].passed)
        let problems = Recount(export, hash: Self.hash).problems
        #expect(problems.contains("ballot 12 is out of order (expected 11)"))
        #expect(problems.contains("ballot 12 does not chain onto ballot 11"))
        #expect(problems.contains { $0.hasPrefix("motion 1: published") })
    }

    @Test func inflatedTotalsAreNamed() {
        var export = published()
        export.totals.area += 1
        #expect(Recount(export, hash: Self.hash).problems.first?.hasPrefix("published totals") == true)
    }
}

extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
