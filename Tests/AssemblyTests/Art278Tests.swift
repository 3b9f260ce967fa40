import Assembly
import Testing

/// The exact bounds of Civil Code Art. 278 para 2 with Art. 1259's reading of 以上 and 过半数.
struct Art278Tests {
    let total = VoteTotals(area: 3_600_000, headcount: 300)  // 36,000.00 m², 300 rights

    @Test func exactlyTwoThirdsOfAreaAndHeadcountMeetsTheQuorum() {
        let count = VoteCount(participatingArea: 2_400_000, participatingHeadcount: 200, agreeArea: 0, agreeHeadcount: 0)
        #expect(Art278.quorum(count, of: total))
    }

    @Test func onePointZeroOneSquareMetreLessMissesTheQuorum() {
        let count = VoteCount(participatingArea: 2_399_999, participatingHeadcount: 200, agreeArea: 0, agreeHeadcount: 0)
        #expect(!Art278.quorum(count, of: total))
    }

    @Test func oneHeadcountLessMissesTheQuorumWhateverTheArea() {
        let count = VoteCount(participatingArea: 3_600_000, participatingHeadcount: 199, agreeArea: 0, agreeHeadcount: 0)
        #expect(!Art278.quorum(count, of: total))
    }

    @Test func specialMajorityNeedsThreeQuartersOfAreaAndHeadcountInclusive() {
        let exactly = VoteCount(participatingArea: 2_400_000, participatingHeadcount: 200, agreeArea: 1_800_000, agreeHeadcount: 150)
        #expect(Art278.carried(exactly, threshold: .special))
        let areaShort = VoteCount(participatingArea: 2_400_000, participatingHeadcount: 200, agreeArea: 1_799_999, agreeHeadcount: 200)
        #expect(!Art278.carried(areaShort, threshold: .special))
        let headShort = VoteCount(participatingArea: 2_400_000, participatingHeadcount: 200, agreeArea: 2_400_000, agreeHeadcount: 149)
        #expect(!Art278.carried(headShort, threshold: .special))
    }

    @Test func exactlyHalfFailsAnOrdinaryMotionAndOneMorePasses() {
        let half = VoteCount(participatingArea: 2_400_000, participatingHeadcount: 200, agreeArea: 1_200_000, agreeHeadcount: 101)
        #expect(!Art278.carried(half, threshold: .ordinary))
        let halfHeads = VoteCount(participatingArea: 2_400_000, participatingHeadcount: 200, agreeArea: 1_200_001, agreeHeadcount: 100)
        #expect(!Art278.carried(halfHeads, threshold: .ordinary))
        let more = VoteCount(participatingArea: 2_400_000, participatingHeadcount: 200, agreeArea: 1_200_001, agreeHeadcount: 101)
        #expect(Art278.carried(more, threshold: .ordinary))
    }

    @Test func abstentionsParticipateButDoNotAgree() {
        var count = VoteCount()
        count.add(.agree, area: 10_000)
        count.add(.abstain, area: 10_000)
        #expect(count.participatingHeadcount == 2)
        #expect(count.participatingArea == 20_000)
        #expect(count.abstainHeadcount == 1)
        #expect(!Art278.carried(count, threshold: .ordinary))  // 1 of 2 is not more than half
    }

    @Test func theMatterFixesTheThreshold() {
        #expect(MotionMatter.useMaintenanceFund.threshold == .ordinary)  // using the fund: ordinary
        #expect(MotionMatter.raiseMaintenanceFund.threshold == .special)  // raising it: 3/4
        #expect(MotionMatter.allCases.filter { $0.threshold == .special } == [.raiseMaintenanceFund, .rebuild, .changeUseOfCommonParts])
        #expect(MotionMatter.rebuild.citation.contains("第二百七十八条"))
    }

    /// Reference §1.5: 400 units, 36,000.00 m²; the developer holds 20; 10 buyers own 2 each.
    @Test func theWorkedExampleOfTheReferencePassesAsASpecialMotion() {
        var holdings: [Holding] = []
        var home: Int64 = 0
        func add(_ owners: [String], delivered: Bool = true) {
            home += 1
            holdings.append(Holding(homeID: home, area: 9_000, delivered: delivered, owners: owners))  // 90.00 m² each
        }
        for _ in 0..<20 { add([], delivered: false) }
        for buyer in 0..<10 { add(["buyer-\(buyer)"]); add(["buyer-\(buyer)"]) }
        for owner in 0..<360 { add(["owner-\(owner)"]) }
        let roll = VotingRoll(holdings: holdings)
        #expect(roll.totals == VoteTotals(area: 3_600_000, headcount: 371))
        let count = VoteCount(participatingArea: 2_460_000, participatingHeadcount: 250, agreeArea: 1_850_000, agreeHeadcount: 190)
        #expect(Art278.quorum(count, of: roll.totals))  // 7,380,000 ≥ 7,200,000 and 750 ≥ 742
        #expect(Art278.carried(count, threshold: .special))  // 7,400,000 ≥ 7,380,000 and 760 ≥ 750
        #expect(Art278.passed(count, of: roll.totals, threshold: .special))
    }
}

import Foundation
import WuyeCore

struct MeetingPlanTests {
    let published = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func votingMayOpenFifteenDaysAfterTheAgendaAndNotADayEarlier() throws {
        let opens = published.addingTimeInterval(15 * 86_400)
        let plan = try MeetingPlan(title: " 第一次业主大会 ", motions: [(6, "续筹维修资金")], opensAt: opens,
                                   closesAt: opens.addingTimeInterval(5 * 86_400), publishedAt: published)
        #expect(plan.title == "第一次业主大会")
        #expect(plan.motions == [AssemblyExport.Motion(id: 1, matter: .raiseMaintenanceFund, title: "续筹维修资金")])
        let error = #expect(throws: DomainError.self) {
            try MeetingPlan(title: "会议", motions: [(6, "续筹维修资金")], opensAt: opens.addingTimeInterval(-86_400),
                            closesAt: opens.addingTimeInterval(86_400), publishedAt: published)
        }
        #expect(error?.code == "notice_too_short")
        #expect(error?.field == "opens_at")
    }

    @Test func badMotionsAreNamedByTheirPlace() {
        let opens = published.addingTimeInterval(20 * 86_400)
        let error = #expect(throws: DomainError.self) {
            try MeetingPlan(title: "会议", motions: [(4, "续聘"), (10, "无此事项")], opensAt: opens,
                            closesAt: opens.addingTimeInterval(86_400), publishedAt: published)
        }
        #expect(error?.field == "motions[1].matter")
        #expect(throws: DomainError.self) {
            try MeetingPlan(title: "会议", motions: [], opensAt: opens, closesAt: opens.addingTimeInterval(86_400), publishedAt: published)
        }
        #expect(throws: DomainError.self) {
            try MeetingPlan(title: "会议", motions: [(4, "续聘")], opensAt: opens, closesAt: opens, publishedAt: published)
        }
    }
}
