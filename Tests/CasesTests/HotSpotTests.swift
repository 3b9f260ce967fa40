import Cases
import Testing
import WuyeCore

/// Complaints per 100 homes, key compounds by threshold and top N, campaigns and the rectification
/// rate: exact integer arithmetic at the bounds.
struct HotSpotTests {
    @Test func complaintsPerHundredHomesRoundHalfUpToHundredths() {
        #expect(ComplaintLoad(compoundID: 1, complaints: 30, homes: 101).perHundredHomesText == "29.70")
        #expect(ComplaintLoad(compoundID: 1, complaints: 1, homes: 3).perHundredHomesText == "33.33")
        #expect(ComplaintLoad(compoundID: 1, complaints: 2, homes: 3).perHundredHomesText == "66.67")
        #expect(ComplaintLoad(compoundID: 1, complaints: 1, homes: 800).perHundredHomesText == "0.13")  // 0.125 rounds up
        #expect(ComplaintLoad(compoundID: 1, complaints: 3, homes: 0).perHundredHomes == 0)
    }

    @Test func aThresholdIsReachedByTheExactRateNotTheRoundedOne() {
        // 5 per 100 homes exactly reaches a threshold of 5; one home more falls below it.
        #expect(ComplaintLoad(compoundID: 1, complaints: 5, homes: 100).reaches(500))
        #expect(!ComplaintLoad(compoundID: 1, complaints: 5, homes: 101).reaches(500))
        // 1 of 800 homes is 0.125, shown as 0.13, yet it does not reach a threshold of 0.13; 1 of 769 (0.1300…) does.
        let shownAbove = ComplaintLoad(compoundID: 1, complaints: 1, homes: 800)
        #expect(shownAbove.perHundredHomesText == "0.13" && !shownAbove.reaches(13))
        #expect(ComplaintLoad(compoundID: 1, complaints: 1, homes: 769).reaches(13))
    }

    @Test func keyCompoundsAreTheBusiestByRateWithTiesBrokenByCountThenId() throws {
        let loads = [
            ComplaintLoad(compoundID: 4, complaints: 2, homes: 100),
            ComplaintLoad(compoundID: 3, complaints: 4, homes: 200),  // same rate as 4, more complaints
            ComplaintLoad(compoundID: 9, complaints: 10, homes: 100),
            ComplaintLoad(compoundID: 2, complaints: 0, homes: 50),   // never a key compound
            ComplaintLoad(compoundID: 1, complaints: 2, homes: 100),  // same as 4, lower id
        ]
        #expect(try KeyCompoundRule(kind: "top", value: "3").select(loads).map(\.compoundID) == [9, 3, 1])
        #expect(try KeyCompoundRule(kind: "top", value: "10").select(loads).map(\.compoundID) == [9, 3, 1, 4])
        #expect(try KeyCompoundRule(kind: "threshold", value: "2").select(loads).map(\.compoundID) == [9, 3, 1, 4])
        #expect(try KeyCompoundRule(kind: "threshold", value: "2.01").select(loads).map(\.compoundID) == [9])
    }

    @Test func aRuleIsTypedAsAPersonWritesItAndRefusedByField() throws {
        #expect(try KeyCompoundRule(kind: "threshold", value: "2.5") == .threshold(250))
        #expect(try KeyCompoundRule(kind: "threshold", value: " 0.25 ") == .threshold(25))
        #expect(try KeyCompoundRule(kind: "threshold", value: "2.5").valueText == "2.5")
        #expect(try KeyCompoundRule(kind: "threshold", value: "0.05").valueText == "0.05")
        #expect(try KeyCompoundRule(kind: "top", value: "20").chineseDescription == "投诉率前 20 名")
        for (kind, value, field) in [("threshold", "2.555", "value"), ("threshold", "abc", "value"), ("threshold", "0", "value"),
                                     ("threshold", "-1", "value"), ("top", "0", "value"), ("top", "1001", "value"), ("worst", "5", "rule")] {
            let error = #expect(throws: DomainError.self) { try KeyCompoundRule(kind: kind, value: value) }
            #expect(error?.field == field, "\(kind) \(value)")
        }
    }

    @Test func theRectificationRateOfQingdaosCampaignIs848Permille() {
        let rate = RectificationRate(rectified: 195, total: 230)
        #expect(rate.permille == 848)
        #expect(rate.chineseText == "230 个重点小区已整改 195 个，整改率 84.8%")
        #expect(RectificationRate(states: [.rectified, .pending, .awaitingRecheck]).permille == 333)
        #expect(RectificationRate(states: []).chineseText.hasSuffix("整改率 —"))
    }

    @Test func aCompoundIsRectifiedOnlyByAPassedRecheckOfAReport() throws {
        #expect(try RectificationState.pending.reported() == .awaitingRecheck)
        #expect(try RectificationState.awaitingRecheck.rechecked(passed: true) == .rectified)
        #expect(try RectificationState.awaitingRecheck.rechecked(passed: false) == .pending)
        #expect(throws: DomainError.self) { try RectificationState.pending.rechecked(passed: true) }
        #expect(throws: DomainError.self) { try RectificationState.awaitingRecheck.reported() }
        #expect(throws: DomainError.self) { try RectificationState.rectified.reported() }
        #expect(throws: DomainError.self) { try RectificationNote.checked("  ") }
    }

    @Test func aCampaignNeedsAFutureDeadlineAndKeyCompounds() throws {
        let today = try #require(CivilDate(text: "2026-11-23"))
        let plan = try CampaignPlan(name: " 攻坚行动 ", measures: "一小区一方案", startsOn: today, deadline: "2027-01-31", compoundIDs: [3, 1, 3])
        #expect(plan.name == "攻坚行动" && plan.compoundIDs == [1, 3])
        for (deadline, ids, field) in [("2026-11-23", [Int64(1)], "deadline"), ("2027-02-30", [1], "deadline"), ("2027-01-31", [], "compounds")] {
            let error = #expect(throws: DomainError.self) {
                try CampaignPlan(name: "行动", measures: "措施", startsOn: today, deadline: deadline, compoundIDs: ids)
            }
            #expect(error?.field == field)
        }
        let unnamed = #expect(throws: DomainError.self) {
            try CampaignPlan(name: "", measures: "措施", startsOn: today, deadline: "2027-01-31", compoundIDs: [1])
        }
        #expect(unnamed?.field == "name")
    }
}
