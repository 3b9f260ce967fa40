import Evaluation
import Testing
import WuyeCore

/// Scorecards, scores and results without a database: templates add up to 100 points, items score
/// linearly and exactly, missing data follows the indicator's rule, and a round ranks, rewards and
/// stars by its stated rules.
struct ScorecardTests {
    @Test(arguments: ["closed", "open", "commercial"])
    func everyTemplateAddsUpToOneHundredWithJinansWeights(type: String) throws {
        let card = ScorecardTemplate.jinan(for: type)
        try card.check()
        #expect(card.dimensions.map(\.weight) == [4_000, 3_000, 3_000])
        #expect(card.band(of: 8_500).label == "良好" && card.band(of: 8_499).label == "一般" && card.band(of: 5_999).label == "较差")
    }

    @Test func aScorecardThatDoesNotAddUpIsRefused() {
        var card = ScorecardTemplate.jinan(for: "closed")
        card.dimensions[0].items[0].max -= 1
        let error = #expect(throws: DomainError.self) { try card.check() }
        #expect(error?.code == "weights_not_100")
        var bands = ScorecardTemplate.jinan(for: "closed")
        bands.bands = [bands.bands[1], bands.bands[0], bands.bands[2]]
        #expect(throws: DomainError.self) { try bands.check() }
    }

    @Test func anIndicatorScoresLinearlyBetweenItsLinesHalfUp() {
        // On-time 95 % full, 60 % none, 5 points: 77.5 % → 2.50; 92 % → 5 × 320 / 350 = 4.571… → 4.57.
        #expect(CompoundScore.linear(775, best: 950, worst: 600, max: 500) == 250)
        #expect(CompoundScore.linear(920, best: 950, worst: 600, max: 500) == 457)
        #expect(CompoundScore.linear(990, best: 950, worst: 600, max: 500) == 500)
        #expect(CompoundScore.linear(100, best: 950, worst: 600, max: 500) == 0)
        // Lower is better: 0 complaints per 100 homes full, 5.00 none; 1.25 → 3.75 of 5.
        #expect(CompoundScore.linear(125, best: 0, worst: 500, max: 500) == 375)
        #expect(CompoundScore.linear(900, best: 0, worst: 500, max: 500) == 0)
    }

    @Test func missingDataFollowsTheIndicatorAndDeductionsStopAtTheItemsMaximum() {
        let card = ScorecardTemplate.jinan(for: "closed")
        let none = CompoundScore(card, CompoundMeasures())
        // Nothing measured: survey, fees and disclosure earn nothing; complaints, on-time and the fund earn full marks.
        #expect(none.items.first { $0.item == "业主满意度调查" }?.points == 0)
        #expect(none.items.first { $0.item == "按时办结率" }?.points == 500)
        #expect(none.items.first { $0.item == "共有资金合规" }?.points == 500)
        #expect(none.total == 500 + 500 + 2_000 + 2_500 + 500)
        let measured = CompoundScore(card, CompoundMeasures(values: [.ownerSatisfaction: 950, .collectionRate: 775, .disclosureCompleteness: 1000,
                                                                    .complaintsPer100Homes: 0, .onTimeRate: 950],
                                                           deductions: ["现场检查（环境卫生、秩序维护、设施设备）": 350, "街道、社区党组织评价": 9_999]))
        #expect(measured.items.first { $0.item == "街道、社区党组织评价" }?.points == 0)
        #expect(measured.total == 3_000 + 500 + 500 + (2_000 - 350) + 250 + 500 + 0 + 500)
        #expect(measured.band == "一般")
    }

    @Test func theSurveyCountsSatisfiedAnswersAndRefusesOthers() throws {
        #expect(SatisfactionAnswer.satisfaction([5, 4, 3, 1]) == 500)
        #expect(SatisfactionAnswer.satisfaction([]) == nil)
        #expect(try SatisfactionAnswer.rating("4") == 4)
        for bad in ["0", "6", "", "x"] { #expect(throws: DomainError.self) { try SatisfactionAnswer.rating(bad) } }
    }

    @Test func aRoundRanksWithinEachTypeRewardsTheTopBandAndStarsNinetyAndAbove() {
        let card = ScorecardTemplate.jinan(for: "closed")
        func entry(_ id: Int64, _ company: Int64, _ type: String, _ total: Int) -> RoundResults.Entry {
            let score = CompoundScore(card, CompoundMeasures(values: [.ownerSatisfaction: 950, .collectionRate: 950, .disclosureCompleteness: 1000],
                                                             deductions: ["街道、社区党组织评价": 10_000 - total]))
            #expect(score.total == total)
            return .init(compoundID: id, companyID: company, type: type, score: score)
        }
        let scored = [entry(1, 10, "closed", 9_200), entry(2, 10, "closed", 9_500), entry(3, 11, "closed", 8_000), entry(4, 11, "open", 9_000),
                      entry(5, 12, "closed", 9_500)]
        let results = RoundResults(scored, topBand: [1, 2, 4, 5])
        let closed = results.entries.filter { $0.type == "closed" }
        #expect(closed.map(\.compoundID) == [2, 5, 1, 3])  // equal scores: the lower id first
        #expect(closed.map(\.reward) == [Fen(10_000_000), Fen(8_000_000), Fen(8_000_000), .zero])  // 3 is not in the top band
        #expect(closed.map(\.demonstration) == [true, false, false, false] && closed.map(\.star) == [true, true, true, false])
        #expect(results.entries.first { $0.compoundID == 4 }.map { $0.rank == 1 && $0.demonstration && $0.reward == Fen(10_000_000) } == true)
        #expect(results.companies.map(\.companyID) == [12, 10, 11] && results.companies.map(\.mean) == [9_500, 9_350, 8_500])
        #expect(results.companies.map(\.star) == [true, true, false])
    }
}

/// Credit grades by the Shandong rule: the bounds of each grade, the good-record cap, and B or C below 60.
struct CreditGradeTests {
    @Test func gradesFollowTheBoundsAndABadRecordMakesCBelowSixty() {
        #expect(CreditGrade.of(score: 8_500, hasBadRecord: true) == .aaa && CreditGrade.of(score: 8_499, hasBadRecord: false) == .aa)
        #expect(CreditGrade.of(score: 8_000, hasBadRecord: false) == .aa && CreditGrade.of(score: 7_999, hasBadRecord: false) == .a)
        #expect(CreditGrade.of(score: 7_000, hasBadRecord: false) == .a && CreditGrade.of(score: 6_999, hasBadRecord: false) == .b)
        #expect(CreditGrade.of(score: 5_999, hasBadRecord: false) == .b && CreditGrade.of(score: 5_999, hasBadRecord: true) == .c)
    }

    @Test func theScoreIsBasicPlusCappedGoodMinusBad() {
        #expect(CreditGrade.basic(evaluationMean: 9_350) == 7_480)
        #expect(CreditGrade.basic(evaluationMean: nil) == 4_800)
        #expect(CreditGrade.score(basic: 7_480, good: [1_500, 1_000], bad: [300]) == 7_480 + 2_000 - 300)
    }

    @Test func aRecordNeedsPointsAReasonAndAPastStart() throws {
        let today = try #require(CivilDate(year: 2026, month: 11, day: 23))
        let entry = try CreditEntryDraft(kind: .bad, points: "5", reason: "擅自停止供水催缴物业费（12345 工单）", validFrom: "2026-11-01", months: 12, serious: true, today: today)
        #expect(entry.validUntil.text == "2027-11-01" && entry.serious && entry.points == 500)
        #expect(try CreditEntryDraft(kind: .good, points: "3", reason: "获评区级红色物业示范项目", validFrom: "2026-11-01", months: 12, serious: true, today: today).serious == false)
        for (points, reason, day) in [("0", "事由充分的记录", "2026-11-01"), ("5", "短", "2026-11-01"), ("5", "事由充分的记录", "2026-12-01")] {
            #expect(throws: DomainError.self) {
                try CreditEntryDraft(kind: .bad, points: points, reason: reason, validFrom: day, months: 12, serious: false, today: today)
            }
        }
    }
}

/// The quarterly index: weights add to 100, components without data count as none, complaints invert.
struct ServiceIndexTests {
    @Test func theIndexIsTheWeightedSumOfItsRates() {
        let full = ServiceIndex.components(service: 1000, onTime: 1000, complaintsPer100Homes: 0, collection: 1000, committees: 1000, disclosure: 1000, party: 1000)
        #expect(full.reduce(0) { $0 + $1.weight } == 100 && ServiceIndex.value(full) == 10_000)
        let mixed = ServiceIndex.components(service: 750, onTime: 900, complaintsPer100Homes: 125, collection: nil, committees: 83, disclosure: 333, party: 0)
        // 20×75 + 20×90 + 15×75 + 0 + 10×8.3 + 10×33.3 + 0 = 1500 + 1800 + 1125 + 83 + 333 = 4841 → 48.41
        #expect(ServiceIndex.value(mixed) == 4_841)
        #expect(ServiceIndex.components(service: nil, onTime: nil, complaintsPer100Homes: 900, collection: nil, committees: nil, disclosure: nil, party: nil)
            .first { $0.name == "每百户投诉量" }?.permille == 0)
        #expect(ServiceIndex.quarter(of: CivilDate(year: 2026, month: 11, day: 23)!) == "2026Q4")
    }
}
